/**
 * Nothing lost, nothing twice for the Merits ledger (SPEC §8.2, §14): each way an entry is made is
 * killed at every service call that leaves a distinct state (../helpers/write-points.ts) and recovered
 * by the next hourly runs. Then every entry is in the ledger exactly once with its ID, no ID is skipped,
 * each has its one History line, and nothing is left in the journal (document properties).
 */
import type { Emulator } from '../../scripts/emulator';
import { type CrashScenario, everyCrashPoint } from '../helpers/crash-points';
import { cellOf, documentProperties, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { submitMerit } from '../helpers/merits';
import { writePoints } from '../helpers/write-points';

const HOUR = 3_600_000;
const ENTRY_LINE = 'Merit entry';

function entries(emu: Emulator) {
  return rowsOf(emu, 'Merits').filter((row) => row['Entry ID'] !== '');
}

/** The ledger's entries as `ID rule staff points evidence`, sorted by ID. */
function ledger(emu: Emulator): string[] {
  return entries(emu)
    .map((row) => `${row['Entry ID']} ${row['Recorded by rule']} ${row.Staff} ${row.Points} ${row.Evidence}`)
    .sort();
}

/**
 * Every entry once, numbered 1…n without a gap (the counter says n), one History line each, and the
 * journal empty.
 */
function checkLedger(emu: Emulator): void {
  const ids = entries(emu).map((row) => String(row['Entry ID']));
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(ids.map((_, i) => `MR-2026-${String(i + 1).padStart(5, '0')}`));
  const counter = [...documentProperties(emu).entries()].find(([key]) => /counter.*MR/i.test(key));
  expect(Number(counter?.[1] ?? 0)).toBe(ids.length);
  const lines = rowsOf(emu, 'History')
    .filter((row) => row.Field === ENTRY_LINE)
    .map((row) => String(row['Record ID']))
    .sort();
  expect(lines).toEqual([...ids].sort());
  expect([...documentProperties(emu).keys()].filter((key) => key.startsWith('merits.'))).toEqual([]);
}

/**
 * everyCrashPoint over the distinct kill points; with `window`, only those from the first call whose
 * description (call and first argument) matches to the call after the last that does.
 */
function crashEveryWrite(
  name: string,
  scenario: CrashScenario,
  invariant: (emu: Emulator) => void,
  window?: RegExp,
) {
  const { calls, points, described } = writePoints(scenario);
  const matching = window ? described.flatMap((call, i) => (window.test(call) ? [i + 1] : [])) : [];
  const chosen = window
    ? [
        ...new Set([
          matching[0], // killed there: the state before the window
          ...points.filter((point) => point > matching[0] && point <= (matching.at(-1) ?? 0) + 1),
        ]),
      ]
    : points;
  const report = everyCrashPoint(scenario, invariant, { points: chosen });
  expect(report.calls).toBe(calls.length);
  console.log(
    `${name}: ${report.calls} service calls, ${report.points} distinct crash points exercised` +
      (window ? ` (calls ${matching[0]}–${matching.at(-1)})` : ''),
  );
  return report;
}

/** The hourly runs after a crash: the next one, then more until `done` or every linked form's responses were scanned (13 h). */
function hourlyUntil(emu: Emulator, done: () => boolean): void {
  emu.advance(HOUR);
  for (let hour = 1; hour < 13 && !done(); hour++) emu.advance(HOUR);
}

function praise(phone: string, person: string) {
  return complaint({ type: 'Praise', personComplained: person, phone, email: '' });
}

describe('the Merits ledger survives a kill at every service call', () => {
  it('a praise ticket (its entry journaled in the submission): after the next hourly runs, one entry with its ID', () => {
    crashEveryWrite(
      'praise intake',
      {
        setup: () => newDesk({ lang: 'en' }),
        run: (emu) => submitIntake(emu, praise('13900000001', 'Zhang Wei')),
        recover: (emu) => hourlyUntil(emu, () => entries(emu).length === 1),
        handler: 'onFormSubmit',
      },
      (emu) => {
        checkLedger(emu);
        // The ticket's own number may have moved on (intake's counter: a kill after it skips one).
        const tickets = rowsOf(emu, 'Tickets');
        expect(tickets).toHaveLength(1);
        expect(ledger(emu)).toEqual([`MR-2026-00001 Praise from a customer Zhang Wei 5 ${tickets[0].ID}`]);
      },
    );
  }, 240_000);

  it('the hourly run that writes journaled entries: each once, with its History line', () => {
    let clean: string[] = [];
    const report = crashEveryWrite(
      'journal flush',
      {
        setup: () => {
          const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
          submitIntake(emu, praise('13900000001', 'Zhang Wei'));
          submitIntake(emu, praise('13900000002', 'Liu Yang'));
          expect(entries(emu)).toHaveLength(0); // journaled, not yet in the ledger
          return emu;
        },
        run: (emu) => emu.advanceTo(new Date('2026-03-02T03:30:00Z')), // the 11:00 run
        recover: (emu) => emu.advance(HOUR),
        handler: 'runScheduler',
      },
      (emu) => {
        checkLedger(emu);
        if (clean.length === 0) clean = ledger(emu);
        expect(ledger(emu)).toEqual(clean);
        expect(clean.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
          'MR-2026-00001 Praise',
          'MR-2026-00002 Praise',
        ]);
      },
      // The run's merit step: from reading the journal to taking the last entry off it.
      /^Properties\.(getProperty|deleteProperty) merits\.journal\./,
    );
    // Before, the ledger rows, their History lines, the flush, each entry off the journal: 6 states.
    expect(report.points).toBeGreaterThanOrEqual(6);
  }, 300_000);

  it('a merit-form submission (written at once): one entry per response, no number skipped', () => {
    let clean: string[] = [];
    crashEveryWrite(
      'merit form',
      {
        setup: () => {
          const emu = newDesk({ lang: 'en' });
          submitMerit(emu, { staff: 'Liu Yang', item: 'Returned found property (+B1)', recordedBy: 'Li Na' });
          return emu;
        },
        run: (emu) =>
          submitMerit(emu, {
            staff: 'Zhang Wei',
            item: 'Left the post without approval (−B1)',
            recordedBy: 'Li Na',
          }),
        // A trigger killed before it reported the response is found by the inbox's scan of one form's
        // responses per hourly run, in turn: within a run per linked form (12).
        recover: (emu) => hourlyUntil(emu, () => entries(emu).length === 2),
        handler: 'onFormSubmit',
      },
      (emu) => {
        checkLedger(emu);
        if (clean.length === 0) clean = ledger(emu);
        expect(ledger(emu)).toEqual(clean);
        expect(clean).toEqual([
          'MR-2026-00001 Merit form Liu Yang 2 ',
          'MR-2026-00002 Merit form Zhang Wei -2 ',
        ]);
      },
    );
  }, 240_000);

  it('a Substantiated edit: the demerit at most once, never a skipped number; once journaled, always written', () => {
    // An edit is not retried by Google: a kill before the entry is journaled loses the demerit until the
    // cell is edited again (as any edit's effect); from the journal on, the hourly run finishes it.
    const scenario: CrashScenario = {
      setup: () => {
        const emu = newDesk({ lang: 'en' });
        submitIntake(emu, complaint({ phone: '13900000001', email: '' }));
        emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Person complained about', 2), [['Zhang Wei']]);
        return emu;
      },
      run: (emu) => emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Substantiated', 2), [['Yes']]),
      recover: (emu) => emu.advance(HOUR),
      handler: 'onEdit',
    };
    const { calls, points } = writePoints(scenario);
    const journaled = calls.indexOf('Properties.setProperties') + 1; // 1-based call number
    expect(journaled).toBeGreaterThan(0);
    let lost = 0;
    const report = everyCrashPoint(
      scenario,
      (emu, at) => {
        checkLedger(emu);
        const now = ledger(emu);
        if (at.point === 0 || at.point > journaled) {
          expect(now).toHaveLength(1);
          expect(now[0]).toMatch(/^MR-2026-00001 Substantiated complaint Zhang Wei -2 CMP-2026-\d+$/);
        } else {
          expect(now).toEqual([]);
          lost += 1;
        }
      },
      { points },
    );
    console.log(
      `substantiated edit: ${report.calls} service calls, ${report.points} distinct crash points, ` +
        `journaled at call ${journaled}; ${lost} kill points before it lose the edit's demerit`,
    );
    expect(report.points).toBeGreaterThan(3);
  }, 240_000);
});
