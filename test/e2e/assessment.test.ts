/**
 * The monthly staff assessment (月度考核, SPEC §8.3) end to end on dist/Code.js: a month of events, the
 * hourly run at the month boundary, the Assessment and Assessment details sheets, each person's own mail,
 * provisional then final, a correction inside the window and one after it.
 */
import type { Emulator } from '../../scripts/emulator';
import { phoneExample, submitAudit } from '../helpers/audits';
import { cellOf, formId, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { submitMerit } from '../helpers/merits';

const HOUR = 3_600_000;
const RESULT_OK = 'OK';

function edit(emu: Emulator, header: string, value: string, row: number): void {
  emu.editCells('Tickets', cellOf(emu, 'Tickets', header, row), [[value]]);
}

function resolve(emu: Emulator, row: number): void {
  edit(emu, 'Status', 'In progress', row);
  edit(emu, 'Resolution', 'Done.', row);
  edit(emu, 'Status', 'Resolved', row);
}

function callback(emu: Emulator, ticketId: string, satisfaction: string): void {
  emu.submitForm(formId(emu, 'form.callback'), {
    'Ticket ID': ticketId,
    'Called back by': 'Li Na',
    Method: 'Phone',
    'Customer reached': 'Yes',
    Satisfaction: satisfaction,
    'Issue resolved': 'Yes',
    'Customer confirmation': 'Verbal',
  });
}

/**
 * March 2026 for Zhang Wei (README worked example): ticket A never resolved (resolve deadline breached),
 * ticket B resolved but never called back (callback missed), C and D called back at 5 and 2 (50 %
 * satisfied), one audit at 69.2 %, a praise ticket naming him (+5) and a demerit for leaving his post (−2).
 */
function marchDesk(): { emu: Emulator; ids: string[] } {
  // From Monday 16 March: ticket B's 14-day callback window closes on 30 March, inside the month.
  const emu = newDesk({ lang: 'en', start: new Date('2026-03-16T02:00:00Z') });
  // He took the four calls himself (Received by), so their callbacks are his to make too.
  for (let n = 0; n < 4; n++)
    submitIntake(
      emu,
      complaint({ receivedBy: 'Zhang Wei', phone: `1380000000${n}`, email: `c${n}@example.com` }),
    );
  for (let row = 2; row <= 5; row++) edit(emu, 'Assignee', 'Zhang Wei', row);
  emu.clock.advance(HOUR);
  for (const row of [3, 4, 5]) resolve(emu, row);
  const ids = rowsOf(emu, 'Tickets').map((row) => String(row.ID));
  emu.clock.advance(HOUR);
  callback(emu, ids[2], '5 Very satisfied');
  callback(emu, ids[3], '2 Dissatisfied');
  submitAudit(emu, 'Phone service', {
    staff: 'Zhang Wei',
    auditor: 'Li Na',
    rootCause: ['Knowledge'],
    items: phoneExample({ 'Service — Accurate answer or resolution': '10' }),
  });
  submitIntake(
    emu,
    complaint({
      type: 'Praise',
      personComplained: 'Zhang Wei',
      phone: '13900000009',
      email: 'p@example.com',
    }),
  );
  submitMerit(emu, { staff: 'Zhang Wei', item: 'Left the post without approval (−B1)', recordedBy: 'Li Na' });
  return { emu, ids };
}

function assessmentOf(emu: Emulator, staff: string, month = '2026-03') {
  return rowsOf(emu, 'Assessment').find((row) => row.Staff === staff && row.Month === month);
}

describe('the monthly assessment', () => {
  // One desk through the month boundary, the provisional window and after it (the steps build on each other).
  const { emu, ids } = marchDesk();

  it('the hourly run after the month ends computes the month: base 100, each rule, merits, QA, total, grade, rank, flags', () => {
    emu.advanceTo(new Date('2026-04-01T01:30:00Z')); // Wed 1 April 09:30 in Shanghai
    const row = assessmentOf(emu, 'Zhang Wei');
    expect(row).toMatchObject({
      Department: 'Customer Service',
      Base: 100,
      'Resolved late': 1,
      'Points: resolved late': -2,
      'Callbacks missed or invalid': 1,
      'Points: callbacks': -1,
      'Satisfaction %': 50,
      'Points: satisfaction': -5,
      'QA average %': 69.2,
      'Points: QA': -5,
      Merits: 5,
      Demerits: 2,
      Total: 90,
      Grade: 'B',
      'Rank in department': 4,
      State: 'Provisional',
      Revision: 1,
    });
    expect(String(row?.Flags)).toBe('QA average below 80: warning; Last place in the department');
    // Everyone else of Customer Service had nothing against them: 100, rank 1.
    for (const name of ['Li Na', 'Liu Yang', 'Zhao Jing'])
      expect(assessmentOf(emu, name)).toMatchObject({ Total: 100, 'Rank in department': 1, Flags: '' });
    // The monthly report shows the assessment; the weekly report of 16–22 March lists the week's entries.
    const sheetText = (pattern: RegExp) => {
      const name = emu.spreadsheet.sheetNames().find((n) => pattern.test(n));
      return name ? emu.spreadsheet.sheet(name).values().flat().map(String) : [];
    };
    const monthly = sheetText(/2026-03$/);
    expect(monthly).toEqual(
      expect.arrayContaining(['Monthly staff assessment', 'Monthly assessment: figures', 'Zhang Wei']),
    );
    expect(monthly).toEqual(expect.arrayContaining(['Merits and demerits by person', 'MR-2026-00002']));
    const weekly = sheetText(/2026-W12$/);
    expect(weekly).toEqual(
      expect.arrayContaining(['Merit and demerit entries', 'MR-2026-00001', 'MR-2026-00002']),
    );
    expect(weekly).not.toContain('Monthly staff assessment');
    const runLog = rowsOf(emu, 'Run log').filter((r) => String(r.Job).startsWith('Monthly assessment'));
    expect(runLog.map((r) => [r.Job, r.Result])).toEqual([['Monthly assessment 2026-03', RESULT_OK]]);
  });

  it("a person's total is recomputed from Assessment details alone, and each point names the IDs behind it", () => {
    const details = rowsOf(emu, 'Assessment details').filter(
      (row) => row.Staff === 'Zhang Wei' && row.Month === '2026-03' && row.Revision === 1,
    );
    const total = details.reduce((sum, row) => sum + Number(row.Points), 0);
    expect(total).toBe(assessmentOf(emu, 'Zhang Wei')?.Total);
    const byRule = Object.fromEntries(details.map((row) => [row.Rule, [row.Points, row['IDs behind it']]]));
    expect(byRule).toEqual({
      Base: [100, ''],
      'Ticket resolved late': [-2, ids[0]],
      'Callback missed or invalid': [-1, ids[1]],
      'Callback satisfaction below 90 %': [-5, `${ids[3]} #1`],
      'QA average below 80': [-5, 'QA-2026-00001'],
      // The praise entry was numbered at intake and appended by the next hourly run, after the form's.
      'Merits and demerits': [3, 'MR-2026-00002, MR-2026-00001'],
    });
  });

  it('each person is mailed their own breakdown (nobody else’s); the managers get the ranking', () => {
    const own = emu.mail.outbox.filter(
      (m) => m.subject === 'Your assessment for 2026-03 (provisional): 90 points',
    );
    expect(own).toHaveLength(1);
    expect(own[0].to).toEqual(['zhang.wei@example.com']);
    expect(own[0].htmlBody).toContain(ids[0]);
    expect(own[0].htmlBody).not.toContain('Liu Yang');
    const ranking = emu.mail.outbox.find((m) => m.subject.startsWith('Staff assessment 2026-03'));
    expect(ranking?.to).toEqual(expect.arrayContaining(['wang.min@example.com']));
    expect(ranking?.htmlBody).toContain('Liu Yang');
  });

  it('inside the window he appeals from his mail; a manager upholds it: a reversing entry in March, revision 2, mailed to him only', () => {
    const mail = emu.mail.outbox.find(
      (m) => m.subject === 'Your assessment for 2026-03 (provisional): 90 points',
    );
    const link =
      /href="([^"]+)">Disagree with a point\? Appeal it before/.exec(mail?.htmlBody ?? '')?.[1] ?? '';
    expect(link).toMatch(/viewform\?usp=pp_url&amp;entry\.\d+=Zhang%20Wei&amp;entry\.\d+=2026-03$/);
    emu.submitForm(formId(emu, 'form.assessmentAppeal'), {
      'Your name': 'Zhang Wei',
      'Month (YYYY-MM)': '2026-03',
      'The point you dispute (rule, ticket or entry ID)': 'MR-2026-00002 (left the post)',
      Why: 'I was on approved leave that afternoon.',
    });
    const [appeal] = rowsOf(emu, 'Assessment appeals');
    expect(appeal).toMatchObject({
      Staff: 'Zhang Wei',
      Month: '2026-03',
      Decision: 'To decide',
      'Appeal by': new Date('2026-04-09T01:00:00Z'),
    });
    // Only a CS manager or the GM decides: anyone else's decision is taken back with a note.
    emu.editCells('Assessment appeals', cellOf(emu, 'Assessment appeals', 'Decision', 2), [['Accept']], {
      user: 'li.na@example.com',
    });
    expect(rowsOf(emu, 'Assessment appeals')[0]).toMatchObject({ Decision: 'To decide' });
    expect(String(rowsOf(emu, 'Assessment appeals')[0].Note)).toContain('Only a CS manager or the GM');
    const mailsBefore = emu.mail.outbox.length;
    emu.editCells('Assessment appeals', cellOf(emu, 'Assessment appeals', 'Decision', 2), [['Accept']], {
      user: 'wang.min@example.com',
    });
    const decided = rowsOf(emu, 'Assessment appeals')[0];
    expect(decided).toMatchObject({
      Decision: 'Accept',
      'Decided by': 'Wang Min',
      'Ledger entry': 'MR-2026-00003',
    });
    const reversal = rowsOf(emu, 'Merits').find((row) => row['Entry ID'] === 'MR-2026-00003');
    expect(reversal).toMatchObject({
      Month: '2026-03',
      Points: 2,
      'Reverses entry': 'MR-2026-00002',
      'Recorded by rule': 'Upheld appeal',
    });
    emu.advance(HOUR);
    expect(assessmentOf(emu, 'Zhang Wei')).toMatchObject({ Total: 92, Revision: 2, Merits: 5, Demerits: 0 });
    const details = rowsOf(emu, 'Assessment details').filter(
      (row) => row.Staff === 'Zhang Wei' && row.Revision === 2,
    );
    expect(details.reduce((sum, row) => sum + Number(row.Points), 0)).toBe(92);
    const newMails = emu.mail.outbox.slice(mailsBefore);
    expect(newMails.map((m) => m.to)).toEqual([
      ['zhang.wei@example.com'],
      expect.arrayContaining(['wang.min@example.com']),
    ]);
  });

  it('after 5 working days (Qingming 4–6 April is no working day) the month is Final and frozen: the menu changes nothing, a later entry counts in its own month', () => {
    emu.advanceTo(new Date('2026-04-08T10:00:00Z')); // Wed 8 April 18:00: the 4th working day
    expect(assessmentOf(emu, 'Zhang Wei')?.State).toBe('Provisional');
    expect(assessmentOf(emu, 'Zhang Wei')?.['Final on']).toEqual(new Date('2026-04-09T01:00:00Z'));
    emu.advanceTo(new Date('2026-04-09T02:00:00Z')); // Thu 9 April 10:00
    const march = rowsOf(emu, 'Assessment').filter((row) => row.Month === '2026-03');
    expect(new Set(march.map((row) => row.State))).toEqual(new Set(['Final']));
    const before = JSON.stringify(rowsOf(emu, 'Assessment'));
    emu.clock.advance(HOUR);
    submitMerit(emu, { staff: 'Zhang Wei', reverses: 'MR-2026-00001', note: 'late', recordedBy: 'Wang Min' });
    expect(rowsOf(emu, 'Merits').at(-1)).toMatchObject({
      Month: '2026-04',
      Points: -5,
      'Reverses entry': 'MR-2026-00001',
    });
    emu.run('menuAssessLastMonth', undefined, { interactive: true });
    expect(JSON.stringify(rowsOf(emu, 'Assessment'))).toBe(before);
    // An appeal after the window is stored, Too late.
    emu.submitForm(formId(emu, 'form.assessmentAppeal'), {
      'Your name': 'Zhang Wei',
      'Month (YYYY-MM)': '2026-03',
      'The point you dispute (rule, ticket or entry ID)': 'Callback missed or invalid',
      Why: 'The customer never answered.',
    });
    expect(rowsOf(emu, 'Assessment appeals')[1]).toMatchObject({ Decision: 'Too late' });
  });
});

describe('whose a missed callback is, and the lowest total', () => {
  // Liu Yang (front desk) takes two calls that Zhou Lei (Engineering) handles: one resolved and never
  // called back before its window closed on 30 March, one never resolved.
  const emu = newDesk({ lang: 'en', start: new Date('2026-03-16T02:00:00Z') });
  for (let n = 0; n < 2; n++)
    submitIntake(
      emu,
      complaint({ receivedBy: 'Liu Yang', phone: `1370000000${n}`, email: `e${n}@example.com` }),
    );
  for (const row of [2, 3]) edit(emu, 'Assignee', 'Zhou Lei', row);
  emu.clock.advance(HOUR);
  resolve(emu, 2);
  const [calledBack, neverResolved] = rowsOf(emu, 'Tickets').map((row) => String(row.ID));
  const setting = (key: string, value: string | number) => {
    const index = rowsOf(emu, '⚙ General').findIndex((row) => row.Key === key);
    emu.editCells('⚙ General', cellOf(emu, '⚙ General', 'Value', index + 2), [[value]]);
  };
  const details = (staff: string, revision: number) =>
    rowsOf(emu, 'Assessment details').filter(
      (row) => row.Staff === staff && row.Month === '2026-03' && row.Revision === revision,
    );

  it('the callback was the receiver’s to make: Liu Yang −1, Zhou Lei only his late ticket (−2); ⚙ General callbackByReceiver = No gives it to the assignee', () => {
    emu.advanceTo(new Date('2026-04-01T01:30:00Z'));
    expect(assessmentOf(emu, 'Liu Yang')).toMatchObject({
      'Callbacks missed or invalid': 1,
      'Points: callbacks': -1,
      Total: 99,
    });
    expect(assessmentOf(emu, 'Zhou Lei')).toMatchObject({
      'Callbacks missed or invalid': 0,
      'Resolved late': 1,
      'Points: resolved late': -2,
      Total: 98,
    });
    expect(details('Liu Yang', 1).find((row) => row.Rule === 'Callback missed or invalid')).toMatchObject({
      Points: -1,
      'IDs behind it': calledBack,
    });
    setting('callbackByReceiver', 'No');
    emu.run('menuAssessLastMonth', undefined, { interactive: true });
    expect(assessmentOf(emu, 'Liu Yang')).toMatchObject({ 'Callbacks missed or invalid': 0, Total: 100 });
    expect(assessmentOf(emu, 'Zhou Lei')).toMatchObject({
      'Callbacks missed or invalid': 1,
      'Points: callbacks': -1,
      Total: 97,
      Revision: 2,
    });
  });

  it('deductions stop at ⚙ General’s lowest total, 20: a late ticket made −150 gives Zhou Lei 20, with a “Lowest total” line of +71 that keeps the details summing to it', () => {
    const rules = rowsOf(emu, '⚙ Assessment rules');
    const late = rules.findIndex((row) => row.Rule === 'Ticket resolved late');
    emu.editCells('⚙ Assessment rules', cellOf(emu, '⚙ Assessment rules', 'Points', late + 2), [[-150]]);
    emu.run('menuAssessLastMonth', undefined, { interactive: true });
    const row = assessmentOf(emu, 'Zhou Lei');
    expect(row).toMatchObject({
      'Points: resolved late': -150,
      'Points: callbacks': -1,
      Total: 20,
      Grade: 'D',
    });
    expect(String(row?.Flags)).toContain('Raised to the lowest total 20 (the points came to -51)');
    const lines = details('Zhou Lei', 3);
    expect(lines.map((line) => [line.Rule, line.Points, line['IDs behind it']])).toEqual([
      ['Base', 100, ''],
      ['Ticket resolved late', -150, neverResolved],
      ['Callback missed or invalid', -1, calledBack],
      ['Callback satisfaction below 90 %', 0, ''],
      ['QA average below 80', 0, ''],
      ['Merits and demerits', 0, ''],
      ['Lowest total', 71, ''],
    ]);
    expect(lines.reduce((sum, line) => sum + Number(line.Points), 0)).toBe(20);
    // His mail says the same.
    const mail = emu.mail.outbox.find(
      (m) => m.subject === 'Your assessment for 2026-03 (provisional): 20 points',
    );
    expect(mail?.to).toEqual(['zhou.lei@example.com']);
    expect(mail?.htmlBody).toContain('Lowest total');
  });
});

describe('a Chinese desk', () => {
  it('computes 月度考核 and 考核明细 in Chinese and mails the person their own breakdown', () => {
    const emu = newDesk({ lang: 'zh-CN', start: new Date('2026-03-30T02:00:00Z') });
    submitMerit(
      emu,
      { staff: '张伟', item: '拾金不昧 (+B1)', recordedBy: '李娜', note: '归还业主钱包' },
      'zh-CN',
    );
    emu.advanceTo(new Date('2026-04-01T01:30:00Z'));
    const row = rowsOf(emu, '月度考核').find((r) => r.员工 === '张伟');
    expect(row).toMatchObject({
      月份: '2026-03',
      基础分: 100,
      奖分: 2,
      罚分: 0,
      总分: 102,
      等级: 'A',
      部门排名: 1,
      状态: '暂定',
    });
    const details = rowsOf(emu, '考核明细').filter((r) => r.员工 === '张伟');
    expect(details.reduce((sum, r) => sum + Number(r.分数), 0)).toBe(102);
    expect(details.map((r) => r.规则)).toContain('基础分');
    const mail = emu.mail.outbox.find((m) => m.subject === '您2026-03的考核结果（暂定）：102分');
    expect(mail?.to).toEqual(['zhang.wei@example.com']);
    expect(mail?.htmlBody).toContain('每一分的来源');
  });
});
