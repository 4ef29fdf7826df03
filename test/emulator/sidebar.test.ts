/**
 * What a sidebar needs beyond the services: google.script.run and a way for a real browser to load the
 * page. Each behaviour cites Google's page (developers.google.com/apps-script/...).
 */
import { ScriptRunError } from '../../scripts/emulator';
import { fresh, js } from './helpers';

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
