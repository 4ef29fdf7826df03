/**
 * Emulator.clone(): the e2e harness sets a desk up once per test file and hands each test a copy, so a
 * copy must behave exactly as the original would, and the two must never share state.
 */
import { type Emulator, SERVER_ERROR_MESSAGE } from '../../scripts/emulator';
import { newEmulator } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { fresh, js } from './helpers';

/** Everything observable about an emulator, as plain data. */
function world(emu: Emulator): unknown {
  const sheets = emu.spreadsheet.sheetNames().map((name) => {
    const sheet = emu.spreadsheet.sheet(name);
    return {
      name,
      values: sheet.values(),
      formulas: sheet.formulas(),
      notes: sheet.notes(),
      formats: sheet.formats(),
      hidden: sheet.isHidden(),
      size: [sheet.maxRows(), sheet.maxColumns()],
      protections: sheet.protections(),
      widths: [...sheet.columnWidths()],
    };
  });
  const forms = [...emu.forms.values()].map((form) => ({
    title: form.title,
    items: form.items.map((item) => item.title),
    responses: form.responses.length,
  }));
  return {
    clock: emu.clock.ms(),
    sheets,
    forms,
    properties: [...emu.properties.document].map(([id, map]) => [id, [...map]]),
    triggers: emu.triggers,
    mail: emu.mail.outbox,
    mailLeft: emu.mail.remaining(),
    executions: emu.executions.map((e) => ({ ...e, error: e.error?.message })),
    calls: emu.counts.snapshot(),
    cells: emu.counts.cellsSnapshot(),
    logs: emu.logs,
  };
}

/** Hours at the desk: two complaints, one resolved by hand, three hourly runs. */
function day(emu: Emulator): void {
  submitIntake(emu, complaint());
  submitIntake(emu, complaint({ severity: 'Major', customer: 'Zhao Lei' }));
  const header = emu.spreadsheet.sheet('Tickets').values()[0];
  const column = (title: string) => String.fromCharCode(65 + header.indexOf(title));
  emu.editCells('Tickets', `${column('Resolution')}2`, [['Replaced the pipe']]);
  emu.editCells('Tickets', `${column('Status')}2`, [['Resolved']]);
  emu.advance(3 * 3_600_000);
}

describe('Emulator.clone', () => {
  const original = newEmulator({ lang: 'en' });
  original.run('menuSetup', undefined, { interactive: true });

  it('a copy of a set-up desk lives the same day as the original: same sheets, mail, runs, counts', () => {
    const copy = original.clone();
    const before = world(original);
    expect(world(copy)).toEqual(before);
    const other = original.clone();
    day(copy);
    day(other);
    expect(world(copy)).toEqual(world(other));
    // What happened to the copies never reached the original.
    expect(world(original)).toEqual(before);
    day(original);
    expect(world(original)).toEqual(world(copy));
  });

  it('copies share nothing: a write, a property, a trigger deleted, mail sent in one stays there', () => {
    const a = original.clone();
    const b = original.clone();
    submitIntake(a, complaint());
    a.properties.document.get(a.spreadsheet.id)?.set('probe', 'a');
    const trigger = a.triggers[0];
    if (!trigger) throw new Error('setup made no trigger');
    a.deleteTrigger(trigger.uid);
    a.advance(3_600_000);
    expect(b.spreadsheet.sheet('Tickets').values()).toEqual(original.spreadsheet.sheet('Tickets').values());
    expect(b.properties.document.get(b.spreadsheet.id)?.get('probe')).toBeUndefined();
    expect(b.triggers).toHaveLength(original.triggers.length);
    expect(b.mail.outbox).toHaveLength(original.mail.outbox.length);
    expect(b.clock.ms()).toBe(original.clock.ms());
  });

  it('carries the latency setting, injected faults, held locks, cache entries and the quota', () => {
    const emu = fresh({ mailQuota: 3 });
    js(emu, `CacheService.getScriptCache().put('k', 'v', 60); MailApp.sendEmail('a@example.com', 's', 'b');`);
    emu.setLatency({ cache: 1_000 });
    emu.faults.failCall('Cache.get', { times: 1, after: 1 });
    emu.faults.holdLock(5_000, 'script');
    const copy = emu.clone();
    const probe = `var c = CacheService.getScriptCache(); var out = [c.get('k')];
      try { c.get('k'); out.push('no fault'); } catch (e) { out.push(e.message); }
      var lock = LockService.getScriptLock(); out.push(lock.tryLock(1000)); out.push(MailApp.getRemainingDailyQuota());
      return out;`;
    const fromCopy = js(copy, probe);
    expect(fromCopy).toEqual(['v', SERVER_ERROR_MESSAGE, false, 2]);
    // The original still has its own fault and lock, untouched by the copy's run.
    expect(js(emu, probe)).toEqual(fromCopy);
    expect(copy.executions.at(-1)?.elapsedMs).toBe(emu.executions.at(-1)?.elapsedMs);
    expect(copy.executions.at(-1)?.elapsedMs).toBeGreaterThanOrEqual(2_000);
  });

  it('shares rows until either side writes: every cell-changing call leaves the other world as it was', () => {
    // A sheet with values, a date, a formula, notes, formats, styles, a list rule and a range rule.
    const base = fresh();
    js(
      base,
      `var ss = SpreadsheetApp.getActive(); var sh = ss.insertSheet('Grid');
      sh.getRange(1, 1, 4, 3).setValues([['b', 2, new Date(Date.UTC(2026, 2, 2))], ['a', 1, 'x'], ['c', 3, 'y'], ['d', 4, 'z']]);
      sh.getRange('D1').setFormula('=A1'); sh.getRange('A2').setNote('n'); sh.getRange('B1:B4').setNumberFormat('0.0');
      sh.getRange('A1:C1').setBackground('#ff0000');
      sh.getRange('E1:E4').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['x', 'y']).build());
      var list = ss.insertSheet('List'); list.getRange('A1:A2').setValues([['p'], ['q']]);`,
    );
    const view = (emu: Emulator) => {
      const sheet = emu.spreadsheet.sheet('Grid');
      return {
        values: sheet.values(),
        formulas: sheet.formulas(),
        notes: sheet.notes(),
        formats: sheet.formats(),
        backgrounds: sheet.styles('background'),
        rules: sheet.validations(),
        size: [sheet.maxRows(), sheet.maxColumns()],
      };
    };
    const changes = [
      `sh.getRange('A1:B2').setValues([['z', 9], ['y', 8]]);`,
      `sh.getRange('A1:D4').sort(2);`,
      `sh.sort(1, false);`,
      `sh.clearContents();`,
      `sh.clearFormats();`,
      `sh.clearNotes();`,
      `sh.clear();`,
      `sh.getRange('A1:C4').clear();`,
      `sh.getRange('A1').setNote('other');`,
      `sh.getRange('B1:B2').setNumberFormat('0.000');`,
      `sh.getRange('A1').setFontWeight('bold'); sh.getRange('A1:C1').setBackground(null);`,
      `sh.getRange('E1').setDataValidation(null);`,
      `sh.insertColumnsBefore(1, 2);`,
      `sh.deleteColumns(1, 2);`,
      `sh.insertRowsBefore(1, 2); sh.getRange('A1').setValue('top');`,
      `sh.deleteRows(1, 2);`,
      `sh.appendRow(['e', 5]);`,
      `sh.createTextFinder('a').replaceAllWith('A');`,
      `sh.getRange('E1').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(ss.getSheetByName('List').getRange('A1:A2')).build());`,
    ];
    const before = view(base);
    for (const change of changes) {
      const copy = base.clone();
      const other = base.clone();
      js(copy, `var ss = SpreadsheetApp.getActive(); var sh = ss.getSheetByName('Grid'); ${change}`);
      expect({ change, ...view(base) }).toEqual({ change, ...before });
      expect({ change, ...view(other) }).toEqual({ change, ...before });
      // The same change on the original: the copy of it is no different from the copy that made it.
      const original = other.clone();
      js(original, `var ss = SpreadsheetApp.getActive(); var sh = ss.getSheetByName('Grid'); ${change}`);
      expect({ change, ...view(other) }).toEqual({ change, ...before });
      expect({ change, ...view(copy) }).toEqual({ change, ...view(original) });
      // A Date read from a copy is its own: changing it changes nothing stored.
      const date = copy.spreadsheet
        .sheet('Grid')
        .values()
        .flat()
        .find((v) => v instanceof Date);
      date?.setTime(0);
      expect(view(base)).toEqual(before);
    }
  });

  it('a range rule is copied with its grid: the copy’s rule reads the copy’s cells', () => {
    const base = fresh();
    js(
      base,
      `var ss = SpreadsheetApp.getActive(); var list = ss.insertSheet('List'); list.getRange('A1').setValue('p');
      ss.insertSheet('Grid').getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(list.getRange('A1:A2')).build());`,
    );
    const copy = base.clone();
    const read = `var rule = SpreadsheetApp.getActive().getSheetByName('Grid').getRange('A1').getDataValidation();
      return rule.getCriteriaValues()[0].getValues();`;
    js(copy, `SpreadsheetApp.getActive().getSheetByName('List').getRange('A2').setValue('q');`);
    expect(js(copy, read)).toEqual([['p'], ['q']]);
    expect(js(base, read)).toEqual([['p'], ['']]);
  });

  it('is refused during an execution', () => {
    const emu = fresh();
    emu.load('function main() { return 1; }');
    const execution = emu.runtime.newExecution('x@example.com', emu.currentExecution.authMode);
    expect(() => emu.runtime.as(execution, () => emu.clone())).toThrow(/between executions/);
  });
});
