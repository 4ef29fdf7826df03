/**
 * Points at risk in the daily digest (SPEC §8.3, issue 16), end to end on dist/Code.js through the
 * hourly trigger: the digest a person receives during the month shows their month-to-date provisional
 * total and what can still change before the month ends, in the desk's language — and only their own.
 */
import type { Emulator } from '../../scripts/emulator';
import { phoneExample, submitAudit } from '../helpers/audits';
import { cellOf, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { submitMerit } from '../helpers/merits';

const HOUR = 3_600_000;

function editRow(emu: Emulator, sheet: string, header: string, row: number, value: string): void {
  emu.editCells(sheet, cellOf(emu, sheet, header, row), [[value]]);
}

function digestTo(emu: Emulator, email: string, subject: RegExp) {
  const mails = emu.mail.outbox.filter((mail) => subject.test(mail.subject) && mail.to.includes(email));
  expect(mails).toHaveLength(1);
  return mails[0];
}

describe('points at risk in the daily digest', () => {
  it('English: month-to-date total, the callback and the ticket still to do, the QA average under its line', () => {
    const emu = newDesk({ lang: 'en', start: new Date('2026-03-16T02:00:00Z') }); // Mon 16 March 10:00
    // He took both calls (Received by): the callbacks are his to make.
    submitIntake(emu, complaint({ receivedBy: 'Zhang Wei', phone: '13800000001', email: '' }));
    submitIntake(emu, complaint({ receivedBy: 'Zhang Wei', phone: '13800000002', email: '' }));
    for (const row of [2, 3]) editRow(emu, 'Tickets', 'Assignee', row, 'Zhang Wei');
    emu.clock.advance(HOUR);
    // Ticket 2 resolved: its callback is due within 14 days (30 March, this month); ticket 1 stays open.
    editRow(emu, 'Tickets', 'Status', 3, 'In progress');
    editRow(emu, 'Tickets', 'Resolution', 3, 'Fixed the pipe.');
    editRow(emu, 'Tickets', 'Status', 3, 'Resolved');
    submitAudit(emu, 'Phone service', {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      rootCause: ['Knowledge'],
      items: phoneExample({ 'Service — Accurate answer or resolution': '10' }),
    });
    submitMerit(emu, {
      staff: 'Zhang Wei',
      item: 'Left the post without approval (−B1)',
      recordedBy: 'Li Na',
    });
    const audit = rowsOf(emu, 'Audits')[0];
    expect(audit['Final %']).toBe(69.2);

    emu.advanceTo(new Date('2026-03-17T00:30:00Z')); // Tue 17 March 08:30: the 08:00 digest
    const mail = digestTo(emu, 'zhang.wei@example.com', /Daily digest 2026-03-17/);
    // 100, −5 for the QA average under 80, −2 for the demerit: nothing missed yet.
    const lines = [
      'Your points this month (provisional)',
      'Month to date: 93 points.',
      'Callbacks still to do this month: 1 → -1 if not done in time',
      'Tickets to resolve by their deadline this month: 1 → -2 if late',
      'QA average 69.2 → -5',
    ];
    for (const line of lines) expect(mail.body).toContain(line);
    expect(mail.htmlBody).toContain('Month to date: 93 points.');
    // Only their own: a colleague's digest names no points of his.
    const colleague = emu.mail.outbox.find(
      (m) => /Daily digest 2026-03-17/.test(m.subject) && m.to.includes('li.na@example.com'),
    );
    expect(colleague?.body ?? '').not.toContain('Month to date: 93');
    expect(colleague?.body ?? '').not.toContain('QA average 69.2');
    expect(colleague?.body ?? '').not.toContain('Callbacks still to do this month');
  });

  it('a callback is at risk for whoever should make it: the receiver (Li Na) is reminded and warned, not the engineer who fixed it; with callbackByReceiver = No, the engineer', () => {
    const emu = newDesk({ lang: 'en', start: new Date('2026-03-16T02:00:00Z') });
    submitIntake(emu, complaint({ receivedBy: 'Li Na', phone: '13800000003', email: '' }));
    editRow(emu, 'Tickets', 'Assignee', 2, 'Zhou Lei');
    emu.clock.advance(HOUR);
    editRow(emu, 'Tickets', 'Status', 2, 'In progress');
    editRow(emu, 'Tickets', 'Resolution', 2, 'Fixed the pipe.');
    editRow(emu, 'Tickets', 'Status', 2, 'Resolved');
    const [{ ID: id }] = rowsOf(emu, 'Tickets');
    const atRisk = 'Callbacks still to do this month: 1 → -1 if not done in time';
    emu.advanceTo(new Date('2026-03-17T00:30:00Z'));
    const liNa = digestTo(emu, 'li.na@example.com', /Daily digest 2026-03-17/);
    expect(liNa.body).toContain(String(id));
    expect(liNa.body).toContain(atRisk);
    const zhou = emu.mail.outbox.find(
      (m) => /Daily digest 2026-03-17/.test(m.subject) && m.to.includes('zhou.lei@example.com'),
    );
    expect(zhou?.body ?? '').not.toContain(atRisk);
    const index = rowsOf(emu, '⚙ General').findIndex((row) => row.Key === 'callbackByReceiver');
    emu.editCells('⚙ General', cellOf(emu, '⚙ General', 'Value', index + 2), [['No']]);
    emu.advanceTo(new Date('2026-03-18T00:30:00Z'));
    expect(digestTo(emu, 'zhou.lei@example.com', /Daily digest 2026-03-18/).body).toContain(atRisk);
    const liNaNext = emu.mail.outbox.find(
      (m) => /Daily digest 2026-03-18/.test(m.subject) && m.to.includes('li.na@example.com'),
    );
    expect(liNaNext?.body ?? '').not.toContain(atRisk);
  });

  it('Chinese: 本月考核分（暂定）with the month-to-date total and the ticket still to resolve', () => {
    const emu = newDesk({ lang: 'zh-CN', start: new Date('2026-03-16T02:00:00Z') });
    submitIntake(
      emu,
      complaint({
        receivedBy: '李娜',
        channel: '电话',
        type: '投诉',
        category: '维修 / 给排水',
        severity: '一般',
        customer: '王芳',
        address: '3栋1单元1201室',
        description: '天花板漏水',
        phone: '13800000001',
        email: '',
      }),
      'zh-CN',
    );
    editRow(emu, '工单登记', '处理人', 2, '张伟');
    submitMerit(emu, { staff: '张伟', item: '未经批准擅自离岗、脱岗 (−B1)', recordedBy: '李娜' }, 'zh-CN');
    expect(rowsOf(emu, '奖惩记录')).toHaveLength(1);

    emu.advanceTo(new Date('2026-03-17T00:30:00Z'));
    const mail = digestTo(emu, 'zhang.wei@example.com', /2026-03-17 每日摘要/);
    for (const line of ['本月考核分（暂定）', '本月至今：98分。', '本月还有1张工单须按时解决 → 超时将-2分'])
      expect(mail.body).toContain(line);
    expect(mail.body).not.toContain('Month to date');
  });
});
