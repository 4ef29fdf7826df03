/**
 * Blind calibration (SPEC §8.1) end to end on the bundle: "Calibrate this audit" from the menu on an
 * Audits row, the manager and supervisors score the same ticket through the scorecard's form from their
 * mailed links, sealed until everyone is in (or the deadline passes in the hourly run), then alignment
 * with the benchmark (MaestroQA), strictness, each item's spread, and never in the QA average.
 */
import type { Emulator } from '../../scripts/emulator';
import { auditFormId, linkIn, phoneExample, prefilledAnswers, submitAudit } from '../helpers/audits';
import { newDesk, rowsOf } from '../helpers/desk';

const PHONE = 'Phone service';

function calibrate(emu: Emulator, row: number) {
  emu.select('Audits', `B${row}`);
  emu.run('menuCalibrateAudit', undefined, { interactive: true });
  return String(emu.ui.alerts.at(-1)?.prompt ?? '');
}

/** A participant opens their mailed link and scores (the link fills in staff, ticket, auditor, session). */
function score(emu: Emulator, email: string, items: Record<string, string>) {
  const mail = emu.mail.outbox.find((m) => m.to.includes(email) && m.subject.startsWith('Calibration CAL-'));
  if (!mail?.htmlBody) throw new Error(`no calibration mail to ${email}`);
  const formId = auditFormId(emu, PHONE);
  const filled = prefilledAnswers(emu, formId, linkIn(mail.htmlBody, 'Score it'));
  emu.submitForm(formId, { ...filled, 'Root cause of low scores': ['Process'], ...items });
}

const calibrationRows = (emu: Emulator) => rowsOf(emu, 'Calibration');

describe('blind calibration', () => {
  it('three people score the same ticket blind; results, alignment and strictness once all are in (worked example)', () => {
    const emu = newDesk({ lang: 'en' });
    submitAudit(emu, PHONE, {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      rootCause: ['Process'],
      items: phoneExample(),
    });
    // Not on an audit row: refused, nothing written.
    emu.select('Tickets', 'A1');
    emu.run('menuCalibrateAudit', undefined, { interactive: true });
    expect(emu.ui.alerts.at(-1)?.prompt).toContain('Select a row of the Audits sheet');
    expect(calibrationRows(emu)).toHaveLength(0);

    const told = calibrate(emu, 2);
    expect(told).toContain('Calibration CAL-2026-00001 is open for audit QA-2026-00001');
    const invited = calibrationRows(emu);
    // The manager is the benchmark; the original auditor (Li Na) and the person audited are never asked.
    expect(invited.map((r) => [r.Calibrator, r.Role, r.State])).toEqual([
      ['Wang Min', 'Benchmark (manager)', 'Asked to score'],
      ['Sun Qiang', 'Calibrator', 'Asked to score'],
      ['Feng Li', 'Calibrator', 'Asked to score'],
      ['Gao Feng', 'Calibrator', 'Asked to score'],
    ]);
    const names = invited.map((r) => String(r.Calibrator));
    const emails = names.map((n) => `${n.toLowerCase().replace(' ', '.')}@example.com`);

    // The benchmark: the worked example with the greeting given (5 + 5 + 11.25 + 15 + 20 + 6 + 5 + 5 + 5 = 77.25 / 90 = 85.8 %).
    score(emu, emails[0], phoneExample({ 'Answering — Standard greeting used': 'Yes' }));
    // A stricter calibrator: greeting missed, attitude 3 (7.5 of 15), accuracy 16 → 64.5 / 90 = 71.7 %.
    score(
      emu,
      emails[1],
      phoneExample({
        'Service — Attitude: patient and polite': '3',
        'Service — Accurate answer or resolution': '16',
      }),
    );
    // Sealed: the Audits rows say so and show no score; no items written, nobody mailed a result.
    const sealed = rowsOf(emu, 'Audits').slice(1);
    expect(sealed.map((r) => [r.Kind, r.State, r['Final %'], r.Grade])).toEqual([
      ['Calibration', 'Sealed until the calibration closes', '', ''],
      ['Calibration', 'Sealed until the calibration closes', '', ''],
    ]);
    const calAudits = sealed.map((r) => String(r['Audit ID']));
    expect(rowsOf(emu, 'Audit items').filter((r) => calAudits.includes(String(r['Audit ID'])))).toHaveLength(
      0,
    );
    expect(calibrationRows(emu).map((r) => r.State)).toEqual([
      'Scored (sealed)',
      'Scored (sealed)',
      ...names.slice(2).map(() => 'Asked to score'),
    ]);
    expect(calibrationRows(emu).every((r) => r['Final %'] === '' && r['Alignment %'] === '')).toBe(true);
    expect(emu.mail.outbox.some((m) => m.subject.includes('results'))).toBe(false);

    // The rest score the worked example as it is (72.25 / 90 = 80.3 %); the last one in closes the session.
    for (const email of emails.slice(2)) score(emu, email, phoneExample());
    const closed = calibrationRows(emu);
    expect(closed.every((r) => r.State === 'Closed')).toBe(true);
    const finals = closed.map((r) => r['Final %']);
    expect(finals.slice(0, 2)).toEqual([85.8, 71.7]);
    expect(finals.slice(2).every((f) => f === 80.3)).toBe(true);
    // Alignment with the benchmark, weighted by item max (90 points scored):
    //  the strict one: greeting 0 vs 5 (0 %), attitude 7.5 vs 11.25 of 15 (75 %), accuracy 16 vs 20 of 25 (84 %), rest 100 %
    //  → (90 − 5 − 3.75 − 4) / 90 = 85.8 % (the item percents weighted by max); the others differ on the greeting only → 85 / 90 = 94.4 %.
    expect(closed.map((r) => r['Alignment %'])).toEqual(['', 85.8, ...names.slice(2).map(() => 94.4)]);
    // Strictness: final % minus the mean of everyone's (with 4 people: (85.8 + 71.7 + 80.3 + 80.3) / 4 = 79.5).
    expect(closed.map((r) => r['Strictness (points)'])).toEqual([6.3, -7.8, 0.8, 0.8]);
    // Per item: the spread of the greeting (0 to 5) and attitude (7.5 to 11.25).
    const items = rowsOf(emu, 'Calibration items');
    const greeting = items.find((r) => r.Item === 'Standard greeting used');
    expect(greeting).toMatchObject({
      Session: 'CAL-2026-00001',
      'Benchmark points': 5,
      'Lowest given': 0,
      'Highest given': 5,
      Spread: 5,
    });
    expect(greeting?.['Alignment %']).toBe(0);
    expect(items.find((r) => r.Item === 'Attitude: patient and polite')).toMatchObject({ Spread: 3.75 });
    // Revealed: the calibration audits have their scores, items and are final; the QA average ignores them.
    const revealed = rowsOf(emu, 'Audits').slice(1);
    expect(revealed.map((r) => [r.Kind, r.State])).toEqual(revealed.map(() => ['Calibration', 'Final']));
    expect(revealed.map((r) => r['Final %'])).toEqual(finals);
    expect(
      rowsOf(emu, 'Audit items').filter((r) => calAudits.includes(String(r['Audit ID']))),
    ).not.toHaveLength(0);
    const result = emu.mail.outbox.find((m) => m.subject === 'Calibration CAL-2026-00001: results');
    expect(result?.to).toEqual(expect.arrayContaining(emails));
    expect(result?.body).toContain('Mean alignment with the benchmark');
    // The audited person got one result mail: their normal audit's, none from the calibration.
    expect(emu.mail.outbox.filter((m) => m.to.includes('zhang.wei@example.com'))).toHaveLength(1);

    // In the weekly report: QA average from the normal audit only; the calibration figures and calibrators.
    emu.clock.advance(7 * 86_400_000);
    emu.run('menuReportLastWeek', undefined, { interactive: true });
    const report = emu.spreadsheet.sheet('Weekly 2026-W10').values();
    const figure = (name: string) => report.find((row) => row[0] === name)?.[1];
    expect(figure('Audits done')).toBe(1);
    expect(figure('Calibration sessions opened')).toBe(1);
    expect(Number(figure('Mean calibration alignment with the benchmark'))).toBeCloseTo(
      (85.8 + 94.4 * (names.length - 2)) / (names.length - 1) / 100,
      2,
    );
    expect(report.some((row) => row[0] === 'Sun Qiang' || row[0] === names[1])).toBe(true);
  });

  it('blind means blind: a second score, someone not asked, and the deadline closing a session with a missing score', () => {
    const emu = newDesk({ lang: 'en' });
    submitAudit(emu, PHONE, {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      rootCause: ['Process'],
      items: phoneExample(),
    });
    calibrate(emu, 2);
    const names = calibrationRows(emu).map((r) => String(r.Calibrator));
    const email = (n: string) => `${n.toLowerCase().replace(' ', '.')}@example.com`;
    score(emu, email(names[0]), phoneExample());
    score(emu, email(names[1]), phoneExample({ 'Answering — Answered within 3 rings': 'No' }));
    // Someone not asked fills in the session by hand: kept aside as a calibration audit, flagged.
    submitAudit(emu, PHONE, { staff: 'Zhang Wei', auditor: 'Liu Yang', items: phoneExample() });
    const formId = auditFormId(emu, PHONE);
    emu.submitForm(formId, {
      'Staff audited': 'Zhang Wei',
      Auditor: 'Zhao Jing',
      'Calibration session (filled in by the calibration link)': 'CAL-2026-00001',
      ...phoneExample(),
    });
    const aside = rowsOf(emu, 'Audits').at(-1);
    expect(aside).toMatchObject({ Kind: 'Calibration', State: 'Needs review' });
    expect(String(aside?.['Review note'])).toContain('was not asked to score calibration CAL-2026-00001');
    // A calibration never enters the person's run of low scores or the finalising walk: state stays open.
    expect(calibrationRows(emu).filter((r) => r.State === 'Scored (sealed)')).toHaveLength(2);
    // The deadline: 2 working days after Mon 10:00 → Wed 10:00; the hourly run after it closes the session.
    emu.advance(2 * 86_400_000 + 3_600_000);
    const closed = calibrationRows(emu);
    expect(closed.map((r) => r.State)).toEqual([
      'Closed',
      'Closed',
      ...names.slice(2).map(() => 'Did not score'),
    ]);
    expect(closed.slice(2).every((r) => String(r.Note).includes('Did not score by the deadline'))).toBe(true);
    // Answered within 3 rings (5 of 5) missed → 1 − 5/90 = 94.4 % aligned.
    expect(closed[1]['Alignment %']).toBe(94.4);
    expect(rowsOf(emu, 'Run log').some((r) => r.Job === 'Calibrations closed' && r.Result === 'OK')).toBe(
      true,
    );
  });

  it('speaks Chinese on a Chinese desk', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    const formId = auditFormId(emu, '电话服务');
    const firstChoices = Object.fromEntries(
      (emu.forms.get(formId)?.items ?? [])
        .filter((item) => item.required && item.choices.length > 0)
        .map((item) => [item.title, item.choices[0]]),
    );
    emu.submitForm(formId, { ...firstChoices, 被检人员: '张伟', 质检员: '李娜' });
    emu.select('质检评分', 'B2');
    emu.run('menuCalibrateAudit', undefined, { interactive: true });
    expect(String(emu.ui.alerts.at(-1)?.prompt)).toContain('已为质检 QA-2026-00001 发起校准 CAL-2026-00001');
    expect(rowsOf(emu, '质检校准')[0]).toMatchObject({
      校准人: '王敏',
      角色: '基准（经理）',
      状态: '待评分',
    });
    expect(emu.mail.outbox.some((m) => m.subject.startsWith('校准 CAL-2026-00001'))).toBe(true);
  });
});
