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
