/**
 * The parsed ⚙ settings of a realistic desk are larger than one cache value (CacheService: 100 KB per
 * value, developers.google.com/apps-script/reference/cache/cache): they are cached in chunks, written
 * with one putAll and read with one getAll, so intake keeps its 15 Sheets calls. A chunk Google evicts
 * early makes one execution read the ⚙ sheets again, never a wrong parse.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

const INTAKE_CALLS = 15;

/** 150 people in ⚙ Staff, typed in as a manager pastes a roster. */
function bigDesk(): Emulator {
  const emu = newDesk({ lang: 'en' });
  const rows = rowsOf(emu, '⚙ Staff');
  const extra = Array.from({ length: 150 - rows.length }, (_, i) => [
    `Staff member ${i}`,
    `staff.member.${i}@example.com`,
    'Staff',
    ['Customer Service', 'Engineering', 'Security', 'Environment'][i % 4],
  ]);
  const first = rows.length + 2;
  emu.editCells('⚙ Staff', `A${first}:D${first + extra.length - 1}`, extra);
  return emu;
}

function intakeCalls(emu: Emulator, phone: string): number {
  emu.counts.reset();
  submitIntake(emu, complaint({ phone }));
  return emu.counts.sheets();
}

describe('the settings cache at a realistic size', () => {
  it('150 staff: the parse is cached in several chunks and intake stays within 15 calls; an evicted chunk costs one re-read', () => {
    const emu = bigDesk();
    expect(rowsOf(emu, '⚙ Staff').length).toBe(150);
    submitIntake(emu, complaint({ phone: '13700000001' })); // parses and caches the settings
    expect(intakeCalls(emu, '13700000002')).toBeLessThanOrEqual(INTAKE_CALLS);
    expect(emu.counts.get('Cache', 'getAll')).toBe(1);
    expect(emu.counts.get('Cache', 'putAll')).toBe(0);
    // More than one chunk: Google may drop any of them; the next run reads ⚙ again and caches anew.
    expect(emu.cache.evict('settings.parsed.v5.1')).toBe(1);
    expect(intakeCalls(emu, '13700000003')).toBeGreaterThan(INTAKE_CALLS);
    expect(emu.counts.get('Cache', 'putAll')).toBe(1);
    expect(intakeCalls(emu, '13700000004')).toBeLessThanOrEqual(INTAKE_CALLS);
    // Each ticket was routed with the roster: the parse read back is the one written.
    const tickets = rowsOf(emu, 'Tickets');
    expect(tickets).toHaveLength(4);
    expect(new Set(tickets.map((row) => row.Department))).toEqual(new Set([tickets[0].Department]));
  });
});
