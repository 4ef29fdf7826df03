/**
 * Nothing lost, nothing twice for mail (SPEC §14, issue 13 "One mail path"): each scenario is killed
 * at every service call of its hourly run (test/helpers/crash-points.ts) and recovered by the next
 * hourly runs; every escalation level reached is then mailed exactly once to each of its recipients,
 * every queued mail sent exactly once, every digest and report exactly once.
 */
import type { Emulator } from '../../scripts/emulator';
import {
  type CrashPoint,
  type CrashReport,
  type CrashScenario,
  everyCrashPoint,
} from '../helpers/crash-points';
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { escalationLines } from '../helpers/mail';
import { writePoints } from '../helpers/write-points';
import { escalateAtOnce, fillTickets, shanghai } from '../jobs/scheduler-fixtures';

const HOUR = 3_600_000;
const ESCALATION = /Escalation/;

/** Every mail sent as `to subject`, sorted (a mail sent twice shows twice). */
function sentTo(emu: Emulator, subject: RegExp): string[] {
  return emu.mail.outbox
    .filter((mail) => subject.test(mail.subject))
    .flatMap((mail) => mail.to.map((to) => `${to} ${mail.subject}`))
    .sort();
}

/**
 * Extra copies of a mail: the same escalation lines (ticket and level) to the same person, or the same
 * subject to the same person for every other mail (a digest a day, a report a period, a notice a
 * ticket) — whatever the body says (a re-sent escalation says "late by" one hour more). A kill right
 * after a send and before its mark re-sends that one mail in flight, and nothing else: at most 1.
 */
function extraCopies(emu: Emulator): number {
  const seen = new Map<string, number>();
  for (const mail of emu.mail.outbox) {
    const what = ESCALATION.test(mail.subject)
      ? escalationLines(mail.body)
          .map((line) => `${line.ticket}:${line.level}`)
          .sort()
          .join(',')
      : mail.subject;
    const key = `${mail.to.join(',')}|${what}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
}

/** `to subject` of each mail once, sorted. */
function distinct(lines: readonly string[]): string[] {
  return [...new Set(lines)].sort();
}

/** (recipient, ticket, level) of every escalation line sent, sorted: a line twice shows twice. */
function escalationsMailed(emu: Emulator): string[] {
  return emu.mail.outbox
    .filter((mail) => ESCALATION.test(mail.subject))
    .flatMap((mail) =>
      escalationLines(mail.body).flatMap((line) => mail.to.map((to) => `${to} ${line.ticket} ${line.level}`)),
    )
    .sort();
}

function levels(emu: Emulator): string[] {
  return rowsOf(emu, 'Tickets').map((row) => `${row.ID} ${row['Escalation level']}`);
}

function waiting(emu: Emulator): number {
  return rowsOf(emu, 'Outbox').filter((row) => row.To !== '' && row['Sent at'] === '').length;
}

/** Crash points whose recovery re-sent the one mail in flight. */
const inFlight = new Map<string, number>();

function checkCopies(emu: Emulator, scenario: string): void {
  const extra = extraCopies(emu);
  expect(extra).toBeLessThanOrEqual(1);
  if (extra > 0) inFlight.set(scenario, (inFlight.get(scenario) ?? 0) + 1);
}

/**
 * everyCrashPoint over the kill points that leave distinct states (../helpers/write-points.ts): the
 * call after each write, mail or property change. Prints how many of the run's calls that covers.
 */
function crashEveryWrite(
  name: string,
  scenario: CrashScenario,
  invariant: (emu: Emulator, at: CrashPoint) => void,
): CrashReport {
  const { calls, points } = writePoints(scenario);
  const report = everyCrashPoint(scenario, invariant, { points });
  expect(report.calls).toBe(calls.length);
  console.log(
    `${name}: ${report.calls} service calls, ${report.points} distinct crash points exercised, ` +
      `${inFlight.get(name) ?? 0} re-sent the one mail in flight (${JSON.stringify(report.byCall)})`,
  );
  return report;
}

describe('mail survives a kill at every service call', () => {
  it('the sweep with escalations: every level reached is mailed exactly once to each recipient', () => {
    let clean: { mailed: string[]; levels: string[] } | null = null;
    const report = crashEveryWrite(
      'sweep with escalations',
      {
        setup: () => {
          const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
          escalateAtOnce(emu); // the hourly alerts (the daily summary has its own scenario)
          fillTickets(emu, 8, shanghai('2026-03-02 10:00'), 1); // open, most of them days late
          return emu;
        },
        // The 11:00 run escalates them: levels 2 and 3, to department heads, the manager and the GM.
        run: (emu) => emu.advanceTo(shanghai('2026-03-02 11:30')),
        recover: (emu) => emu.advance(HOUR),
        handler: 'runScheduler',
      },
      (emu, at) => {
        checkCopies(emu, 'sweep with escalations');
        const mailed = distinct(escalationsMailed(emu));
        if (at.point === 0) {
          clean = { mailed, levels: levels(emu) };
          expect(mailed.length).toBeGreaterThan(8);
        } else {
          expect(levels(emu)).toEqual(clean?.levels);
          expect(mailed).toEqual(clean?.mailed);
        }
        expect(waiting(emu)).toBe(0);
      },
    );
    expect(report.points).toBeGreaterThan(15);
  }, 600_000);

  it('the daily escalation summary: each recipient gets it exactly once, every level in it once', () => {
    let clean: string[] = [];
    const report = crashEveryWrite(
      'escalation summary',
      {
        setup: () => {
          const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
          fillTickets(emu, 2, shanghai('2026-03-02 10:00'), 1); // open, days late: escalated at 11:00
          emu.advanceTo(shanghai('2026-03-02 15:30')); // no hourly alerts: they wait for the summary
          expect(emu.mail.outbox.filter((mail) => ESCALATION.test(mail.subject))).toHaveLength(0);
          return emu;
        },
        run: (emu) => emu.advanceTo(shanghai('2026-03-02 16:30')),
        recover: (emu) => emu.advance(HOUR),
        handler: 'runScheduler',
      },
      (emu, at) => {
        // At most the one mail in flight is re-sent (a kill after its send, before its mark).
        checkCopies(emu, 'escalation summary');
        const summaries = distinct(sentTo(emu, /Escalation summary 2026-03-02/));
        const mailed = distinct(escalationsMailed(emu));
        if (at.point === 0) {
          clean = [...summaries, ...mailed];
          expect(summaries.length).toBeGreaterThanOrEqual(3); // a department head, the manager, the GM
          expect(mailed.length).toBeGreaterThanOrEqual(summaries.length);
        } else expect([...summaries, ...mailed]).toEqual(clean);
        expect(waiting(emu)).toBe(0);
      },
    );
    expect(report.points).toBeGreaterThan(10);
  }, 600_000);

  it('the Outbox flush after the quota resets: every queued mail sent exactly once', () => {
    let clean: string[] = [];
    const report = crashEveryWrite(
      'Outbox flush',
      {
        setup: () => {
          const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
          escalateAtOnce(emu);
          emu.faults.exhaustMailQuota();
          for (let i = 1; i <= 2; i++) submitIntake(emu, complaint({ phone: `1390000000${i}`, email: '' }));
          fillTickets(emu, 2, shanghai('2026-03-02 10:00'), 1);
          emu.advanceTo(shanghai('2026-03-02 11:30')); // escalations queue behind the notices
          expect(emu.mail.outbox).toHaveLength(0);
          // The quota resets at 16:00 Shanghai (midnight Pacific); the hourly runs in between are skipped.
          emu.clock.set(shanghai('2026-03-02 16:00'));
          return emu;
        },
        run: (emu) => emu.advanceTo(shanghai('2026-03-02 16:30')),
        recover: (emu) => emu.advance(HOUR),
        handler: 'runScheduler',
      },
      (emu, at) => {
        checkCopies(emu, 'Outbox flush');
        const sent = distinct(sentTo(emu, /./));
        if (at.point === 0) {
          clean = sent;
          expect(sent.length).toBeGreaterThanOrEqual(3);
        } else expect(sent).toEqual(clean);
        expect(waiting(emu)).toBe(0);
      },
    );
    expect(report.points).toBeGreaterThan(15);
  }, 600_000);

  it('the daily digest: every person gets the day’s digest exactly once', () => {
    let clean: string[] = [];
    const report = crashEveryWrite(
      'daily digest',
      {
        setup: () => {
          const emu = newDesk({ lang: 'en', start: shanghai('2026-03-03 06:20') }); // Tue
          // The late tickets first (fillTickets writes from row 2), then three new ones due today.
          fillTickets(emu, 6, shanghai('2026-03-03 06:20'), 1);
          for (let i = 1; i <= 3; i++) submitIntake(emu, complaint({ phone: `1390000000${i}`, email: '' }));
          emu.advanceTo(shanghai('2026-03-03 07:30')); // the escalations are sent before the digest's run
          return emu;
        },
        run: (emu) => emu.advanceTo(shanghai('2026-03-03 08:30')),
        recover: (emu) => emu.advance(HOUR),
        handler: 'runScheduler',
      },
      (emu, at) => {
        checkCopies(emu, 'daily digest');
        const digests = distinct(sentTo(emu, /Daily digest 2026-03-03/));
        if (at.point === 0) {
          clean = digests;
          expect(digests.length).toBeGreaterThanOrEqual(2);
        } else expect(digests).toEqual(clean);
      },
    );
    expect(report.points).toBeGreaterThan(15);
  }, 600_000);

  it('the weekly report: mailed exactly once, and the Report log says so once', () => {
    let clean: string[] = [];
    const report = crashEveryWrite(
      'weekly report',
      {
        // Setup on Monday 07:40: the previous week's report is due at 08:00 (nothing else to mail).
        setup: () => newDesk({ lang: 'en', start: shanghai('2026-03-09 07:40') }),
        run: (emu) => emu.advanceTo(shanghai('2026-03-09 08:30')),
        recover: (emu) => emu.advance(HOUR),
        handler: 'runScheduler',
      },
      (emu, at) => {
        checkCopies(emu, 'weekly report');
        const reports = distinct(sentTo(emu, /Weekly report/));
        if (at.point === 0) {
          clean = reports;
          expect(reports.length).toBeGreaterThan(0);
        } else expect(reports).toEqual(clean);
        const mailedBuilds = new Set(
          rowsOf(emu, 'Report log')
            .filter((row) => row.Emailed === true)
            .map((row) => `${row.Report} ${row.Revision}`),
        );
        expect(mailedBuilds.size).toBe(1);
      },
    );
    expect(report.points).toBeGreaterThan(15);
  }, 600_000);
});
