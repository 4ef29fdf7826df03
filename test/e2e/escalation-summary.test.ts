/**
 * Less noise (issue 14): escalation rules per type and severity in ⚙ SLA policy, and one escalation
 * summary a day instead of hourly alerts, on the real bundle with the simulated clock. Defaults: praise
 * never escalates, an inquiry stops at the department head, a Major complaint is mailed at once, every
 * other level waits for the 16:00 summary (⚙ General), one mail per recipient and day.
 */
import type { Emulator } from '../../scripts/emulator';
import { escalationLines } from '../../scripts/sim/mail-counts';
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { columnOf, fillTickets, shanghai } from '../jobs/scheduler-fixtures';

const SUMMARY = /Escalation summary/;
const ALERT = /^\[Service Desk\] Escalation:/;
const HEAD = 'sun.qiang@example.com'; // Engineering
const MANAGER = 'wang.min@example.com';
const GM = 'chen.jianguo@example.com';

function mails(emu: Emulator, subject: RegExp) {
  return emu.mail.outbox.filter((mail) => subject.test(mail.subject));
}

/** Sets one cell of a Tickets row through the host (as if it had been typed before the desk's run). */
function setCell(emu: Emulator, row: number, header: string, value: string): void {
  const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
  sheet?.getRange(row, columnOf(emu, 'Tickets', header)).setValue(value);
}

describe('escalation rules and the daily escalation summary', () => {
  it('alerts only for the Major complaint; one summary a day per recipient; praise and inquiries capped', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
    // Eight open tickets received up to weeks ago, every deadline long missed; one made praise whose
    // acknowledgement never happened, one an inquiry never answered.
    fillTickets(emu, 8, shanghai('2026-03-02 10:00'), 1);
    setCell(emu, 2, 'Type', 'Praise');
    setCell(emu, 2, 'Ack at', '');
    setCell(emu, 3, 'Type', 'Inquiry');
    submitIntake(emu, complaint({ severity: 'Major', customer: 'Major Customer', phone: '13900000009' }));
    const major = String(rowsOf(emu, 'Tickets').at(-1)?.ID);
    // A Major complaint is told on receipt to the department head, the CS manager and the GM.
    const received = mails(emu, new RegExp(`MAJOR Complaint ${major}`));
    expect(received.flatMap((mail) => mail.to).sort()).toEqual([GM, HEAD, MANAGER].sort());

    emu.advanceTo(shanghai('2026-03-02 15:30'));
    const tickets = rowsOf(emu, 'Tickets');
    expect(tickets[0]['Escalation level']).toBe(0); // praise never escalates
    expect(tickets[1]['Escalation level']).toBe(2); // an inquiry stops at the department head
    expect(tickets.slice(2, 8).every((row) => row['Escalation level'] === 3)).toBe(true);
    // No hourly alert for them; the Major complaint's breached transfer (due 13:00) went at once.
    const alerts = mails(emu, ALERT);
    expect(alerts.flatMap((mail) => mail.to).sort()).toEqual([GM, HEAD, MANAGER].sort());
    for (const mail of alerts) expect(escalationLines(mail.body).map((line) => line.ticket)).toEqual([major]);
    expect(mails(emu, SUMMARY)).toHaveLength(0);

    emu.advanceTo(shanghai('2026-03-02 16:30')); // the summary hour
    const summaries = mails(emu, SUMMARY);
    const recipients = summaries.flatMap((mail) => mail.to);
    expect(new Set(recipients).size).toBe(recipients.length); // one each
    expect(recipients).toEqual(expect.arrayContaining([MANAGER, GM, HEAD]));
    const rowOf = new Map(tickets.map((row, i) => [String(row.ID), i + 2]));
    for (const mail of summaries) {
      const lines = escalationLines(mail.body);
      expect(lines.length).toBeGreaterThan(0);
      const ids = lines.map((line) => line.ticket);
      expect(ids).not.toContain(major); // already mailed at once
      expect(ids).not.toContain(String(tickets[0].ID)); // praise
      if (mail.to.includes(GM)) expect(ids).not.toContain(String(tickets[1].ID)); // inquiry: not the GM
      if (mail.to.includes(GM)) expect(lines.every((line) => line.level === 3)).toBe(true);
      expect(mail.subject).toBe(`[Service Desk] Escalation summary 2026-03-02: ${ids.length} ticket(s)`);
      // Each line: level in words, the customer's issue, how late, status, and a link to the ticket's row.
      for (const line of mail.body.split('\n').filter((text) => /CMP-2026-\d{6} \|/.test(text))) {
        const id = /CMP-2026-\d{6}/.exec(line)?.[0] ?? '';
        expect(line).toMatch(/ \| (Breached: department head|Seriously late: CS manager and GM) \| /);
        expect(line).toMatch(
          / \| (Complaint|Inquiry) · [^|]+ \| Water leaking from the ceiling\. · Customer \d+ \| /,
        );
        expect(line).toMatch(/ \| \d+(\.\d)? bh \| In progress \| Open ticket: \S+#gid=\d+&range=A(\d+)$/);
        expect(Number(/range=A(\d+)$/.exec(line)?.[1])).toBe(rowOf.get(id));
      }
      expect(mail.htmlBody).toContain('>Open ticket</a>');
    }
    const inquiryHeads = summaries.filter((mail) =>
      escalationLines(mail.body).some((line) => line.ticket === String(tickets[1].ID)),
    );
    expect(inquiryHeads.flatMap((mail) => mail.to)).not.toContain(GM);

    // The next days: nothing new escalates, so no summary; nothing is told twice.
    emu.advanceTo(shanghai('2026-03-04 17:30'));
    expect(mails(emu, SUMMARY)).toHaveLength(summaries.length);
    expect(mails(emu, ALERT)).toHaveLength(alerts.length);
    const log = rowsOf(emu, 'Run log').filter((row) => String(row.Job).startsWith('Escalation summary'));
    expect(log.map((row) => row.Job)).toEqual([
      'Escalation summary 2026-03-02',
      'Escalation summary 2026-03-03',
      'Escalation summary 2026-03-04',
    ]);
  });

  it('the summary hour and the escalation mail are settings: "At once" for General complaints', () => {
    const emu = newDesk({ lang: 'en' });
    const general = emu.spreadsheet.sheet('⚙ General').values();
    const hourRow = general.findIndex((row) => row[0] === 'escalationSummaryHour') + 1;
    expect(hourRow).toBeGreaterThan(1);
    expect(String(general[hourRow - 1][2])).toBe('16');
    emu.editCells('⚙ General', `C${hourRow}`, [[12]]);
    const policy = emu.spreadsheet.sheet('⚙ SLA policy').values();
    const header = policy[0];
    expect(header).toEqual(expect.arrayContaining(['Escalate up to', 'Escalation mail']));
    const generalComplaint = policy.findIndex((row) => row[0] === 'Complaint' && row[1] === 'General') + 1;
    const praise = policy.find((row) => row[0] === 'Praise');
    expect(praise?.[header.indexOf('Escalate up to')]).toBe('Never escalate');
    const mailColumn = String.fromCharCode(65 + header.indexOf('Escalation mail'));
    emu.editCells('⚙ SLA policy', `${mailColumn}${generalComplaint}`, [['At once']]);
    fillTickets(emu, 2, shanghai('2026-03-02 10:00'), 1);

    emu.advanceTo(shanghai('2026-03-02 11:30'));
    expect(mails(emu, ALERT).length).toBeGreaterThan(0); // General complaints now go at once
    emu.advanceTo(shanghai('2026-03-02 12:30'));
    expect(mails(emu, SUMMARY)).toHaveLength(0); // the 12:00 summary had nothing left to tell
    expect(rowsOf(emu, 'Run log').some((row) => row.Job === 'Escalation summary 2026-03-02')).toBe(true);
  });

  it('an Urgent repair on a holiday night: told at once, deadlines around the clock, level 3 at the first miss', () => {
    // Sat 2026-10-03 23:40, in the National Day holiday: a burst pipe.
    const emu = newDesk({ lang: 'en', start: shanghai('2026-10-03 23:40') });
    submitIntake(
      emu,
      complaint({
        type: 'Repair',
        severity: 'Urgent',
        description: 'Pipe burst, water pouring into the lift shaft.',
      }),
    );
    const [row] = rowsOf(emu, 'Tickets');
    expect(row.Severity).toBe('Urgent');
    expect((row['Ack due'] as Date).toISOString()).toBe(shanghai('2026-10-03 23:55').toISOString());
    expect((row['Resolve due'] as Date).toISOString()).toBe(shanghai('2026-10-04 03:40').toISOString());
    const told = mails(emu, new RegExp(`URGENT Repair ${String(row.ID)}`));
    expect(told.flatMap((mail) => mail.to).sort()).toEqual([HEAD, MANAGER].sort());
    // Nobody acknowledges it: the 00:00 run finds the 23:55 deadline missed → CS manager and GM at once.
    emu.advanceTo(shanghai('2026-10-04 00:30'));
    expect(rowsOf(emu, 'Tickets')[0]['Escalation level']).toBe(3);
    const alerts = mails(emu, ALERT);
    expect(alerts.flatMap((mail) => mail.to).sort()).toEqual([GM, HEAD, MANAGER].sort());
    const toManager = alerts.find((mail) => mail.to.includes(MANAGER));
    expect(toManager?.body).toMatch(/Seriously late: CS manager and GM \| Repair · /);
    expect(toManager?.body).toMatch(/Ack due Sat 2026-10-03 23:55 \| /);
  });

  it('a day of many escalations: 50 lines, most serious first, then "+N more — open the sheet"', () => {
    const emu = newDesk({ lang: 'en' });
    fillTickets(emu, 80, shanghai('2026-03-02 10:00'), 1); // 80 open tickets, all late
    emu.advanceTo(shanghai('2026-03-02 16:30'));
    const summary = mails(emu, SUMMARY).find((mail) => mail.to.includes(MANAGER));
    const count = Number(/: (\d+) ticket\(s\)$/.exec(summary?.subject ?? '')?.[1]);
    expect(count).toBeGreaterThan(70);
    const lines = escalationLines(summary?.body ?? '');
    expect(lines).toHaveLength(50);
    expect(lines.every((line) => line.level === 3)).toBe(true);
    expect(summary?.body).toContain(`+${count - 50} more — open the sheet: `);
  });
});
