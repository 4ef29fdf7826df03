/**
 * The scheduler end to end (SPEC §6, issue 5): the sweep every run, the digest at 08:00 on working days,
 * report slots; missed runs caught up once, never doubled; one Run log append per run.
 */
import { documentProperties, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { shanghai } from '../jobs/scheduler-fixtures';

type Emu = ReturnType<typeof newDesk>;

function digestsFor(emu: Emu, label: string): string[] {
  return emu.mail.outbox
    .filter((mail) => mail.subject.includes(`Daily digest ${label}`))
    .flatMap((mail) => mail.to);
}

function logJobs(emu: Emu): string[] {
  return rowsOf(emu, 'Run log').map((row) => String(row.Job));
}

describe('scheduler', () => {
  it('a day with the trigger not firing for 10 hours catches up once: one sweep per run, one digest', () => {
    const emu = newDesk({ lang: 'en' }); // set up Mon 2026-03-02 10:00 Shanghai
    submitIntake(emu, complaint());
    emu.advanceTo(shanghai('2026-03-03 07:30'));
    expect(digestsFor(emu, '2026-03-03')).toHaveLength(0);
    const runsBefore = emu.executions.filter((run) => run.name === 'runScheduler').length;

    // The trigger does not fire from 07:30 to 17:30 (the clock moves without firing).
    emu.clock.set(shanghai('2026-03-03 17:30'));
    emu.advanceTo(shanghai('2026-03-03 18:30'));
    const runs = emu.executions.filter((run) => run.name === 'runScheduler').length - runsBefore;
    expect(runs).toBe(2); // the late firing at 17:30, then 18:00

    const recipients = digestsFor(emu, '2026-03-03');
    expect(recipients.length).toBeGreaterThan(0);
    expect(new Set(recipients).size).toBe(recipients.length); // one digest per person
    const jobs = logJobs(emu);
    expect(jobs.filter((job) => job === 'Daily digest 2026-03-03')).toHaveLength(1);

    // Running it again by hand, or the next hours, never doubles it.
    emu.run('menuRunScheduler', undefined, { interactive: true });
    emu.advanceTo(shanghai('2026-03-04 07:59'));
    expect(digestsFor(emu, '2026-03-03')).toEqual(recipients);
    emu.advanceTo(shanghai('2026-03-04 08:30'));
    expect(digestsFor(emu, '2026-03-04').length).toBeGreaterThan(0);
  });

  it('records every run in the Run log with one append per run: start, end, job, counts, error', () => {
    const emu = newDesk({ lang: 'en' });
    emu.advanceTo(shanghai('2026-03-02 12:30'));
    const rows = rowsOf(emu, 'Run log');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row['Started at']).toBeInstanceOf(Date);
      expect(row['Ended at']).toBeInstanceOf(Date);
      expect(row.Result).toBe('OK');
      // What the run did, in words, not JSON.
      expect(String(row.Counts)).not.toMatch(/[{}"]/);
    }
    expect(rows.some((row) => /tickets \d+ · checked \d+/.test(String(row.Counts)))).toBe(true);
    emu.counts.reset();
    emu.advanceTo(shanghai('2026-03-02 13:30'));
    // One run, one sweep row: appended with a single write (appendRow or setValues).
    expect(emu.counts.get('Sheet', 'appendRow') + emu.counts.get('Range', 'setValues')).toBeLessThanOrEqual(
      3,
    );
    expect(rowsOf(emu, 'Run log')).toHaveLength(rows.length + 1);
  });

  it('skips the digest on holidays and weekends and sends it on the 调休 working Saturday', () => {
    const emu = newDesk({ lang: 'en', start: shanghai('2026-04-29 10:00') });
    submitIntake(emu, complaint());
    // Two runs a day around 08:00 are enough to see which days get a digest.
    for (let day = 30; day <= 40; day++) {
      const date = new Date(Date.UTC(2026, 3, day)).toISOString().slice(0, 10);
      emu.clock.set(shanghai(`${date} 07:00`));
      emu.advanceTo(shanghai(`${date} 09:00`));
    }
    const labels = new Set(
      emu.mail.outbox
        .map((mail) => /Daily digest (\S+)/.exec(mail.subject)?.[1])
        .filter((label): label is string => label !== undefined),
    );
    expect([...labels].sort()).toEqual([
      '2026-04-30',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08',
      '2026-05-09',
    ]);
  });

  it('runs each missed weekly, monthly and quarterly report slot once, never twice, and not for periods before setup', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00: this week's slot (08:00) predates setup
    emu.advanceTo(shanghai('2026-03-02 12:00'));
    expect(logJobs(emu).filter((job) => job.startsWith('Weekly report'))).toHaveLength(0);
    // The trigger is dead for four weeks; the first run after catches up.
    emu.clock.set(shanghai('2026-04-01 09:30'));
    emu.advanceTo(shanghai('2026-04-01 12:30'));
    const reports = logJobs(emu).filter((job) => /report/.test(job));
    expect(reports).toEqual([
      'Weekly report 2026-W10',
      'Weekly report 2026-W11',
      'Weekly report 2026-W12',
      'Weekly report 2026-W13',
      'Monthly report 2026-03',
      // Setup was in March, so the first quarter's report is due on 04-01 too (its slot follows setup).
      'Quarterly report 2026-Q1',
    ]);
    const marks = documentProperties(emu);
    expect(JSON.parse(marks.get('schedule.monthly') ?? '{}').label).toBe('2026-03');
  });

  it('an error in one job is logged and the others still run', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint());
    // A user renames the Escalation level header: the sweep needs it, the digest does not.
    const tickets = emu.spreadsheet.host().getSheetByName('Tickets');
    if (!tickets) throw new Error('no Tickets sheet');
    const header = tickets.getRange(1, 1, 1, tickets.getLastColumn()).getValues()[0];
    tickets.getRange(1, header.indexOf('Escalation level') + 1).setValue('Level (old)');
    emu.advanceTo(shanghai('2026-03-03 08:30'));
    const rows = rowsOf(emu, 'Run log');
    const sweep = rows.filter((row) => row.Job === 'Deadline sweep').at(-1);
    expect(sweep?.Result).toBe('Error');
    expect(String(sweep?.Error)).toMatch(/Escalation level/);
    const digest = rows.find((row) => row.Job === 'Daily digest 2026-03-03');
    expect(digest?.Result).toBe('OK');
    expect(digestsFor(emu, '2026-03-03').length).toBeGreaterThan(0);
  });
});
