/**
 * The settings cache is keyed on a fingerprint of the ⚙ sheets (issue 13): rows deleted or a sheet
 * sorted — changes no edit event reports — reach the installed onChange trigger, which moves the
 * fingerprint, so the next run reads ⚙ again; a parse read just before such a change is never used.
 */
import type { Emulator } from '../../scripts/emulator';
import { AuthMode } from '../../scripts/emulator/enums';
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

const CATEGORY = 'Repair / Plumbing';

function categoryRow(emu: Emulator): number {
  const [category, subcategory] = CATEGORY.split(' / ');
  return (
    emu.spreadsheet
      .sheet('⚙ Categories')
      .values()
      .findIndex((row) => row[0] === category && row[1] === subcategory) + 1
  );
}

function lastTicket(emu: Emulator): Record<string, unknown> {
  const ticket = rowsOf(emu, 'Tickets').at(-1);
  if (!ticket) throw new Error('no ticket');
  return ticket;
}

const flaggedUnknown = (ticket: Record<string, unknown>) =>
  String(ticket['Review note']).includes(`Category “${CATEGORY}” is not in ⚙ Categories`);

describe('a ⚙ sheet changed without an edit event', () => {
  it('setup installs the onChange trigger; a deleted ⚙ Categories row is seen by the next intake', () => {
    const emu = newDesk({ lang: 'en' });
    expect(emu.triggers.map((trigger) => `${String(trigger.eventType)}:${trigger.handler}`)).toContain(
      'ON_CHANGE:onChange',
    );
    submitIntake(emu, complaint()); // caches the settings
    expect(flaggedUnknown(lastTicket(emu))).toBe(false);
    emu.changeSheet('⚙ Categories', 'REMOVE_ROW', (sheet) => sheet.deleteRow(categoryRow(emu)), {
      user: 'manager@gmail.com',
    });
    submitIntake(emu, complaint({ customer: 'After the change', phone: '13900005555' }));
    expect(lastTicket(emu).Customer).toBe('After the change');
    expect(flaggedUnknown(lastTicket(emu))).toBe(true);
  });

  it('a sort of another sheet, or a format change, keeps the cache; a sort of a ⚙ sheet drops it', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint());
    const cached = () => emu.properties.document.get(emu.spreadsheet.id)?.get('settings.stamp');
    const before = cached();
    emu.changeSheet('Tickets', 'OTHER', () => {}); // "other" may be a sheet renamed: it counts
    const afterOther = cached();
    expect(afterOther).not.toBe(before);
    emu.changeSheet('Tickets', 'INSERT_ROW', (sheet) => sheet.insertRowsAfter(1, 1));
    emu.changeSheet('⚙ Categories', 'FORMAT', () => {});
    expect(cached()).toBe(afterOther);
    emu.changeSheet('⚙ Categories', 'REMOVE_COLUMN', () => {});
    expect(cached()).not.toBe(afterOther);
  });

  it('a parse read just before the change is not used afterwards (the fingerprint, not only the cache)', () => {
    // Which of the hourly run's block reads is the last ⚙ sheet it reads, on a cold cache: counted on
    // an identical desk (the emulator is deterministic).
    const count = newDesk({ lang: 'en' });
    submitIntake(count, complaint());
    count.cache.evict();
    const calls: string[] = [];
    const original = count.runtime.beforeCall.bind(count.runtime);
    count.runtime.beforeCall = (service: string, method: string, args: unknown[]) => {
      // The settings go to the cache in one putAll of their chunks: its first key names them.
      const key =
        method === 'put' ? String(args[0]) : method === 'putAll' ? Object.keys(args[0] as object)[0] : '';
      calls.push(`${service}.${method}${key ? `:${key}` : ''}`);
      original(service, method, args);
    };
    count.run('runScheduler');
    const put = calls.findIndex((call) => call.startsWith('Cache.putAll:settings.'));
    expect(put).toBeGreaterThan(0);
    const reads = calls.slice(0, put).filter((call) => call === 'Sheet.getSheetValues').length;

    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint());
    emu.cache.evict();
    // The run's last ⚙ read is answered slowly; meanwhile a manager deletes the category row.
    emu.faults.slowCall('Sheet.getSheetValues', 30_000, { handler: 'runScheduler', after: reads - 1 });
    const row = categoryRow(emu);
    const manager = new Function(
      `Utilities.sleep(5000);
       var ss = SpreadsheetApp.getActiveSpreadsheet();
       var sheet = ss.getSheetByName('⚙ Categories');
       sheet.deleteRow(${row});
       ss.setActiveSheet(sheet);
       onChange({ changeType: 'REMOVE_ROW', source: ss, authMode: ScriptApp.AuthMode.FULL });`,
    ) as () => unknown;
    const results = emu.runConcurrently([{ name: 'runScheduler', authMode: AuthMode.FULL }, manager]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(emu.faults.armed).toBe(false);
    // The run cached what it read before the deletion; the next intake must not use it.
    expect(categoryRow(emu)).toBe(0);
    submitIntake(emu, complaint({ customer: 'After the race', phone: '13900006666' }));
    expect(lastTicket(emu).Customer).toBe('After the race');
    expect(flaggedUnknown(lastTicket(emu))).toBe(true);
  });
});
