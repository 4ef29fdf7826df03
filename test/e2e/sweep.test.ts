/**
 * The escalation ladder end to end (SPEC §5, issue 5) on the real bundle with the simulated clock,
 * across Labour Day 2026 (Fri 05-01 … Tue 05-05 off) and the 调休 working Saturday 05-09.
 *
 * General complaint received Thu 2026-04-30 10:00 Shanghai; ack, transfer and feedback done at once,
 * so only Resolve (3 wd) runs: working days after Thursday are Wed 05-06, Thu 05-07, Fri 05-08 → due
 * Fri 05-08 10:00. 3 wd = 24 business hours; at risk at 75 % = 18 bh: Thu 7 h + Wed 8 h + Thu 3 h →
 * Thu 05-07 12:00. Breached after Fri 10:00 → level 2 (department head). Breached by more than 1 wd:
 * the next working day is the make-up Saturday 05-09 → level 3 after Sat 10:00 (CS manager and GM).
 * The hourly trigger fires on the hour (emulator default offset), so each change shows at the first
 * run strictly after the instant.
 */
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { editTicket, mailsTo, shanghai, ticket } from '../jobs/scheduler-fixtures';

const HEAD = 'sun.qiang@example.com'; // engineering (Repair / Plumbing) department head
const MANAGER = 'wang.min@example.com';
const GM = 'chen.jianguo@example.com';
const ESCALATION = /Escalation/;
const SUMMARY = /Escalation summary/;

function level(emu: ReturnType<typeof newDesk>, id: string) {
  const row = ticket(emu, id);
  return { level: row['Escalation level'], sla: row['SLA state'] };
}

describe('sweep: escalation ladder across Labour Day and the 调休 Saturday', () => {
  it('goes at risk, breaches, escalates to level 2 and 3 at the right hours, each level in one daily summary', () => {
    const emu = newDesk({ lang: 'en', start: shanghai('2026-04-30 10:00') });
    submitIntake(emu, complaint());
    const id = 'CMP-2026-00001';
    editTicket(emu, id, 'Status', 'Transferred');
    editTicket(emu, id, 'Ack at', shanghai('2026-04-30 10:05'));
    editTicket(emu, id, 'Feedback at', shanghai('2026-04-30 10:10'));
    expect((ticket(emu, id)['Resolve due'] as Date).toISOString()).toBe(
      shanghai('2026-05-08 10:00').toISOString(),
    );

    // Through the holiday nothing moves: the resolve clock stops on holidays and the weekend.
    emu.advanceTo(shanghai('2026-05-07 11:59'));
    expect(level(emu, id)).toEqual({ level: 0, sla: 'On track' });
    emu.advanceTo(shanghai('2026-05-07 12:30'));
    expect(level(emu, id)).toEqual({ level: 1, sla: 'At risk' });
    expect(emu.mail.outbox.filter((mail) => ESCALATION.test(mail.subject))).toHaveLength(0);

    emu.advanceTo(shanghai('2026-05-08 10:30'));
    expect(level(emu, id).level).toBe(1);
    emu.advanceTo(shanghai('2026-05-08 11:30'));
    expect(level(emu, id)).toEqual({ level: 2, sla: 'Breached' });
    // A General complaint's level is not mailed at once (⚙ SLA policy: daily summary)…
    expect(mailsTo(emu, HEAD, ESCALATION)).toBe(0);
    // … but in the head's summary at 16:00, with the level in words, how late, status and a link to the row.
    emu.advanceTo(shanghai('2026-05-08 16:30'));
    expect(mailsTo(emu, HEAD, ESCALATION)).toBe(1);
    expect(mailsTo(emu, HEAD, SUMMARY)).toBe(1);
    expect(mailsTo(emu, MANAGER, ESCALATION)).toBe(0);
    const summary = emu.mail.outbox.find((m) => m.to.includes(HEAD) && SUMMARY.test(m.subject));
    expect(summary?.subject).toBe('[Service Desk] Escalation summary 2026-05-08: 1 ticket(s)');
    expect(summary?.body).toMatch(
      new RegExp(
        `${id} \\| Breached: department head \\| Complaint · Repair / Plumbing \\| Water leaking .+ · Wang Fang \\| .+ · Engineering \\| Resolve due Fri 2026-05-08 10:00 \\| \\d+(\\.\\d)? bh \\| Transferred \\| Open ticket: .+#gid=\\d+&range=A2`,
      ),
    );

    emu.advanceTo(shanghai('2026-05-09 10:30'));
    expect(level(emu, id).level).toBe(2);
    emu.advanceTo(shanghai('2026-05-09 11:30'));
    expect(level(emu, id).level).toBe(3);
    expect(mailsTo(emu, MANAGER, ESCALATION)).toBe(0);
    emu.advanceTo(shanghai('2026-05-09 16:30')); // the make-up Saturday is a working day: its summary goes
    expect(mailsTo(emu, MANAGER, SUMMARY)).toBe(1);
    expect(mailsTo(emu, GM, SUMMARY)).toBe(1);

    // Days later: still exactly one mail per level, and History has one line per level change.
    emu.advanceTo(shanghai('2026-05-13 18:00'));
    expect(mailsTo(emu, HEAD, ESCALATION)).toBe(1);
    expect(mailsTo(emu, MANAGER, ESCALATION)).toBe(1);
    expect(mailsTo(emu, GM, ESCALATION)).toBe(1);
    const changes = rowsOf(emu, 'History').filter((row) => row.Field === 'Escalation level');
    expect(changes.map((row) => `${row['Old value']}→${row['New value']}`)).toEqual(['0→1', '1→2', '2→3']);

    const mail = emu.mail.outbox.find((m) => m.to.includes(MANAGER) && ESCALATION.test(m.subject));
    expect(mail?.body).toContain('Seriously late: CS manager and GM');
    expect(mail?.htmlBody).not.toContain('13812341234');
  });

  it('a breached Major complaint goes straight to level 3: head, CS manager and GM, once each', () => {
    const emu = newDesk({ lang: 'en', start: shanghai('2026-04-30 10:00') });
    submitIntake(
      emu,
      complaint({ severity: 'Major', description: '<script>alert(1)</script> ceiling fell' }),
    );
    const id = 'CMP-2026-00001';
    // Transfer is due in 3 bh (14:00) and nobody transfers it.
    emu.advanceTo(shanghai('2026-04-30 14:30'));
    expect(level(emu, id)).toEqual({ level: 1, sla: 'At risk' });
    emu.advanceTo(shanghai('2026-04-30 15:30'));
    expect(level(emu, id)).toEqual({ level: 3, sla: 'Breached' });
    emu.advanceTo(shanghai('2026-05-02 15:30'));
    expect(mailsTo(emu, HEAD, ESCALATION)).toBe(1);
    expect(mailsTo(emu, MANAGER, ESCALATION)).toBe(1);
    expect(mailsTo(emu, GM, ESCALATION)).toBe(1);
  });
});
