/**
 * Nothing lost, nothing twice for the monthly assessment (SPEC §8.3, §14): the hourly run at the month
 * boundary — the Assessment rows, the Assessment details and each person's mail — is killed at every
 * service call that leaves a distinct state (../helpers/write-points.ts) and recovered by the next hourly
 * run; so is the recomputation after an upheld appeal. Then each person has one row for the month, the
 * details of its revision sum to its total (once each), and each mail went once. A desk of 4 assessed
 * people keeps each run short.
 */
import type { Emulator } from '../../scripts/emulator';
import { type CrashScenario, everyCrashPoint } from '../helpers/crash-points';
import { cellOf, documentProperties, formId, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { submitMerit } from '../helpers/merits';
import { writePoints } from '../helpers/write-points';

const HOUR = 3_600_000;
const MONTH = '2026-03';
const ASSESSED = ['Li Na', 'Liu Yang', 'Zhang Wei', 'Zhao Jing'];

function setGeneral(emu: Emulator, key: string, value: string | number): void {
  const index = rowsOf(emu, '⚙ General').findIndex((row) => row.Key === key);
  emu.editCells('⚙ General', cellOf(emu, '⚙ General', 'Value', index + 2), [[value]]);
}

let prepared: Emulator | null = null;

/**
 * Customer Service only (everyone else inactive), the digest at 07:00 so the 08:00 run on 1 April is
 * the month's: Zhang Wei's complaint never resolved, a demerit by the form, a praise for Liu Yang.
 * Built once; each crash point gets a copy.
 */
function marchDesk(): Emulator {
  if (!prepared) {
    const emu = newDesk({ lang: 'en', start: new Date('2026-03-23T02:00:00Z') }); // Mon 23 March 10:00
    rowsOf(emu, '⚙ Staff').forEach((row, i) => {
      if (row.Department !== 'Customer Service' && (row.Role === 'Staff' || row.Role === 'Supervisor'))
        emu.editCells('⚙ Staff', cellOf(emu, '⚙ Staff', 'Active', i + 2), [[false]]);
    });
    setGeneral(emu, 'digestHour', 7);
    submitIntake(emu, complaint({ phone: '13800000001', email: '' }));
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Assignee', 2), [['Zhang Wei']]);
    submitMerit(emu, {
      staff: 'Zhang Wei',
      item: 'Left the post without approval (−B1)',
      recordedBy: 'Li Na',
    });
    submitIntake(
      emu,
      complaint({ type: 'Praise', personComplained: 'Liu Yang', phone: '13800000002', email: '' }),
    );
    emu.advanceTo(new Date('2026-03-31T23:30:00Z')); // Wed 1 April 07:30: the digest is sent
    prepared = emu;
  }
  return prepared.clone();
}

let submitted: Emulator | null = null;

/** After the month boundary: Zhang Wei appeals his −2 (MR-2026-00001), not yet decided. */
function appealSubmittedDesk(): Emulator {
  if (!submitted) {
    const emu = marchDesk();
    emu.advanceTo(new Date('2026-04-01T01:30:00Z')); // the month is assessed at 08:00
    emu.submitForm(formId(emu, 'form.assessmentAppeal'), {
      'Your name': 'Zhang Wei',
      'Month (YYYY-MM)': MONTH,
      'The point you dispute (rule, ticket or entry ID)': 'MR-2026-00001',
      Why: 'I was on approved leave that afternoon.',
    });
    submitted = emu;
  }
  return submitted.clone();
}

/** Wang Min (CS manager) accepts the appeal. */
function accept(emu: Emulator): void {
  emu.editCells('Assessment appeals', cellOf(emu, 'Assessment appeals', 'Decision', 2), [['Accept']], {
    user: 'wang.min@example.com',
  });
}

let appealed: Emulator | null = null;

/** The appeal accepted: the reversing entry waits for the next hourly run to recompute the month. */
function appealedDesk(): Emulator {
  if (!appealed) {
    const emu = appealSubmittedDesk();
    accept(emu);
    appealed = emu;
  }
  return appealed.clone();
}

function ofMonth(emu: Emulator, sheet: string) {
  return rowsOf(emu, sheet).filter((row) => row.Month === MONTH);
}

/** `staff total grade rank revision state` of each Assessment row of the month, sorted. */
function assessment(emu: Emulator): string[] {
  return ofMonth(emu, 'Assessment')
    .map(
      (row) =>
        `${row.Staff} ${row.Total} ${row.Grade} ${row['Rank in department']} r${row.Revision} ${row.State}`,
    )
    .sort();
}

/** `to subject` of each assessment mail sent (a mail sent twice shows twice; the ranking goes to the managers in one), sorted. */
function assessmentMails(emu: Emulator): string[] {
  return emu.mail.outbox
    .filter(
      (mail) =>
        mail.subject.includes(`assessment for ${MONTH}`) || mail.subject.includes(`assessment ${MONTH}`),
    )
    .map((mail) => `${[...mail.to].sort().join(',')} ${mail.subject}`)
    .sort();
}

/** Crash points whose recovery re-sent the one mail in flight. */
let inFlight = 0;

/**
 * One row per person; the details of the row's revision sum to its total, each (person, rule) once; no
 * write left unfinished; the mails as in the clean run, each once.
 */
function checkMonth(emu: Emulator, clean: { rows: string[]; mails: string[]; details: number }): void {
  const rows = ofMonth(emu, 'Assessment');
  expect(rows.map((row) => row.Staff).sort()).toEqual(ASSESSED);
  const details = ofMonth(emu, 'Assessment details');
  for (const row of rows) {
    const mine = details.filter((d) => d.Staff === row.Staff && d.Revision === row.Revision);
    expect(mine.reduce((sum, d) => sum + Number(d.Points), 0)).toBe(row.Total);
    const rules = mine.map((d) => `${d.Rule} ${d.Metric}`);
    expect(new Set(rules).size).toBe(rules.length);
  }
  expect(details).toHaveLength(clean.details);
  expect(assessment(emu)).toEqual(clean.rows);
  // Each mail went; a kill between a send and its mark re-sends that one mail in flight (the mail path's
  // limit, test/e2e/mail-crash.test.ts), nothing else.
  const mails = assessmentMails(emu);
  const counts = (lines: readonly string[]) => {
    const map = new Map<string, number>();
    for (const line of lines) map.set(line, (map.get(line) ?? 0) + 1);
    return map;
  };
  const now = counts(mails);
  for (const [line, n] of counts(clean.mails))
    expect(`${now.get(line) ?? 0}× ${line}`).toMatch(new RegExp(`^(${n}|${n + 1})× `));
  expect([...now.keys()].sort()).toEqual([...new Set(clean.mails)].sort());
  expect(mails.length - clean.mails.length).toBeLessThanOrEqual(1);
  if (mails.length > clean.mails.length) inFlight += 1;
  expect(documentProperties(emu).get('assessment.writing')).toBeUndefined();
}

/**
 * everyCrashPoint over the distinct kill points (../helpers/write-points.ts) of the assessment's step:
 * from the mark of its write to the call after the mark is cleared, and the next write point after it
 * (a kill in the monthly report that follows: the retried run must leave the month as it is). The hourly
 * run's other jobs (the sweep, the report) have crash tests of their own.
 */
function crashTheAssessment(
  name: string,
  scenario: CrashScenario,
  invariant: (emu: Emulator, point: number) => void,
): void {
  const { points, described: traced } = writePoints(scenario);
  const from = traced.findIndex((call) => call === 'Properties.setProperty assessment.writing') + 1;
  const to = traced.findIndex((call) => call === 'Properties.deleteProperty assessment.writing') + 1;
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  const after = points.find((point) => point > to + 1);
  // Building a pre-filled appeal link (FormResponse objects never submitted) changes nothing a later
  // execution sees: a kill after such a call leaves the state of a kill before it.
  const prefill = /^(Form\.(createResponse|getItems)|\w*Item\.(createResponse|getTitle)|FormResponse\.\w+) /;
  const distinct = points.filter((point) => !prefill.test(traced[point - 2] ?? ''));
  const chosen = [
    ...new Set([
      from,
      ...distinct.filter((point) => point > from && point <= to + 1),
      ...(after ? [after] : []),
    ]),
  ];
  const report = everyCrashPoint(scenario, (emu, at) => invariant(emu, at.point), { points: chosen });
  console.log(
    `${name}: ${report.calls} service calls in the run, the assessment's write from call ${from} to ${to}: ` +
      `${report.points} distinct crash points exercised (${JSON.stringify(report.byCall)}); ` +
      `${inFlight} re-sent the one mail in flight`,
  );
  expect(report.points).toBeGreaterThan(8);
}

describe('the monthly assessment survives a kill at every service call', () => {
  it('the hourly run at the month boundary: each person’s row once, details that add up, each mail once', () => {
    let clean = { rows: [] as string[], mails: [] as string[], details: 0 };
    crashTheAssessment(
      'assessment at the month boundary',
      {
        setup: marchDesk,
        run: (emu) => emu.advanceTo(new Date('2026-04-01T00:30:00Z')), // the 08:00 run
        recover: (emu) => emu.advance(HOUR),
        handler: 'runScheduler',
      },
      (emu, point) => {
        if (point === 0) {
          clean = {
            rows: assessment(emu),
            mails: assessmentMails(emu),
            details: ofMonth(emu, 'Assessment details').length,
          };
          // Zhang Wei: −2 resolved late, −2 left the post; Liu Yang +5 praise; a mail each, one ranking.
          expect(clean.rows).toEqual([
            'Li Na 100 A 2 r1 Provisional',
            'Liu Yang 105 A 1 r1 Provisional',
            'Zhang Wei 96 A 4 r1 Provisional',
            'Zhao Jing 100 A 2 r1 Provisional',
          ]);
          expect(clean.mails.filter((line) => line.includes('Your assessment'))).toHaveLength(4);
          expect(clean.mails.filter((line) => line.includes('ranking')).length).toBeGreaterThan(0);
        }
        checkMonth(emu, clean);
      },
    );
  }, 600_000);

  it('the hourly run that recomputes the month after an upheld appeal: revision 2 once, his new mail once', () => {
    let clean = { rows: [] as string[], mails: [] as string[], details: 0 };
    crashTheAssessment(
      'recomputed after an appeal',
      {
        setup: appealedDesk,
        run: (emu) => emu.advance(HOUR), // the 10:00 run
        recover: (emu) => emu.advance(HOUR),
        handler: 'runScheduler',
      },
      (emu, point) => {
        if (point === 0) {
          clean = {
            rows: assessment(emu),
            mails: assessmentMails(emu),
            details: ofMonth(emu, 'Assessment details').length,
          };
          // The reversal +2 in March: Zhang Wei 98 in revision 2 (the rows updated in place).
          expect(clean.rows).toEqual([
            'Li Na 100 A 2 r2 Provisional',
            'Liu Yang 105 A 1 r2 Provisional',
            'Zhang Wei 98 A 4 r2 Provisional',
            'Zhao Jing 100 A 2 r2 Provisional',
          ]);
          expect(clean.mails.filter((line) => line.includes('98 points'))).toHaveLength(1);
        }
        checkMonth(emu, clean);
      },
    );
  }, 600_000);

  it('a manager’s decision on an appeal, killed at every call: one upheld entry, the appeal row names it', () => {
    const scenario: CrashScenario = {
      setup: appealSubmittedDesk,
      run: accept,
      // The decision cell shows Accept but no one decided: the manager types it again; then the hourly run.
      recover: (emu) => {
        if (rowsOf(emu, 'Assessment appeals')[0]?.['Decided by'] !== 'Wang Min') accept(emu);
        emu.advance(HOUR);
      },
      handler: 'onEdit',
    };
    const { points } = writePoints(scenario);
    const report = everyCrashPoint(
      scenario,
      (emu) => {
        const upheld = rowsOf(emu, 'Merits').filter((row) => row['Recorded by rule'] === 'Upheld appeal');
        expect(upheld.map((row) => `${row['Entry ID']} ${row.Points} ${row['Reverses entry']}`)).toEqual([
          'MR-2026-00003 2 MR-2026-00001',
        ]);
        expect(rowsOf(emu, 'Assessment appeals')[0]).toMatchObject({
          Decision: 'Accept',
          'Decided by': 'Wang Min',
          'Ledger entry': 'MR-2026-00003',
        });
        expect(assessment(emu)).toContain('Zhang Wei 98 A 4 r2 Provisional');
        expect([...documentProperties(emu).keys()].filter((key) => key.startsWith('merits.'))).toEqual([]);
      },
      { points },
    );
    console.log(
      `appeal decision: ${report.calls} service calls, ${report.points} distinct crash points exercised`,
    );
  }, 300_000);

  it('a write killed after its mails and resumed after the figures moved mails the new total (and only that)', () => {
    const scenario: CrashScenario = {
      setup: marchDesk,
      run: (emu) => emu.advanceTo(new Date('2026-04-01T00:30:00Z')),
      handler: 'runScheduler',
    };
    const { described } = writePoints(scenario);
    const done = described.indexOf('Properties.deleteProperty assessment.writing');
    const lastMail = described
      .slice(0, done)
      .map((call) => call.startsWith('MailApp.sendEmail'))
      .lastIndexOf(true);
    // The first Sheets write after the mails: the Assessment rows (1-based call number).
    const rows = described.findIndex((call, i) => i > lastMail && call.startsWith('Sheet.getRange')) + 1;
    expect(rows).toBeGreaterThan(lastMail + 1);
    const emu = marchDesk();
    emu.faults.killAtCall(rows, { handler: 'runScheduler' });
    scenario.run(emu);
    emu.faults.clear();
    expect(ofMonth(emu, 'Assessment')).toHaveLength(0);
    expect(assessmentMails(emu).filter((line) => line.includes('Your assessment'))).toHaveLength(4);
    // Before the next run the CS manager makes a late ticket cost 3 points instead of 2.
    const rules = rowsOf(emu, '⚙ Assessment rules');
    const late = rules.findIndex((row) => row.Rule === 'Ticket resolved late');
    emu.editCells('⚙ Assessment rules', cellOf(emu, '⚙ Assessment rules', 'Points', late + 2), [[-3]]);
    emu.advance(HOUR);
    expect(assessment(emu)).toContain('Zhang Wei 95 A 4 r1 Provisional');
    const mine = assessmentMails(emu).filter((line) => line.startsWith('zhang.wei@'));
    expect(mine).toEqual([
      'zhang.wei@example.com Your assessment for 2026-03 (provisional): 95 points',
      'zhang.wei@example.com Your assessment for 2026-03 (provisional): 96 points',
    ]);
    // The others' totals did not move: their one mail each; the managers get the new ranking.
    for (const name of ['li.na', 'liu.yang', 'zhao.jing'])
      expect(assessmentMails(emu).filter((line) => line.startsWith(`${name}@`))).toHaveLength(1);
    expect(assessmentMails(emu).filter((line) => line.includes('ranking'))).toHaveLength(2);
    expect(documentProperties(emu).get('assessment.writing')).toBeUndefined();
  }, 120_000);
});
