/**
 * TextFinder: developers.google.com/apps-script/reference/spreadsheet/text-finder (searches displayed
 * values unless matchFormulaText; findAll returns ranges; findNext null after the last match).
 * Active range: developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange()
 * (the user's selection in the active sheet).
 * Templates: developers.google.com/apps-script/guides/html/templates (<? ?>, <?= ?> escaped, <?!= ?>
 * unescaped; template fields become variables; scriptlets call the script's own functions).
 */
import { fresh, js } from './helpers';

const FILL = `var sh = SpreadsheetApp.getActive().getSheets()[0];
  sh.getRange(1, 1, 4, 3).setValues([['Phone', 'Name', 'Note'], ['138001', 'Ann', 'call 138001 back'], ['139002', 'ann', ''], ['138001', 'Bob', '']]);`;

describe('Range.createTextFinder: one counted call, server side', () => {
  it('matchEntireCell and matchCase; findAll returns ranges in row order; no cells move', () => {
    const emu = fresh();
    js(emu, FILL);
    emu.counts.reset();
    const found = js(
      emu,
      `var sh = SpreadsheetApp.getActive().getSheets()[0];
      var all = sh.getRange('A2:C4').createTextFinder('138001').matchEntireCell(true).findAll().map(function (r) { return r.getA1Notation(); });
      var loose = sh.createTextFinder('138001').findAll().map(function (r) { return r.getA1Notation(); });
      var ann = sh.getRange('B:B').createTextFinder('ann').matchCase(true).findAll().map(function (r) { return r.getA1Notation(); });
      var anyAnn = sh.getRange('B:B').createTextFinder('ANN').findAll().length;
      return [all, loose, ann, anyAnn];`,
    );
    expect(found).toEqual([['A2', 'A4'], ['A2', 'C2', 'A4'], ['B3'], 2]);
    expect(emu.counts.get('TextFinder', 'findAll')).toBe(4);
    expect(emu.counts.cells()).toEqual({ read: 0, written: 0 });
  });
  it('findNext walks the matches and returns null after the last; displayed values are searched', () => {
    const emu = fresh();
    js(emu, `${FILL} sh.getRange('D2').setValue(0.5).setNumberFormat('0%');`);
    expect(
      js(
        emu,
        `var sh = SpreadsheetApp.getActive().getSheets()[0]; var f = sh.createTextFinder('138001');
        var out = []; for (var r = f.findNext(); r; r = f.findNext()) out.push(r.getA1Notation());
        return [out, f.findNext(), sh.createTextFinder('50%').findAll().length, sh.createTextFinder('0.5').findAll().length];`,
      ),
    ).toEqual([['A2', 'C2', 'A4'], null, 1, 0]);
  });
  it("'google' latency charges the search by cells searched, without reading them", () => {
    const emu = fresh({ latency: 'google' });
    emu.spreadsheet.host().getSheets()[0]?.getRange(1, 1, 1000, 1).setValue('x');
    js(
      emu,
      `SpreadsheetApp.getActive().getSheets()[0].getRange('A1:A1000').createTextFinder('y').findAll();`,
    );
    // getActive, getSheets, getRange (2 ms each), createTextFinder (20 ms), findAll of 1,000 cells (30 + 0.1).
    expect(emu.executions.at(-1)?.elapsedMs).toBeCloseTo(6 + 20 + 30.1, 2);
    expect(emu.counts.cells()).toEqual({ read: 0, written: 0 });
  });
});

describe('getActiveRange / getActiveCell in menu executions', () => {
  it('return the selection the test sets; A1 when nothing is selected', () => {
    const emu = fresh();
    js(emu, `SpreadsheetApp.getActive().insertSheet('Tickets');`);
    expect(js(emu, `return SpreadsheetApp.getActiveRange().getA1Notation();`)).toBe('A1');
    emu.select('Tickets', 'B3:D5', { current: 'C4' });
    expect(
      js(
        emu,
        `var ss = SpreadsheetApp.getActiveSpreadsheet();
        return [ss.getActiveSheet().getName(), ss.getActiveRange().getA1Notation(), ss.getActiveCell().getA1Notation(), SpreadsheetApp.getActiveRange().getNumRows()];`,
      ),
    ).toEqual(['Tickets', 'B3:D5', 'C4', 3]);
  });
});

describe('HtmlService templates', () => {
  it('createTemplate: <?= ?> escapes, <?!= ?> does not, <? ?> runs; fields are variables; script functions are callable', () => {
    const emu = fresh();
    emu.load(`function greet(n) { return 'Hi ' + n; }
      function main() { var t = HtmlService.createTemplate('<p><?= name ?></p><?!= raw ?><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?><b><?= greet(name) ?></b>');
        t.name = '<Ann & "Bo">'; t.raw = '<hr>'; t.n = 2; return t.evaluate().getContent(); }`);
    expect(emu.run('main')).toBe(
      '<p>&lt;Ann &amp; &quot;Bo&quot;&gt;</p><hr><i>0</i><i>1</i><b>Hi &lt;Ann &amp; &quot;Bo&quot;&gt;</b>',
    );
    expect(emu.counts.get('HtmlTemplate', 'evaluate')).toBe(1);
  });
  it('createTemplateFromFile renders in concurrent executions too', () => {
    const emu = fresh();
    emu.htmlFiles.set('Page', '<h1><?= title ?></h1>');
    emu.load(
      `function page() { var t = HtmlService.createTemplateFromFile('Page'); t.title = 'A<B'; return t.evaluate().getContent(); }`,
    );
    expect(emu.run('page')).toBe('<h1>A&lt;B</h1>');
    expect(emu.runConcurrently([{ name: 'page' }])).toEqual([
      { status: 'fulfilled', value: '<h1>A&lt;B</h1>' },
    ]);
  });
});
