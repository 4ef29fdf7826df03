/**
 * Range.createTextFinder as Google documents it (developers.google.com/apps-script/reference/spreadsheet/
 * text-finder): case-insensitive substring search by default, matchCase / matchEntireCell narrow it,
 * findNext walks the matches row by row and returns null after the last, findAll returns every match.
 */
import { fresh, js } from './helpers';

const SH = `var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheets()[0];
sh.getRange(1, 1, 4, 2).setValues([['ID', 'Note'], ['CMP-2026-00001', 'see cmp-2026-00012'], ['CMP-2026-00012', ''], ['INQ-2026-00003', 'CMP-2026-00012']]);`;

describe('Range.createTextFinder', () => {
  it('finds substrings case-insensitively by default, row by row', () => {
    const emu = fresh();
    const found = js(
      emu,
      `${SH} var f = sh.getDataRange().createTextFinder('CMP-2026-00012'); var out = [];
      var r; while ((r = f.findNext()) !== null) out.push(r.getA1Notation()); return out;`,
    );
    expect(found).toEqual(['B2', 'A3', 'B4']);
  });
  it('matchEntireCell and matchCase narrow the search; an open column range limits it', () => {
    const emu = fresh();
    const found = js(
      emu,
      `${SH} var col = sh.getRange('A2:A').createTextFinder('cmp-2026-00012').matchEntireCell(true);
      var hit = col.findNext(); var strict = sh.getDataRange().createTextFinder('cmp-2026-00012').matchCase(true).findAll();
      return [hit.getRow(), hit.getColumn(), col.findNext(), strict.map(function (r) { return r.getA1Notation(); })];`,
    );
    expect(found).toEqual([3, 1, null, ['B2']]);
  });
  it('each step of a search is a counted Sheets call; the scan reads no cells', () => {
    const emu = fresh();
    js(emu, SH);
    emu.counts.reset();
    const found = js(
      emu,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      return sh.getRange('A2:A').createTextFinder('QA-1').matchEntireCell(true).findNext();`,
    );
    expect(found).toBeNull();
    expect(emu.counts.get('Range', 'createTextFinder')).toBe(1);
    expect(emu.counts.get('TextFinder')).toBe(2);
    expect(emu.counts.sheets()).toBe(6); // getActiveSpreadsheet, getSheets, getRange, createTextFinder, matchEntireCell, findNext
    expect(emu.counts.cells().read).toBe(0);
  });
});

const CONTACTS = `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
sh.getRange(1, 1, 4, 2).setValues([['Phone', 'Email'], ['13812341234', 'ann@x.com'], ['138 1234 1234', 'JOANN@x.com'], [13812341234, '']]);`;

describe('TextFinder.useRegularExpression', () => {
  // The same page: "useRegularExpression(useRegEx): if true, interprets the search string as a regular
  // expression"; with matchEntireCell the whole cell must match.
  it('matches the displayed text of numbers and strings; matchEntireCell anchors it', () => {
    const emu = fresh();
    const result = js(
      emu,
      `${CONTACTS}
      var range = sh.getRange(2, 1, 3, 2);
      var a1 = function (found) { return found.map(function (r) { return r.getA1Notation(); }); };
      return {
        spaced: a1(range.createTextFinder('^1[ ]*3[ ]*8[ ]*1[ ]*2[ ]*3[ ]*4[ ]*1[ ]*2[ ]*3[ ]*4$').useRegularExpression(true).findAll()),
        whole: a1(range.createTextFinder('ann@x\\\\.com').useRegularExpression(true).matchEntireCell(true).findAll()),
        part: a1(range.createTextFinder('ann@x\\\\.com').useRegularExpression(true).findAll()),
      };`,
    );
    expect(result).toEqual({ spaced: ['A2', 'A3', 'A4'], whole: ['B2'], part: ['B2', 'B3'] });
  });
});

describe('Sheet.getSheetValues', () => {
  // developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvalues: the grid of values
  // of the range starting at the given coordinates, as getRange(...).getValues() returns it.
  it('returns the block in one call, counting its cells, with the range checks of getRange', () => {
    const emu = fresh();
    js(emu, CONTACTS);
    emu.counts.reset();
    const values = js(
      emu,
      'return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getSheetValues(2, 1, 2, 2);',
    );
    expect(values).toEqual([
      [13812341234, 'ann@x.com'],
      ['138 1234 1234', 'JOANN@x.com'],
    ]);
    expect(emu.counts.get('Sheet', 'getSheetValues')).toBe(1);
    expect(emu.counts.get('Range')).toBe(0);
    expect(emu.counts.cells().read).toBe(4);
    expect(() =>
      js(emu, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getSheetValues(0, 1, 1, 1);'),
    ).toThrow();
  });
  it('a date cell is searched as displayed now: after its value or format changes, not as first searched', () => {
    const emu = fresh();
    const found = js(
      emu,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var cell = sh.getRange('A1'); cell.setValue(new Date(Date.UTC(2026, 2, 1, 1, 30))); cell.setNumberFormat('yyyy-MM-dd');
      var before = sh.createTextFinder('2026-03-01').findAll().length;
      cell.setNumberFormat('dd/MM/yyyy');
      var formatted = [sh.createTextFinder('2026-03-01').findAll().length, sh.createTextFinder('01/03/2026').findAll().length];
      cell.setValue(new Date(Date.UTC(2026, 3, 1, 1, 30)));
      var moved = [sh.createTextFinder('01/03/2026').findAll().length, sh.createTextFinder('01/04/2026').findAll().length];
      return [before, formatted, moved];`,
    );
    expect(found).toEqual([1, [0, 1], [0, 1]]);
  });
});
