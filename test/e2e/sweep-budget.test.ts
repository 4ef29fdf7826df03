/**
 * SPEC §15 budget: the hourly sweep costs ≤ 30 Sheets service calls whatever the number of tickets.
 * Tickets are filled through the uncounted host after one hourly run has warmed the caches (settings,
 * header maps), as in steady operation; the next run is counted. It covers the whole scheduler run at
 * an hour with only the sweep due — read Tickets, write states and levels, History, escalation mail,
 * Outbox, Run log — and escalates thousands of tickets at 100,000.
 */
import { documentProperties, newDesk, rowsOf } from '../helpers/desk';
import { fillTickets, shanghai } from '../jobs/scheduler-fixtures';

const BUDGET = 30;

function countedSweep(tickets: number): { calls: number; changed: number } {
  const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00; the hourly trigger fires on the hour
  emu.advanceTo(shanghai('2026-03-02 11:30')); // the 11:00 run: caches settings and header maps
  expect(rowsOf(emu, 'Run log').some((row) => row.Job === 'Deadline sweep')).toBe(true);
  fillTickets(emu, tickets, shanghai('2026-03-02 11:00'));
  emu.counts.reset();
  emu.advanceTo(shanghai('2026-03-02 12:30')); // the 12:00 run escalates ~5 % of the tickets and writes back
  const calls = emu.counts.sheets();
  const last = rowsOf(emu, 'Run log').at(-1);
  expect(last?.Job).toBe('Deadline sweep');
  expect(last?.Result).toBe('OK');
  // The Run log says it in words; the last run's counts are kept as data in document properties.
  const counts = (
    JSON.parse(documentProperties(emu).get('run.last.sweep') ?? '{}') as { counts: Record<string, number> }
  ).counts;
  expect(counts.tickets).toBe(tickets);
  expect(counts.level2 + counts.level3).toBeGreaterThan(0);
  return { calls, changed: counts.changed };
}

describe('sweep call budget', () => {
  it(`≤ ${BUDGET} Sheets calls at 1,000 tickets`, () => {
    const { calls, changed } = countedSweep(1_000);
    console.log(`sweep at 1,000 tickets: ${calls} Sheets calls, ${changed} tickets changed`);
    expect(calls).toBeLessThanOrEqual(BUDGET);
  });

  it(`≤ ${BUDGET} Sheets calls at 100,000 tickets`, () => {
    const { calls, changed } = countedSweep(100_000);
    console.log(`sweep at 100,000 tickets: ${calls} Sheets calls, ${changed} tickets changed`);
    expect(calls).toBeLessThanOrEqual(BUDGET);
  }, 300_000);
});
