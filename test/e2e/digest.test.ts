/**
 * The daily digest end to end (SPEC §6, issue 5): one email per person, grouping all of that person's
 * tickets; due callbacks with a pre-filled callback-form link; managers' Major complaints and the desk's
 * deadlines due today;
 * phones masked, text escaped; nobody with nothing to read gets an email.
 */
import { documentProperties, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { editTicket, shanghai } from '../jobs/scheduler-fixtures';

const MANAGER = 'wang.min@example.com';
const CS_HEAD = 'li.na@example.com'; // Li Na, the first receiver of the helper's complaints

describe('daily digest', () => {
  it('groups per person, lists callbacks with links, and gives managers the last day', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
    for (let i = 1; i <= 5; i++) {
      submitIntake(emu, complaint({ customer: `<b>Customer ${i}</b>`, phone: `1390000000${i}`, email: '' }));
    }
    submitIntake(
      emu,
      complaint({ customer: 'Major One', phone: '13900000019', email: '', severity: 'Major' }),
    );
    // Ticket 1 is resolved on the spot: its callback window opens at once (General complaint 0–14 d).
    editTicket(emu, 'CMP-2026-00001', 'Resolution', 'Replaced the seal.');
    editTicket(emu, 'CMP-2026-00001', 'Status', 'Resolved');
    const tickets = rowsOf(emu, 'Tickets');
    const byAssignee = new Map<string, string[]>();
    for (const row of tickets.slice(1, 5))
      byAssignee.set(String(row.Assignee), [...(byAssignee.get(String(row.Assignee)) ?? []), String(row.ID)]);

    expect(Math.max(...[...byAssignee.values()].map((ids) => ids.length))).toBeGreaterThanOrEqual(2);

    emu.advanceTo(shanghai('2026-03-03 08:30'));
    const digests = emu.mail.outbox.filter((mail) => mail.subject.includes('Daily digest 2026-03-03'));
    const recipients = digests.flatMap((mail) => mail.to);
    expect(new Set(recipients).size).toBe(recipients.length); // never two digests for one person

    // Every assignee gets one digest listing all of their open tickets (all breached their 3 bh transfer).
    const staff = rowsOf(emu, '⚙ Staff');
    for (const [assignee, ids] of byAssignee) {
      const email = String(staff.find((row) => row.Name === assignee)?.Email);
      const mine = digests.filter((mail) => mail.to.includes(email));
      expect(mine).toHaveLength(1);
      for (const id of ids) expect(mine[0].htmlBody).toContain(id);
      expect(mine[0].htmlBody).toContain('&lt;b&gt;Customer');
      expect(mine[0].htmlBody).not.toContain('<b>Customer');
      expect(mine[0].htmlBody).toMatch(/139\*\*\*\*000\d/);
      expect(mine[0].htmlBody).not.toMatch(/1390000000\d/);
    }

    // The first receiver gets the due callback, with a pre-filled link once the callback form exists.
    const callbacks = digests.find((mail) => mail.to.includes(CS_HEAD));
    expect(callbacks?.htmlBody).toContain('Callbacks due');
    expect(callbacks?.htmlBody).toContain('CMP-2026-00001');
    if (documentProperties(emu).has('form.callback')) {
      // The long pre-filled URL sits behind two words (issue 14 "Readability"); the text shows no URL.
      expect(callbacks?.htmlBody).toMatch(
        /<a href="[^"]*viewform\?[^"]*CMP-2026-00001[^"]*">Log callback<\/a>/,
      );
      expect(callbacks?.htmlBody).not.toMatch(/>[^<]*viewform/);
    } else expect(callbacks?.htmlBody).toContain('(callback form not set up)');
    // Every listed ticket links to its row in Tickets.
    expect(callbacks?.htmlBody).toMatch(/<a href="[^"]*#gid=\d+&amp;range=A\d+">Open ticket<\/a>/);

    // The CS manager: the Major complaint received. The breaches and escalations are the 16:00
    // summary's, not the digest's (test/e2e/mail-day.test.ts).
    const manager = digests.find((mail) => mail.to.includes(MANAGER));
    expect(manager?.htmlBody).toContain('Major complaints received since the last digest');
    expect(manager?.htmlBody).toContain('CMP-2026-00006');
    expect(manager?.htmlBody).not.toMatch(/breached|Escalation/);

    // Staff with nothing to read get nothing (e.g. the finance team).
    expect(recipients).not.toContain('guo.ting@example.com');
  });

  it('nothing to say → no email', () => {
    const emu = newDesk({ lang: 'en' });
    emu.advanceTo(shanghai('2026-03-03 08:30'));
    expect(emu.mail.outbox.filter((mail) => mail.subject.includes('Daily digest'))).toHaveLength(0);
    expect(
      rowsOf(emu, 'Run log').some((row) => row.Job === 'Daily digest 2026-03-03' && row.Result === 'OK'),
    ).toBe(true);
  });

  it('writes the digest in Chinese for a zh-CN desk', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    submitIntake(
      emu,
      {
        receivedBy: '李娜',
        channel: '电话',
        type: '投诉',
        category: '维修 / 水管',
        severity: '重大', // the managers' digest lists the Major complaints received
        customer: '王芳',
        phone: '13812341234',
        description: '天花板漏水',
      },
      'zh-CN',
    );
    emu.advanceTo(shanghai('2026-03-03 08:30'));
    const digest = emu.mail.outbox.find((mail) => mail.subject.includes('每日摘要'));
    expect(digest?.subject).toBe('【客服工作台】2026-03-03 每日摘要');
    expect(digest?.htmlBody).toContain('138****1234');
  });
});
