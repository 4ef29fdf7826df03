import { AuthMode } from '../../scripts/emulator';
import { fresh } from './helpers';

const SETUP = `
function setup() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var form = FormApp.create('Intake');
  form.addTextItem().setTitle('Name').setRequired(true);
  form.addCheckboxItem().setTitle('Topics').setChoiceValues(['a', 'b']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  form.addParagraphTextItem().setTitle('Details');
  ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create();
  ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss.getId()).onEdit().create();
  ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
  return form.getId();
}
function onSubmit(e) {
  PropertiesService.getScriptProperties().setProperty('event', JSON.stringify({
    auth: String(e.authMode), nv: e.namedValues, values: e.values, row: e.range.getRow(), a1: e.range.getA1Notation(),
    src: e.source.getId(), uid: e.triggerUid, user: Session.getEffectiveUser().getEmail() }));
}
function onEdit(e) { PropertiesService.getScriptProperties().setProperty('simple', String(e.authMode) + ':' + e.value + ':' + e.oldValue + ':' + e.range.getA1Notation()); }
function onEditInstalled(e) { PropertiesService.getScriptProperties().setProperty('installed', String(e.authMode) + ':' + e.triggerUid); }
function tick(e) { var p = PropertiesService.getScriptProperties(); p.setProperty('ticks', (p.getProperty('ticks') || '') + new Date().toISOString() + ';'); }
function second() { ScriptApp.newTrigger('tick').timeBased().everyHours(2).create(); }
function minutes() { ScriptApp.newTrigger('x').timeBased().everyMinutes(30).create(); }
function list() { return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())]; }); }
function prefill(id) {
  var form = FormApp.openById(id); var item = form.getItems()[0].asTextItem();
  return form.createResponse().withItemResponse(item.createResponse('张 三')).toPrefilledUrl().replace(form.getPublishedUrl(), 'URL') + '|' + item.getId();
}
function recreate(id) {
  var form = FormApp.openById(id); var old = form.getItems()[0];
  form.deleteItem(old); form.addTextItem().setTitle('Name');
}
function auth() { return String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()); }
`;

function setUp() {
  const emu = fresh();
  emu.load(SETUP);
  const formId = emu.run('setup') as string;
  return { emu, formId };
}

describe('FormApp and form submission', () => {
  it('creates the response sheet (zh name and header) with columns for items added later', () => {
    const { emu } = setUp();
    expect(emu.spreadsheet.sheetNames()).toEqual(['表单回复 1', '工作表1']);
    expect(emu.spreadsheet.sheet('表单回复 1').values()).toEqual([['时间戳记', 'Name', 'Topics', 'Details']]);
    expect(emu.spreadsheet.host().getFormUrl()).toMatch(/^https:\/\/docs.google.com\/forms\/d\/.+\/edit$/);
  });
  it('an English locale gets "Form Responses 1"', () => {
    const emu = fresh({ locale: 'en_US' });
    emu.load(SETUP);
    emu.run('setup');
    expect(emu.spreadsheet.sheet('Form Responses 1').values()[0]?.[0]).toBe('Timestamp');
  });
  it("submitForm appends the row and fires onFormSubmit with Google's event shape", () => {
    const { emu, formId } = setUp();
    const r = emu.submitForm(formId, { Name: '13800138000', Topics: ['a', 'b'] });
    expect(r).toMatchObject({ row: 2, sheetName: '表单回复 1' });
    expect(emu.spreadsheet.sheet('表单回复 1').values()[1]).toEqual([
      new Date('2026-03-02T01:00:00Z'),
      13800138000,
      'a, b',
      '',
    ]);
    const event = JSON.parse(String(emu.properties.script.get('event')));
    expect(event).toEqual({
      auth: 'FULL',
      nv: { 时间戳记: ['2026/3/2 9:00:00'], Name: ['13800138000'], Topics: ['a, b'], Details: [''] },
      values: ['2026/3/2 9:00:00', '13800138000', 'a, b', ''],
      row: 2,
      a1: 'A2:D2',
      src: emu.spreadsheet.id,
      uid: emu.triggers.find((t) => t.eventType === 'ON_FORM_SUBMIT')?.uid,
      user: 'owner@example.com',
    });
    expect(emu.forms.get(formId)?.responses[0]?.id).toBe(r.responseId);
  });
  // Google keeps a deleted question's column; a new question with the same title gets a new column, and
  // e.namedValues lists every column of a title ("Event Objects: Form submit", namedValues is
  // "an object containing the question names and values"; values of a repeated title come as an array).
  it('a question deleted and re-added keeps its old column; namedValues gives both values', () => {
    const { emu, formId } = setUp();
    emu.run('recreate', formId);
    expect(emu.spreadsheet.sheet('表单回复 1').values()[0]).toEqual([
      '时间戳记',
      'Name',
      'Topics',
      'Details',
      'Name',
    ]);
    emu.submitForm(formId, { Name: 'Ann' });
    const event = JSON.parse(String(emu.properties.script.get('event')));
    expect(event.nv.Name).toEqual(['', 'Ann']);
  });
  it('refuses a missing required answer', () => {
    const { emu, formId } = setUp();
    expect(() => emu.submitForm(formId, { Topics: ['a'] })).toThrow('required question "Name"');
  });
  it('builds prefilled URLs with entry.<itemId>', () => {
    const { emu, formId } = setUp();
    const [url, id] = String(emu.run('prefill', formId)).split('|');
    expect(url).toBe(`URL?usp=pp_url&entry.${id}=%E5%BC%A0%20%E4%B8%89`);
  });
});

describe('edit triggers', () => {
  it('fires simple onEdit (LIMITED) and installable edit triggers (FULL)', () => {
    const { emu } = setUp();
    emu.editCells('工作表1', 'B2', [['x']]);
    expect(emu.properties.script.get('simple')).toBe('LIMITED:x:undefined:B2');
    emu.editCells('工作表1', 'B2', [['y']]);
    expect(emu.properties.script.get('simple')).toBe('LIMITED:y:x:B2');
    expect(emu.properties.script.get('installed')).toMatch(/^FULL:\d+$/);
  });
});

describe('ScriptApp triggers', () => {
  it("lists the user's triggers, with their owner", () => {
    const { emu } = setUp();
    expect(emu.run('list')).toEqual([
      ['onSubmit', 'ON_FORM_SUBMIT', 'SPREADSHEETS'],
      ['onEditInstalled', 'ON_EDIT', 'SPREADSHEETS'],
      ['tick', 'CLOCK', 'CLOCK'],
    ]);
    expect(emu.run('list', undefined, { user: 'other@example.com' })).toEqual([]);
    expect(emu.triggers.map((t) => t.owner)).toEqual([
      'owner@example.com',
      'owner@example.com',
      'owner@example.com',
    ]);
  });
  it('add-on: one trigger of each type per user per document', () => {
    const { emu } = setUp();
    expect(() => emu.run('second')).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    emu.run('second', undefined, { user: 'other@example.com' });
  });
  it('add-on: time-driven triggers at most hourly', () => {
    const emu = fresh();
    emu.load(SETUP);
    expect(() => emu.run('minutes')).toThrow(
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    );
  });
  it('at most 20 triggers per user', () => {
    const emu = fresh({ addOn: false });
    emu.load(
      `function make(){ for (var i = 0; i < 21; i++) ScriptApp.newTrigger('f' + i).timeBased().everyMinutes(5).create(); }`,
    );
    expect(() => emu.run('make')).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(emu.triggers).toHaveLength(20);
  });
  it('advanceTo fires an hourly trigger every hour at a fixed minute, at simulated times', () => {
    const { emu } = setUp();
    emu.advanceTo(new Date('2026-03-02T05:00:00Z'));
    const ticks = String(emu.properties.script.get('ticks')).split(';').filter(Boolean);
    expect(ticks).toHaveLength(4);
    const minutes = new Set(ticks.map((t) => t.slice(14, 16)));
    expect(minutes.size).toBe(1);
    expect(ticks.map((t) => t.slice(11, 13))).toEqual(['01', '02', '03', '04']);
    expect(emu.clock.now().toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(emu.executions.filter((x) => x.name === 'tick').every((x) => x.authMode === 'FULL')).toBe(true);
  });
  it('reports authorization status', () => {
    const { emu } = setUp();
    expect(emu.run('auth')).toBe('NOT_REQUIRED');
    emu.authorizedUsers.clear();
    expect(emu.run('auth')).toBe('REQUIRED');
  });
  it('AuthMode.NONE can only build menus', () => {
    const emu = fresh();
    emu.load(`function onOpen(){ SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addToUi(); }
      function bad(){ SpreadsheetApp.getActiveSpreadsheet(); }`);
    emu.open({ authMode: AuthMode.NONE });
    expect(emu.ui.menus).toHaveLength(1);
    expect(() => emu.run('bad', undefined, { authMode: AuthMode.NONE })).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.',
    );
  });
});

describe('several forms linked to one spreadsheet', () => {
  it('each form keeps its own response sheet, and Sheet.getFormUrl names the right form', () => {
    const emu = fresh();
    emu.load(`
      function link() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var a = FormApp.create('A'); a.addTextItem().setTitle('Q'); a.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
        var b = FormApp.create('B'); b.addTextItem().setTitle('Q'); b.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
        return [a.getId(), b.getId()];
      }
      function urls() { return SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) { return s.getName() + '=' + s.getFormUrl(); }); }`);
    const [a, b] = emu.run('link') as string[];
    const first = emu.submitForm(a, { Q: 'to A' });
    const second = emu.submitForm(b, { Q: 'to B' });
    expect(first.sheetName).toBe('表单回复 1');
    expect(second.sheetName).toBe('表单回复 2');
    const urls = emu.run('urls') as string[];
    expect(urls.find((u) => u.startsWith('表单回复 1='))).toContain(a);
    expect(urls.find((u) => u.startsWith('表单回复 2='))).toContain(b);
  });
});

// developers.google.com/apps-script/guides/triggers/events#change: authMode, changeType, source,
// triggerUid, user; installable only, fired by people's changes, not by scripts.
describe('change triggers', () => {
  it('changeSheet does the change on the sheet, then fires the installed onChange with Google’s event', () => {
    const emu = fresh({ accounts: 'consumer' });
    emu.load(`
      function install() {
        ScriptApp.newTrigger('changed').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onChange().create();
      }
      function changed(e) {
        var p = PropertiesService.getScriptProperties();
        p.setProperty('seen', [e.changeType, e.source.getActiveSheet().getName(),
          e.source.getActiveSheet().getMaxRows(), e.user.getEmail(), String(e.authMode), typeof e.triggerUid].join('|'));
      }
      function scriptDeletes() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].deleteRow(2); }`);
    emu.run('install');
    const name = emu.spreadsheet.sheetNames()[0];
    const rows = emu.spreadsheet.sheet(name).maxRows();
    emu.changeSheet(name, 'REMOVE_ROW', (sheet) => sheet.deleteRows(2, 3), { user: 'someone@gmail.com' });
    expect(emu.properties.script.get('seen')).toBe(`REMOVE_ROW|${name}|${rows - 3}||FULL|string`);
    emu.changeSheet(name, 'INSERT_ROW', (sheet) => sheet.insertRowsAfter(1, 1));
    expect(emu.properties.script.get('seen')).toMatch(/^INSERT_ROW\|.*\|owner@example.com\|FULL\|string$/);
    // A script's own change fires nothing.
    const before = emu.executions.length;
    emu.run('scriptDeletes');
    expect(emu.executions.length).toBe(before + 1);
  });
});
