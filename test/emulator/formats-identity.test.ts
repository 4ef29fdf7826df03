/**
 * Formats and events as Google delivers them.
 * - Typed input: strings written with setValue(s) parse as if typed in the Sheets UI, unless the cell is
 *   plain text '@' — compare USER_ENTERED, developers.google.com/sheets/api/reference/rest/v4/ValueInputOption.
 * - Edit events: developers.google.com/apps-script/guides/triggers/events#edit (value/oldValue only for a
 *   single cell, absent when empty); dates as serial numbers per the Sheets API's SERIAL_NUMBER
 *   (developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption).
 * - Form submit: developers.google.com/apps-script/guides/triggers/events#form-submit (values and
 *   namedValues are the response sheet's text; locale patterns per issue 12's examples, CLDR short dates).
 * - Identity: developers.google.com/apps-script/reference/base/session#getActiveUser().
 */
import { fresh, js } from './helpers';

describe('typed input: strings parse like the Sheets UI in the spreadsheet locale', () => {
  const typed = (locale: string, inputs: string[]) => {
    const emu = fresh({ locale, timeZone: 'Asia/Shanghai' });
    const out = js(
      emu,
      `var sh = SpreadsheetApp.getActive().getSheets()[0]; var r = sh.getRange(1, 1, 1, ${inputs.length});
      r.setValues([${JSON.stringify(inputs)}]);
      return r.getValues()[0].map(function (v) { return v instanceof Date ? 'D:' + v.toISOString() : typeof v + ':' + v; }).concat(r.getDisplayValues()[0]);`,
    ) as string[];
    return { values: out.slice(0, inputs.length), shown: out.slice(inputs.length) };
  };
  it('en_US: M/d/yyyy dates, times, TRUE/FALSE, percentages, $ currency, grouped numbers', () => {
    const { values, shown } = typed('en_US', [
      '3/2/2026',
      '3/2/2026 9:30:00',
      '9:30',
      'true',
      'FALSE',
      '50%',
      '$1,234.50',
      '1,234',
      '13/25/2026',
      'call me',
    ]);
    expect(values).toEqual([
      'D:2026-03-01T16:00:00.000Z',
      'D:2026-03-02T01:30:00.000Z',
      expect.stringMatching(/^D:1899-12-30T01:/),
      'boolean:true',
      'boolean:false',
      'number:0.5',
      'number:1234.5',
      'number:1234',
      'string:13/25/2026',
      'string:call me',
    ]);
    expect(shown.slice(0, 3)).toEqual(['3/2/2026', '3/2/2026 9:30:00', '9:30:00']);
    expect(shown[5]).toBe('50%');
  });
  it('en_GB reads d/m, zh_CN y/m/d (and 年月日), de_DE d.m.yyyy with a decimal comma', () => {
    expect(typed('en_GB', ['01/03/2026 09:30']).values).toEqual(['D:2026-03-01T01:30:00.000Z']);
    expect(typed('en_GB', ['01/03/2026']).shown).toEqual(['01/03/2026']);
    expect(typed('zh_CN', ['2026/3/2', '2026年3月2日', '¥12.5']).values).toEqual([
      'D:2026-03-01T16:00:00.000Z',
      'D:2026-03-01T16:00:00.000Z',
      'number:12.5',
    ]);
    expect(typed('de_DE', ['02.03.2026', '1.234,5', '3,5 €']).values).toEqual([
      'D:2026-03-01T16:00:00.000Z',
      'number:1234.5',
      'number:3.5',
    ]);
  });
  it("a cell formatted '@' keeps the text as typed; an apostrophe forces text", () => {
    const emu = fresh({ locale: 'en_US' });
    expect(
      js(
        emu,
        `var sh = SpreadsheetApp.getActive().getSheets()[0]; var r = sh.getRange('A1:C1');
        r.setNumberFormat('@'); r.setValues([['3/2/2026', '0123', '=1+1']]);
        sh.getRange('D1').setValue("'TRUE");
        return [r.getValues()[0], r.getFormulas()[0], sh.getRange('D1').getValue()];`,
      ),
    ).toEqual([['3/2/2026', '0123', '=1+1'], ['', '', ''], 'TRUE']);
  });
});

describe('edit events carry strings, as Google sends them', () => {
  const BUNDLE = `function onEdit(e) { PropertiesService.getScriptProperties().setProperty('e', JSON.stringify({
    value: e.value, oldValue: e.oldValue, hasValue: 'value' in e, hasOld: 'oldValue' in e, user: e.user.getEmail() })); }`;
  const edit = (emu: ReturnType<typeof fresh>, a1: string, values: unknown[][]) => {
    emu.editCells(emu.spreadsheet.sheetNames()[0] ?? '', a1, values);
    return JSON.parse(emu.properties.script.get('e') ?? '{}') as Record<string, unknown>;
  };
  it('numbers as text, booleans TRUE/FALSE, dates as serial numbers; absent when empty or multi-cell', () => {
    const emu = fresh({ locale: 'en_US', timeZone: 'Asia/Shanghai' });
    emu.load(BUNDLE);
    expect(edit(emu, 'A1', [['42']])).toEqual(expect.objectContaining({ value: '42', hasOld: false }));
    expect(edit(emu, 'A1', [['true']])).toEqual(expect.objectContaining({ value: 'TRUE', oldValue: '42' }));
    // 2 March 2026 12:00 in the spreadsheet's zone: day 46083 since 30 Dec 1899, plus half a day.
    expect(edit(emu, 'A1', [['3/2/2026 12:00']])).toEqual(
      expect.objectContaining({ value: '46083.5', oldValue: 'TRUE' }),
    );
    expect(edit(emu, 'A1', [['']])).toEqual(
      expect.objectContaining({ hasValue: false, oldValue: '46083.5' }),
    );
    expect(edit(emu, 'A1:B1', [['1', '2']])).toEqual(
      expect.objectContaining({ hasValue: false, hasOld: false }),
    );
  });
});

describe('form answers as Google records them', () => {
  const SETUP = `function setup() { var ss = SpreadsheetApp.getActive(); var f = FormApp.create('F');
    f.setCollectEmail(true);
    f.addDateItem().setTitle('Visit day'); f.addDateTimeItem().setTitle('Called at'); f.addTextItem().setTitle('Name');
    f.addTextItem().setTitle('Name');
    f.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create(); return f.getId(); }
    function onSubmit(e) { PropertiesService.getScriptProperties().setProperty('e', JSON.stringify({ values: e.values, named: e.namedValues })); }`;
  const submit = (locale: string) => {
    const emu = fresh({ locale, timeZone: 'Asia/Shanghai', start: new Date('2026-03-02T01:30:00Z') });
    emu.load(SETUP);
    const formId = emu.run('setup') as string;
    const placed = emu.submitForm(
      formId,
      { 'Visit day': '2026-03-05', 'Called at': '2026-03-02 09:15', Name: 'Ann' },
      { email: 'ann@example.com' },
    );
    const event = JSON.parse(emu.properties.script.get('e') ?? '{}') as {
      values: string[];
      named: Record<string, string[]>;
    };
    return { emu, placed, event };
  };
  it('DATE/DATETIME answers are real dates; values and namedValues carry the locale text; Email Address collected', () => {
    const { emu, placed, event } = submit('en_US');
    const row = emu.spreadsheet.sheet(placed.sheetName).values();
    expect(row[0]).toEqual(['Timestamp', 'Email Address', 'Visit day', 'Called at', 'Name', 'Name']);
    expect(row[1]?.[2]).toEqual(new Date('2026-03-04T16:00:00Z'));
    expect(row[1]?.[3]).toEqual(new Date('2026-03-02T01:15:00Z'));
    expect(event.values).toEqual([
      '3/2/2026 9:30:00',
      'ann@example.com',
      '3/5/2026',
      '3/2/2026 9:15:00',
      'Ann',
      'Ann',
    ]);
    expect(event.named['Email Address']).toEqual(['ann@example.com']);
    // A title used twice gives every value under it.
    // The harness answers both questions titled Name; namedValues keeps both.
    expect(event.named.Name).toEqual(['Ann', 'Ann']);
  });
  it('en_GB and zh_CN patterns', () => {
    expect(submit('en_GB').event.values.slice(0, 4)).toEqual([
      '02/03/2026 09:30:00',
      'ann@example.com',
      '05/03/2026',
      '02/03/2026 09:15:00',
    ]);
    const zh = submit('zh_CN');
    expect(zh.event.values.slice(0, 4)).toEqual([
      '2026/3/2 9:30:00',
      'ann@example.com',
      '2026/3/5',
      '2026/3/2 9:15:00',
    ]);
    expect(Object.keys(zh.event.named).slice(0, 2)).toEqual(['时间戳记', '电子邮件地址']);
  });
  it('a question deleted and re-created with the same title gets a new column; the old one stays', () => {
    const emu = fresh({ locale: 'en_US' });
    emu.load(`function setup() { var ss = SpreadsheetApp.getActive(); var f = FormApp.create('F');
      f.addTextItem().setTitle('A'); f.addTextItem().setTitle('B');
      f.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId()); return f.getId(); }
      function recreate(id) { var f = FormApp.openById(id); var b = f.getItems()[1]; f.deleteItem(b); f.addTextItem().setTitle('B'); }`);
    const formId = emu.run('setup') as string;
    emu.submitForm(formId, { A: 'a1', B: 'b1' });
    emu.run('recreate', formId);
    const placed = emu.submitForm(formId, { A: 'a2', B: 'b2' });
    expect(emu.spreadsheet.sheet(placed.sheetName).values()).toEqual([
      ['Timestamp', 'A', 'B', 'B'],
      [expect.any(Date), 'a1', 'b1', ''],
      [expect.any(Date), 'a2', '', 'b2'],
    ]);
  });
});

describe('identity: consumer and Workspace accounts', () => {
  const BUNDLE = `function setup() { ScriptApp.newTrigger('edited').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
    function edited(e) { PropertiesService.getScriptProperties().setProperty('who', JSON.stringify([e.user.getEmail(), Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()])); }`;
  const who = (accounts: 'consumer' | 'workspace', editor: string) => {
    const emu = fresh({ accounts, user: 'owner@example.com' });
    emu.load(BUNDLE);
    emu.run('setup');
    emu.editCells(emu.spreadsheet.sheetNames()[0] ?? '', 'A1', [['x']], { user: editor });
    return JSON.parse(emu.properties.script.get('who') ?? '[]') as string[];
  };
  it("consumer: an installable trigger sees no one's email but its owner's", () => {
    expect(who('consumer', 'ann@example.com')).toEqual(['', '', 'owner@example.com']);
    expect(who('consumer', 'owner@example.com')).toEqual([
      'owner@example.com',
      'owner@example.com',
      'owner@example.com',
    ]);
  });
  it("Workspace: the editor's email within the owner's domain, blank outside it", () => {
    expect(who('workspace', 'ann@example.com')).toEqual([
      'ann@example.com',
      'ann@example.com',
      'owner@example.com',
    ]);
    expect(who('workspace', 'bob@other.org')).toEqual(['', '', 'owner@example.com']);
  });
});
