/**
 * The 16:00 run with the daily escalation summary, at 1,000 and 100,000 tickets (no SPEC §15 line of
 * its own; this pins it). Before: 100 Sheets calls and 8.7 M cells read at 100,000 — the summary read
 * every ticket's columns again right after the sweep had — and 5 of its 6 minutes before its 50-line
 * cap. Now the summary lists its lines from the rows the sweep read in the same run and reads only
 * History's rows of its window, so what it adds to the run does not grow with the tickets.
 *
 * Tickets are filled through the uncounted host (fixtures: 5 % open and long late) on a desk whose
 * caches are warm; the 15:00 run escalates them, the 16:00 run sweeps again (nothing new) and sends the
 * summary, the 17:00 run sweeps again only. The summary's share is the 16:00 run minus the 17:00 run.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { fillTickets, shanghai } from '../jobs/scheduler-fixtures';

/** Sheets calls of the whole 16:00 run (the sweep's ≤ 30 of SPEC §15, and the summary's). */
const RUN_CALLS = 40;
/**
 * The 16:00 run's calls beyond the 17:00 run's: History's last row and its window read backwards in
 * growing blocks (1,000, 2,000, 4,000… rows: 5,000 escalations cost 3 reads, not 5), the Tickets sheet's
 * id for the row links, the Run log row — and the 16:00 sweep's own extra state writes (2).
 */
const SUMMARY_CALLS = 10;
/** Cells the summary reads besides the sweep's: History's rows of the window, 6 columns each, and slack. */
const cellsBudget = (escalations: number) => 10 * escalations + 20_000;
/** Simulated time the summary adds to the run (Google's latencies; the limit is 6 minutes for all). */
const SUMMARY_MS = 5_000;

interface Run {
  calls: number;
  cells: number;
  ms: number;
}

function counted(emu: Emulator, until: string): Run {
  emu.counts.reset();
  const before = emu.executions.length;
  emu.advanceTo(shanghai(until));
  const runs = emu.executions.slice(before).filter((execution) => execution.name === 'runScheduler');
  expect(runs).toHaveLength(1);
  return { calls: emu.counts.sheets(), cells: emu.counts.cells().read, ms: runs[0].elapsedMs ?? 0 };
}

function summaryRun(tickets: number) {
  // Mon 12:10: the 13:00 and 14:00 runs cache the settings and header maps (the cache lasts 6 h).
  const emu = newDesk({ lang: 'en', start: shanghai('2026-03-02 12:10') });
  emu.advanceTo(shanghai('2026-03-02 14:30'));
  fillTickets(emu, tickets, shanghai('2026-03-02 14:30'));
  emu.advanceTo(shanghai('2026-03-02 15:30')); // the 15:00 sweep escalates them
  const escalations = rowsOf(emu, 'History').filter((row) => row.Field === 'Escalation level').length;
  expect(escalations).toBeGreaterThan(tickets * 0.04);
  const run = counted(emu, '2026-03-02 16:30');
  const sweep = counted(emu, '2026-03-02 17:30'); // the same sweep (nothing new), no summary
  const summaries = emu.mail.outbox.filter((mail) => /Escalation summary 2026-03-02/.test(mail.subject));
  expect(summaries.length).toBeGreaterThanOrEqual(3);
  const logged = rowsOf(emu, 'Run log').find((row) => row.Job === 'Escalation summary 2026-03-02');
  expect(logged?.Result).toBe('OK');
  const summary = { calls: run.calls - sweep.calls, cells: run.cells - sweep.cells, ms: run.ms - sweep.ms };
  console.log(
    `16:00 run at ${tickets} tickets (${escalations} escalated): ${run.calls} Sheets calls, ` +
      `${run.cells} cells read, ${Math.round(run.ms)} ms; the summary's share: ${summary.calls} calls, ` +
      `${summary.cells} cells, ${Math.round(summary.ms)} ms`,
  );
  return { run, summary, escalations };
}

describe('the 16:00 run with the escalation summary', () => {
  let small: ReturnType<typeof summaryRun>;

  it('at 1,000 tickets: calls, cells and time within budget', () => {
    small = summaryRun(1_000);
    expect(small.run.calls).toBeLessThanOrEqual(RUN_CALLS);
    expect(small.summary.calls).toBeLessThanOrEqual(SUMMARY_CALLS);
    expect(small.summary.cells).toBeLessThanOrEqual(cellsBudget(small.escalations));
    expect(small.summary.ms).toBeLessThanOrEqual(SUMMARY_MS);
  });

  it('at 100,000 tickets: the same calls, and cells and time that do not grow with the tickets', () => {
    const large = summaryRun(100_000);
    expect(large.run.calls).toBeLessThanOrEqual(RUN_CALLS);
    expect(large.summary.calls).toBeLessThanOrEqual(SUMMARY_CALLS);
    expect(large.summary.cells).toBeLessThanOrEqual(cellsBudget(large.escalations));
    expect(large.summary.ms).toBeLessThanOrEqual(SUMMARY_MS);
  }, 300_000);
});
