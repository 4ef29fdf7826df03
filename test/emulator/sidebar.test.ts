/**
 * What a sidebar needs beyond the services: google.script.run and a way for a real browser to load the
 * page. Each behaviour cites Google's page (developers.google.com/apps-script/...).
 */
import { ScriptRunError } from '../../scripts/emulator';
import { fresh } from './helpers';

describe('google.script.run (guides/html/communication, guides/html/reference/run)', () => {
  const SCRIPT = `
    function echo(a, b) { return { a: a, b: b, user: Session.getActiveUser().getEmail() }; }
    function when() { return { at: new Date() }; }
    function secret_() { return 'hidden'; }
    function boom() { throw new Error('no way'); }`;

  it('runs a top-level function with copies of legal arguments, as the user at the keyboard', () => {
    const emu = fresh();
    emu.load(SCRIPT);
    expect(
      emu.scriptRun('echo', [{ n: 1, list: [1, undefined, 'x'] }, null], { user: 'amy@example.com' }),
    ).toEqual({
      a: { n: 1, list: [1, null, 'x'] },
      b: null,
      user: 'amy@example.com',
    });
    expect(emu.executions.at(-1)).toMatchObject({ name: 'echo', user: 'amy@example.com', authMode: 'FULL' });
  });

  it('refuses Dates and functions as arguments, private (name_) and unknown functions; server errors reach the page', () => {
    const emu = fresh();
    emu.load(SCRIPT);
    expect(() => emu.scriptRun('echo', [new Date()])).toThrow(ScriptRunError);
    expect(() => emu.scriptRun('echo', [{ when: [new Date()] }])).toThrow('argument 0.when[0] is a Date');
    expect(() => emu.scriptRun('echo', [() => 1])).toThrow('is a function');
    expect(() => emu.scriptRun('secret_')).toThrow('Script function not found: secret_');
    expect(() => emu.scriptRun('nope')).toThrow('Script function not found: nope');
    expect(() => emu.scriptRun('boom')).toThrow('no way');
    // A Date is not a legal return value either: the product must send text.
    expect(() => emu.scriptRun('when')).toThrow('return value.at is a Date');
  });

  it('a sidebar shows the project HTML file by name (reference/html/html-service#createHtmlOutputFromFile)', () => {
    const emu = fresh();
    emu.htmlFiles.set('Panel', '<p>panel</p>');
    emu.load(`function show() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Panel').setTitle('Tickets')); }
              function missing() { HtmlService.createHtmlOutputFromFile('Nope'); }`);
    emu.run('show');
    expect(emu.ui.shown.at(-1)).toMatchObject({ kind: 'sidebar', title: 'Tickets', html: '<p>panel</p>' });
    expect(() => emu.run('missing')).toThrow('No HTML file named Nope was found.');
  });
});

describe('html-bridge: shown pages served to a browser, google.script.run posted back', () => {
  it('serves the last sidebar with the client first in <head>, and runs posted calls as the bridge user', async () => {
    const { HtmlBridge } = await import('../../scripts/emulator/html-bridge');
    const emu = fresh();
    emu.htmlFiles.set('P', '<html><head><script>var mine = 1;</script></head><body></body></html>');
    emu.load(`function show() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('P')); }
              function who(x) { return { x: x, user: Session.getActiveUser().getEmail() }; }`);
    emu.run('show');
    const bridge = new HtmlBridge(emu, { user: 'amy@example.com' });
    await bridge.start();
    try {
      const html = await (await fetch(bridge.url())).text();
      expect(html.indexOf('window.google')).toBeGreaterThan(0);
      expect(html.indexOf('window.google')).toBeLessThan(html.indexOf('var mine'));
      const post = (body: unknown) =>
        fetch(bridge.url().replace(/\/page\/\d+$/, '/run'), {
          method: 'POST',
          body: JSON.stringify(body),
        }).then((r) => r.json());
      await expect(post({ name: 'who', args: [[1, null]] })).resolves.toEqual({
        ok: true,
        value: { x: [1, null], user: 'amy@example.com' },
      });
      await expect(post({ name: 'show_', args: [] })).resolves.toMatchObject({
        ok: false,
        message: 'Script function not found: show_',
      });
      expect(bridge.calls).toEqual(['who', 'show_']);
    } finally {
      await bridge.stop();
    }
  });
});
