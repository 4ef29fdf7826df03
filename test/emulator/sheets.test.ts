import { fresh, js } from './helpers';

const SH = 'var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheets()[0];';

describe('Range values', () => {
  it('getValues has the exact shape, with empty strings for empty cells', () => {
    const emu = fresh();
    expect(
      js(emu, `${SH} sh.getRange('B2').setValue(5); return sh.getRange(1, 1, 3, 2).getValues();`),
    ).toEqual([
      ['', ''],
      ['', 5],
      ['', ''],
    ]);
  });
  it('returns copies of Dates that are Dates inside the script realm', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} var d = new Date(2026, 0, 1); sh.getRange('A1').setValue(d);
      var v = sh.getRange('A1').getValues()[0][0]; v.setFullYear(1999);
      var again = sh.getRange('A1').getValue();
      return [v instanceof Date, again.getFullYear()];`,
    );
    expect(r).toEqual([true, 2026]);
  });
  it('returns grids that are Arrays of the script realm, in-process and in concurrent runs', () => {
    // On Google a script's values are its own JavaScript arrays: instanceof Array, Array.prototype.
    const emu = fresh();
    emu.load(`function grid() {
      ${SH} sh.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
      var v = sh.getRange('A1:B2').getValues();
      return [v instanceof Array, v[0] instanceof Array, Object.getPrototypeOf(v[1]) === Array.prototype,
        sh.getRange('A1:B1').getDisplayValues()[0] instanceof Array];
    }`);
    expect(emu.run('grid')).toEqual([true, true, true, true]);
    expect(emu.runConcurrently([{ name: 'grid' }])).toEqual([
      { status: 'fulfilled', value: [true, true, true, true] },
    ]);
  });
  it("rejects a shape mismatch with Google's messages", () => {
    const emu = fresh();
    expect(() => js(emu, `${SH} sh.getRange(1, 1, 3, 1).setValues([[1], [2]]);`)).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => js(emu, `${SH} sh.getRange(1, 1, 1, 2).setValues([[1, 2, 3]]);`)).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });
  it('errors are Exceptions inside the script', () => {
    const emu = fresh();
    expect(
      js(emu, `${SH} try { sh.getRange(1, 1, 0, 1); } catch (e) { return [e instanceof Error, String(e)]; }`),
    ).toEqual([true, 'Exception: The number of rows in the range must be at least 1.']);
  });
  it('rejects zero and negative sizes and starts', () => {
    const emu = fresh();
    expect(() => js(emu, `${SH} sh.getRange(1, 1, 1, 0);`)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => js(emu, `${SH} sh.getRange(0, 1);`)).toThrow('The starting row of the range is too small.');
    expect(() => js(emu, `${SH} sh.getRange(1, 0);`)).toThrow(
      'The starting column of the range is too small.',
    );
    expect(() => js(emu, `${SH} sh.getRange(1000, 1, 2, 1);`)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });
  it('parses strings like typed input: formulas, apostrophes, numbers', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} sh.getRange(1, 1, 1, 7).setValues([['=SUM(1,2)', "'0123", '42', '-3.5', '+8613800000000', '13800138000', 'abc 1']]);
      return [sh.getRange(1, 1, 1, 7).getValues()[0], sh.getRange(1, 1, 1, 2).getFormulas()[0]];`,
    );
    expect(r).toEqual([
      ['', '0123', 42, -3.5, 8613800000000, 13800138000, 'abc 1'],
      ['=SUM(1,2)', ''],
    ]);
  });
  it('display values follow number formats and the spreadsheet time zone', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} sh.getRange('A1:C1').setValues([[0.5, new Date('2026-03-02T01:00:00Z'), true]]);
      sh.getRange('A1').setNumberFormat('0.0%'); sh.getRange('B1').setNumberFormat('yyyy-mm-dd hh:mm');
      return [sh.getRange('A1:C1').getDisplayValues()[0], sh.getRange('A1:B1').getNumberFormats()[0], sh.getRange('C1').getNumberFormat()];`,
    );
    expect(r).toEqual([['50.0%', '2026-03-02 09:00', 'TRUE'], ['0.0%', 'yyyy-mm-dd hh:mm'], 'General']);
  });
  it('keeps notes and styles', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} sh.getRange('A1:B1').setNotes([['n1', '']]); sh.getRange('B1').setNote('n2');
      sh.getRange('A1').setBackground('#ff0000').setFontWeight('bold');
      return [sh.getRange('A1:B1').getNotes(), sh.getRange('A1').getBackground(), sh.getRange('A1:B1').getFontWeights()];`,
    );
    expect(r).toEqual([[['n1', 'n2']], '#ff0000', [['bold', 'normal']]]);
    expect(emu.spreadsheet.sheet('工作表1').notes()).toEqual([]);
  });
});

describe('Sheet structure', () => {
  it('getLastRow/Column is the last cell with content, also after clearing', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} sh.getRange('A1:C3').setValue('x'); var a = [sh.getLastRow(), sh.getLastColumn()];
      sh.getRange('A3:C3').clearContent(); sh.getRange('C1:C2').clearContent();
      return a.concat([sh.getLastRow(), sh.getLastColumn(), sh.getMaxRows(), sh.getMaxColumns()]);`,
    );
    expect(r).toEqual([3, 3, 2, 2, 1000, 26]);
  });
  it('getLastRow/Column follow every change to the grid (the emulator caches them between changes)', () => {
    const emu = fresh();
    // After each change: what getLastRow/Column say, and the last row and column with content found by
    // reading every value and formula of the sheet.
    const check = `
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('G');
      var values = sh.getRange(1, 1, sh.getMaxRows(), sh.getMaxColumns()).getValues();
      var formulas = sh.getRange(1, 1, sh.getMaxRows(), sh.getMaxColumns()).getFormulas();
      var row = 0, col = 0;
      values.forEach(function (line, i) { line.forEach(function (v, j) {
        if (v !== '' || formulas[i][j] !== '') { row = Math.max(row, i + 1); col = Math.max(col, j + 1); }
      }); });
      return [sh.getLastRow(), sh.getLastColumn(), row, col];`;
    js(emu, `SpreadsheetApp.getActiveSpreadsheet().insertSheet('G').getRange('B3').setValue('x');`);
    const changes = [
      `sh.getRange('D7').setValue(1);`,
      `sh.getRange('D7').clearContent();`,
      `sh.getRange('E9').setFormula('=B3');`,
      `sh.getRange('E9').setValue('');`,
      `sh.appendRow(['a', 'b', 'c', 'd', 'e', 'f']);`,
      `sh.insertRowsBefore(1, 3);`,
      `sh.deleteRows(1, 2);`,
      `sh.insertColumnsBefore(1, 2);`,
      `sh.deleteColumns(1, 3);`,
      `sh.getRange('A1:F8').sort({ column: 1, ascending: false });`,
      `sh.createTextFinder('x').replaceAllWith('');`,
      `sh.getRange('C12').setValue('y'); sh.getLastRow(); sh.clearContents();`,
      `sh.getRange('A2:B2').setValues([['p', 'q']]); sh.getLastColumn(); sh.getRange('A2:B2').clear();`,
      `sh.getRange('H20').setValue('z'); sh.getLastRow(); sh.clear();`,
      `sh.getRange('C4').setValue('w');`,
    ];
    for (const change of changes) {
      js(
        emu,
        `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('G'); sh.getLastRow(); sh.getLastColumn(); ${change}`,
      );
      const [lastRow, lastColumn, row, col] = js(emu, check) as number[];
      expect({ change, lastRow, lastColumn }).toEqual({ change, lastRow: row, lastColumn: col });
    }
  });
  it('appendRow writes after the last row and grows the sheet', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} sh.deleteRows(3, 997); sh.appendRow(['a', 1]); sh.appendRow(['b', '2']); sh.appendRow(['c']);
      return [sh.getMaxRows(), sh.getRange(1, 1, 3, 2).getValues()];`,
    );
    expect(r).toEqual([
      3,
      [
        ['a', 1],
        ['b', 2],
        ['c', ''],
      ],
    ]);
  });
  it('inserts and deletes rows and columns, shifting content', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} sh.getRange('A1:C3').setValues([[1,2,3],[4,5,6],[7,8,9]]);
      sh.insertRowsAfter(1, 2); sh.deleteColumn(2); sh.insertColumnBefore(1); sh.deleteRow(5);
      return [sh.getDataRange().getValues(), sh.getMaxRows(), sh.getMaxColumns()];`,
    );
    expect(r).toEqual([
      [
        ['', 1, 3],
        ['', '', ''],
        ['', '', ''],
        ['', 4, 6],
      ],
      1001,
      26,
    ]);
  });
  it('sorts below frozen rows, blanks last; Range.sort sorts only its rows', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} sh.getRange('A1:B5').setValues([['h', 'k'], [3, 'c'], ['', 'e'], [1, 'a'], ['x', 'b']]);
      sh.setFrozenRows(1); sh.sort(1); var a = sh.getRange('A1:B5').getValues();
      sh.getRange('A2:B4').sort({ column: 2, ascending: false });
      return [a, sh.getRange('A1:B5').getValues(), sh.getFrozenRows()];`,
    );
    expect(r).toEqual([
      [
        ['h', 'k'],
        [1, 'a'],
        [3, 'c'],
        ['x', 'b'],
        ['', 'e'],
      ],
      [
        ['h', 'k'],
        [3, 'c'],
        ['x', 'b'],
        [1, 'a'],
        ['', 'e'],
      ],
      1,
    ]);
  });
  it('hides sheets but never the last visible one', () => {
    const emu = fresh();
    expect(() => js(emu, `${SH} sh.hideSheet();`)).toThrow("You can't hide all the sheets in a document.");
    js(emu, `var ss = SpreadsheetApp.getActive(); ss.insertSheet('B'); ss.getSheetByName('B').hideSheet();`);
    expect(emu.spreadsheet.sheet('B').isHidden()).toBe(true);
  });
  it('insertSheet rejects duplicate names', () => {
    const emu = fresh();
    js(emu, `SpreadsheetApp.getActive().insertSheet('Tickets', 0);`);
    expect(emu.spreadsheet.sheetNames()).toEqual(['Tickets', '工作表1']);
    expect(() => js(emu, `SpreadsheetApp.getActive().insertSheet('Tickets');`)).toThrow(
      'A sheet with the name "Tickets" already exists. Please enter another name.',
    );
  });
  it('Spreadsheet.getRange takes a sheet name', () => {
    const emu = fresh();
    const r = js(
      emu,
      `var ss = SpreadsheetApp.getActive(); ss.insertSheet("My Sheet"); ss.getRange("'My Sheet'!B2:C2").setValues([[1, 2]]);
      return [ss.getSheetByName('My Sheet').getRange('B2:C2').getA1Notation(), ss.getRange("'My Sheet'!A:A").getNumRows()];`,
    );
    expect(r).toEqual(['B2:C2', 1000]);
    expect(emu.spreadsheet.sheet('My Sheet').values()).toEqual([
      ['', '', ''],
      ['', 1, 2],
    ]);
  });
  it('data validation: list rules are stored and reject invalid writes unless allowed', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} var rule = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b'], true).setAllowInvalid(false).build();
      sh.getRange('A1:A2').setDataValidation(rule); sh.getRange('A1').setValue('a');
      var dv = sh.getRange('A1:A2').getDataValidations();
      return [String(dv[1][0].getCriteriaType()), dv[0][0].getCriteriaValues()[0], sh.getRange('B1').getDataValidation()];`,
    );
    expect(r).toEqual(['VALUE_IN_LIST', ['a', 'b'], null]);
    expect(() => js(emu, `${SH} sh.getRange('A2').setValue('c');`)).toThrow(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    expect(emu.spreadsheet.sheet('工作表1').validations()[0]?.[0]).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: [['a', 'b'], true],
      allowInvalid: false,
    });
  });
  it('protections: sheet and range, with the creator as editor', () => {
    const emu = fresh();
    const r = js(
      emu,
      `${SH} sh.protect().setDescription('locked').setWarningOnly(true); sh.getRange('A1:B2').protect().setDescription('hdr');
      return [sh.getProtections(SpreadsheetApp.ProtectionType.SHEET).length, sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation(),
        sh.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0].getEditors()[0].getEmail()];`,
    );
    expect(r).toEqual([1, 'A1:B2', 'owner@example.com']);
    expect(
      emu.spreadsheet
        .sheet('工作表1')
        .protections()
        .map((p) => p.description),
    ).toEqual(['locked', 'hdr']);
  });
  it('frozen rows, column widths, hidden columns and charts are stored', () => {
    const emu = fresh();
    js(
      emu,
      `${SH} sh.setFrozenRows(1); sh.setColumnWidth(2, 240); sh.hideColumns(3, 2);
      sh.insertChart(sh.newChart().addRange(sh.getRange('A1:B5')).setChartType(Charts.ChartType.COLUMN).setPosition(2, 4, 0, 0).setOption('title', 'T').build());`,
    );
    const v = emu.spreadsheet.sheet('工作表1');
    expect([v.frozenRows(), v.columnWidths().get(2), v.hiddenColumns()]).toEqual([1, 240, [3, 4]]);
    expect(v.charts()[0]).toMatchObject({
      type: 'COLUMN',
      ranges: ['工作表1!A1:B5'],
      options: { title: 'T' },
    });
  });
});

describe('call counting', () => {
  it('counts every call by Service.method, sheets() sums the Sheets family, reset clears', () => {
    const emu = fresh();
    js(
      emu,
      `${SH} sh.getRange(1, 1).getValues(); sh.getLastRow(); var x = SpreadsheetApp.ProtectionType.RANGE; Logger.log('x');`,
    );
    expect(emu.counts.get('SpreadsheetApp', 'getActiveSpreadsheet')).toBe(1);
    expect(emu.counts.get('Range', 'getValues')).toBe(1);
    expect(emu.counts.get('Sheet')).toBe(2);
    expect(emu.counts.sheets()).toBe(5);
    expect(emu.counts.total()).toBe(6);
    expect(emu.counts.snapshot()['Logger.log']).toBe(1);
    emu.counts.reset();
    expect(emu.counts.total()).toBe(0);
    emu.spreadsheet.sheet('工作表1').values();
    expect(emu.counts.total()).toBe(0);
  });
});

describe('column groups', () => {
  it('shiftColumnGroupDepth groups columns; getColumnGroup finds the group; collapse hides its columns and expand shows them', () => {
    const emu = fresh();
    emu.load(`
      function group() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        sheet.getRange(1, 3, 1, 4).shiftColumnGroupDepth(1);
        var g = sheet.getColumnGroup(4, 1);
        g.collapse();
        return [g.getDepth(), g.isCollapsed(), sheet.getColumnGroup(2, 1) === null, sheet.isColumnHiddenByUser(5)];
      }
      function expand() { var g = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getColumnGroup(3, 1); g.expand(); return g.isCollapsed(); }`);
    expect(emu.run('group')).toEqual([1, true, true, true]);
    const sheet = emu.spreadsheet.sheet(emu.spreadsheet.sheetNames()[0]);
    expect(sheet.hiddenColumns()).toEqual([3, 4, 5, 6]);
    expect(sheet.columnGroups()).toEqual([{ first: 3, count: 4, depth: 1, collapsed: true }]);
    expect(emu.run('expand')).toBe(false);
    expect(sheet.hiddenColumns()).toEqual([]);
  });
});

describe('basic filter', () => {
  it('hides rows from view only: getValues still returns every row, appendRow lands after the last row', () => {
    const emu = fresh();
    emu.load(`
      function filter() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        sheet.getRange(1, 1, 4, 2).setValues([['Status', 'N'], ['Open', 1], ['Closed', 2], ['Open', 3]]);
        var f = sheet.getRange(1, 1, 4, 2).createFilter();
        f.setColumnFilterCriteria(1, SpreadsheetApp.newFilterCriteria().setHiddenValues(['Closed']).build());
        sheet.appendRow(['New', 4]);
        return [sheet.isRowHiddenByFilter(3), sheet.getFilter() !== null, sheet.getRange(2, 2, 4, 1).getValues().length, sheet.getLastRow()];
      }
      function twice() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 2, 2).createFilter(); }`);
    expect(emu.run('filter')).toEqual([true, true, 4, 5]);
    expect(emu.spreadsheet.sheet(emu.spreadsheet.sheetNames()[0]).filteredRows()).toEqual([3]);
    expect(() => emu.run('twice')).toThrow(/already has a filter/);
  });
});

// developers.google.com/apps-script/reference/spreadsheet/range-list and .../sheet#getRangeList
describe('RangeList', () => {
  it('setValue writes the value into every listed range and nothing between, in one call', () => {
    const emu = fresh();
    js(emu, `${SH} sh.getRange(1, 1, 4, 3).setValues([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);`);
    emu.counts.reset();
    const r = js(
      emu,
      `${SH} var list = sh.getRangeList(['A1', 'C2:C3', 'B4']); var same = list.setValue('x') === list;
      return [same, list.getRanges().map(function (range) { return range.getA1Notation(); })];`,
    );
    expect(r).toEqual([true, ['A1', 'C2:C3', 'B4']]);
    expect(emu.spreadsheet.sheet(emu.spreadsheet.sheetNames()[0]).values().slice(0, 4)).toEqual([
      ['x', 2, 3],
      [4, 5, 'x'],
      [7, 8, 'x'],
      [10, 'x', 12],
    ]);
    expect(emu.counts.get('RangeList', 'setValue')).toBe(1);
    expect(emu.counts.cells('RangeList', 'setValue')).toEqual({ read: 0, written: 4 });
  });
  it('setValue parses text like typed input, as Range.setValue does', () => {
    const emu = fresh();
    expect(
      js(emu, `${SH} sh.getRangeList(['A1', 'B2']).setValue('42'); return sh.getRange('B2').getValue();`),
    ).toBe(42);
  });
  it('checks the cell limit before writing anything', () => {
    const emu = fresh();
    expect(() =>
      js(emu, `${SH} sh.getRangeList(['A1', 'B2']).setValue(new Array(50002).join('a'));`),
    ).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(js(emu, `${SH} return sh.getRange('A1').getValue();`)).toBe('');
  });
  it('clearContent empties every listed range; an empty list or a range off the sheet throws', () => {
    const emu = fresh();
    expect(
      js(
        emu,
        `${SH} sh.getRange(1, 1, 1, 3).setValues([[1, 2, 3]]); sh.getRangeList(['A1', 'C1']).clearContent();
        return sh.getRange(1, 1, 1, 3).getValues()[0];`,
      ),
    ).toEqual(['', 2, '']);
    expect(() => js(emu, `${SH} sh.getRangeList([]);`)).toThrow();
    expect(() => js(emu, `${SH} sh.getRangeList(['A1', 'A5000']);`)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });
});
