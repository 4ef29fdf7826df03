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

  it('is refused during an execution', () => {
    const emu = fresh();
    emu.load('function main() { return 1; }');
    const execution = emu.runtime.newExecution('x@example.com', emu.currentExecution.authMode);
    expect(() => emu.runtime.as(execution, () => emu.clone())).toThrow(/between executions/);
  });
});
