import { AuthMode } from '../../scripts/emulator';
import { fresh, js } from './helpers';

describe('PropertiesService', () => {
  it('stores strings and enforces 9 KB per value and 500 KB per store', () => {
    const emu = fresh();
    expect(
      js(
        emu,
        `var p = PropertiesService.getDocumentProperties(); p.setProperty('a', 1); p.setProperties({ b: 'x' });
      return [p.getProperty('a'), p.getKeys().sort(), p.getProperty('zz')];`,
      ),
    ).toEqual(['1', ['a', 'b'], null]);
    expect(() =>
      js(
        emu,
        `PropertiesService.getScriptProperties().setProperty('big', new Array(9 * 1024 + 2).join('x'));`,
      ),
    ).toThrow('Argument too large: value');
    expect(() =>
      js(
        emu,
        `var p = PropertiesService.getScriptProperties(); var v = new Array(9000).join('x'); for (var i = 0; i < 60; i++) p.setProperty('k' + i, v);`,
      ),
    ).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
  });
  it('user properties are per user', () => {
    const emu = fresh();
    emu.load(`function set(){ PropertiesService.getUserProperties().setProperty('k', Session.getEffectiveUser().getEmail()); }
      function get(){ return PropertiesService.getUserProperties().getProperty('k'); }`);
    emu.run('set', undefined, { user: 'a@x.com' });
    expect(emu.run('get', undefined, { user: 'b@x.com' })).toBeNull();
    expect(emu.run('get', undefined, { user: 'a@x.com' })).toBe('a@x.com');
  });
});

describe('CacheService', () => {
  it('expires entries on the simulated clock, caps ttl at 6 h, limits values to 100 KB', () => {
    const emu = fresh();
    emu.load(`function put(){ var c = CacheService.getScriptCache(); c.put('a', '1', 60); c.put('b', '2'); c.putAll({ c: '3' }, 99999); }
      function get(){ return CacheService.getScriptCache().getAll(['a', 'b', 'c']); }
      function big(){ CacheService.getScriptCache().put('x', new Array(100 * 1024 + 2).join('x')); }`);
    emu.run('put');
    expect(emu.run('get')).toEqual({ a: '1', b: '2', c: '3' });
    emu.clock.advance(61000);
    expect(emu.run('get')).toEqual({ b: '2', c: '3' });
    emu.clock.advance(600000);
    expect(emu.run('get')).toEqual({ c: '3' });
    emu.clock.advance(6 * 3600000);
    expect(emu.run('get')).toEqual({});
    expect(() => emu.run('big')).toThrow('Argument too large: value');
  });
});

describe('MailApp', () => {
  it('sends to the outbox, counts each recipient against the daily quota, resets at Pacific midnight', () => {
    const emu = fresh({ mailQuota: 3 });
    js(emu, `MailApp.sendEmail('a@x.com,b@x.com', 'Hi', 'body', { htmlBody: '<b>x</b>', name: 'Desk' });`);
    expect(emu.mail.outbox[0]).toMatchObject({
      to: ['a@x.com', 'b@x.com'],
      subject: 'Hi',
      htmlBody: '<b>x</b>',
      name: 'Desk',
    });
    expect(js(emu, `return MailApp.getRemainingDailyQuota();`)).toBe(1);
    expect(() =>
      js(emu, `MailApp.sendEmail({ to: 'a@x.com', cc: 'c@x.com', subject: 's', body: 'b' });`),
    ).toThrow('Service invoked too many times for one day: email.');
    emu.clock.set(new Date('2026-03-02T08:00:00Z')); // midnight America/Los_Angeles (PST)
    expect(js(emu, `return MailApp.getRemainingDailyQuota();`)).toBe(3);
  });
  it('refuses more than 50 recipients in one message', () => {
    const emu = fresh({ mailQuota: 1500 });
    const to = Array.from({ length: 51 }, (_, i) => `u${i}@x.com`).join(',');
    expect(() => js(emu, `MailApp.sendEmail('${to}', 's', 'b');`)).toThrow(
      'Limit Exceeded: Email Recipients Per Message.',
    );
  });
  it('is not available to simple triggers', () => {
    const emu = fresh();
    emu.load(`function f(){ MailApp.sendEmail('a@x.com', 's', 'b'); }`);
    expect(() => emu.run('f', undefined, { authMode: AuthMode.LIMITED })).toThrow(
      'You do not have permission to call MailApp.sendEmail',
    );
  });
});

describe('Session, Utilities, HtmlService, Logger', () => {
  it('Session reports users by auth mode', () => {
    const emu = fresh();
    emu.load(
      `function f(){ return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone()]; }`,
    );
    expect(emu.run('f')).toEqual(['owner@example.com', 'owner@example.com', 'Asia/Shanghai']);
    expect(emu.run('f', undefined, { authMode: AuthMode.LIMITED })).toEqual([
      '',
      'owner@example.com',
      'Asia/Shanghai',
    ]);
  });
  it('formatDate: Asia/Shanghai and New York across DST, Java patterns', () => {
    const emu = fresh();
    const r = js(
      emu,
      `var d = new Date('2026-03-02T01:05:09.042Z');
      return [Utilities.formatDate(d, 'Asia/Shanghai', "yyyy-MM-dd HH:mm:ss.SSS Z XXX 'at' EEE EEEE MMM M/d/yy h a u"),
        Utilities.formatDate(new Date('2026-03-08T06:59:00Z'), 'America/New_York', 'yyyy-MM-dd HH:mm Z'),
        Utilities.formatDate(new Date('2026-03-08T07:00:00Z'), 'America/New_York', 'yyyy-MM-dd HH:mm Z'),
        Utilities.formatDate(d, 'GMT+8', 'HH:mm'), Utilities.formatDate(d, 'UTC', "''yy''")];`,
    );
    expect(r).toEqual([
      '2026-03-02 09:05:09.042 +0800 +08:00 at Mon Monday Mar 3/2/26 9 AM 1',
      '2026-03-08 01:59 -0500',
      '2026-03-08 03:00 -0400',
      '09:05',
      "'26'",
    ]);
  });
  it('sleep advances the simulated clock, and Date inside the script reads it', () => {
    const emu = fresh();
    const r = js(
      emu,
      `var a = Date.now(); Utilities.sleep(1500); return [new Date().getTime() - a, a];`,
    ) as number[];
    expect(r[0]).toBe(1500);
    expect(r[1]).toBe(new Date('2026-03-02T01:00:00Z').getTime());
    expect(emu.clock.now().getTime()).toBe(new Date('2026-03-02T01:00:01.500Z').getTime());
  });
  it('blobs, base64, digests, uuids, formatString', () => {
    const emu = fresh();
    const r = js(
      emu,
      `var b = Utilities.newBlob('héllo', 'text/plain', 'a.txt');
      return [b.getDataAsString(), b.getContentType(), b.getName(), Utilities.base64Encode('hi'), Utilities.base64Decode('aGk='),
        Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'a').length, Utilities.getUuid().length, Utilities.formatString('%s=%d %.2f%%', 'x', 3.9, 1.234)];`,
    );
    expect(r).toEqual(['héllo', 'text/plain', 'a.txt', 'aGk=', [104, 105], 16, 36, 'x=3 1.23%']);
  });
  it('HtmlService output and the Ui record what was shown; logs go to emu.logs', () => {
    const emu = fresh();
    js(
      emu,
      `var h = HtmlService.createHtmlOutput('<p>a</p>').append('<i>b</i>').setTitle('T').setWidth(300);
      SpreadsheetApp.getUi().showSidebar(h); SpreadsheetApp.getUi().createAddonMenu().addItem('Setup', 'setup').addSeparator().addToUi();
      var b = SpreadsheetApp.getUi().alert('Title', 'Prompt', SpreadsheetApp.getUi().ButtonSet.OK);
      Logger.log('n=%s', b == SpreadsheetApp.getUi().Button.OK); console.warn('w', { a: 1 });
      SpreadsheetApp.getActive().toast('done');`,
    );
    expect(emu.ui.shown[0]).toMatchObject({ kind: 'sidebar', title: 'T', html: '<p>a</p><i>b</i>' });
    expect(emu.ui.menus[0]?.items).toEqual([
      { caption: 'Setup', functionName: 'setup' },
      { caption: '', separator: true },
    ]);
    expect(emu.ui.alerts[0]).toMatchObject({ title: 'Title', prompt: 'Prompt' });
    expect(emu.ui.toasts[0]?.msg).toBe('done');
    expect(emu.logs.map((l) => [l.level, l.message])).toEqual([
      ['log', 'n=true'],
      ['warn', 'w {"a":1}'],
    ]);
  });
  it('getUi is refused outside an interactive execution', () => {
    const emu = fresh();
    emu.load(`function f(){ SpreadsheetApp.getUi(); }`);
    expect(() => emu.run('f', undefined, { interactive: false })).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
  it('the script sees no Node globals', () => {
    const emu = fresh();
    expect(
      js(emu, `return [typeof require, typeof process, typeof setTimeout, typeof SpreadsheetApp];`),
    ).toEqual(['undefined', 'undefined', 'undefined', 'object']);
  });
  it('global state does not survive between executions', () => {
    const emu = fresh();
    emu.load(`var n = 0; function f(){ return ++n; }`);
    expect([emu.run('f'), emu.run('f')]).toEqual([1, 1]);
  });
});

describe('file ids', () => {
  it('are 44 characters, start with 1, and never repeat (100 forms in one spreadsheet)', () => {
    const emu = fresh();
    emu.load(
      `function make() { var ids = []; for (var i = 0; i < 100; i++) ids.push(FormApp.create('F' + i).getId()); return ids; }`,
    );
    const ids = emu.run('make') as string[];
    expect(new Set(ids).size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^1[A-Za-z0-9_-]{43}$/);
  });
});
