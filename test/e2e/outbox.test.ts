/**
 * Outbox and quotas (SPEC §2, §14, issue 5): with the day's mail quota used up, mail waits in the
 * Outbox; when Google's quota resets (midnight America/Los_Angeles = 16:00 Shanghai in March) the next
 * run sends it, oldest first, exactly once.
 */
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { escalateAtOnce, shanghai } from '../jobs/scheduler-fixtures';

describe('outbox', () => {
  it('holds mail while the quota is 0, sends it in order once the next day starts, never twice', () => {
    const emu = newDesk({ lang: 'en', mailQuota: 2 }); // Mon 2026-03-02 10:00 Shanghai
    escalateAtOnce(emu);
    submitIntake(emu, complaint({ customer: 'First', phone: '13910000001', email: '' }));
    submitIntake(emu, complaint({ customer: 'Second', phone: '13910000002', email: '' }));
    expect(emu.mail.remaining()).toBe(0);
    submitIntake(emu, complaint({ customer: 'Third', phone: '13910000003', email: '' })); // its assignment mail cannot go today
    emu.advanceTo(shanghai('2026-03-02 15:30')); // transfers breached at 14:00 → one escalation mail queued
    const waiting = rowsOf(emu, 'Outbox').filter((row) => row['Sent at'] === '');
    expect(waiting.map((row) => row.Reason)).toEqual(['assignment', 'escalation']);
    expect(emu.mail.outbox).toHaveLength(2);

    emu.advanceTo(shanghai('2026-03-02 16:30')); // quota reset at 16:00
    const subjects = emu.mail.outbox.map((mail) => mail.subject);
    expect(subjects).toHaveLength(4);
    expect(subjects[2]).toMatch(/CMP-2026-00003 assigned/);
    expect(subjects[3]).toMatch(/Escalation/);
    expect(rowsOf(emu, 'Outbox').filter((row) => row['Sent at'] === '')).toHaveLength(0);

    // Later runs do not send them again.
    emu.advanceTo(shanghai('2026-03-02 19:30'));
    expect(emu.mail.outbox.filter((mail) => /CMP-2026-00003 assigned/.test(mail.subject))).toHaveLength(1);
    expect(emu.mail.outbox.filter((mail) => /Escalation/.test(mail.subject))).toHaveLength(1);
  });

  it('new mail queues behind waiting mail instead of overtaking it', () => {
    const emu = newDesk({ lang: 'en', mailQuota: 1 });
    submitIntake(emu, complaint({ customer: 'First', phone: '13910000001', email: '' })); // uses the only recipient of the day
    submitIntake(emu, complaint({ customer: 'Second', phone: '13910000002', email: '' })); // queued
    emu.advanceTo(shanghai('2026-03-02 16:30')); // quota 1 again: the queued assignment goes, not a newer mail
    const after = emu.mail.outbox.map((mail) => mail.subject);
    expect(after[1]).toMatch(/CMP-2026-00002 assigned/);
    // Everything queued eventually goes out, each once.
    emu.advanceTo(shanghai('2026-03-03 17:30'));
    const outbox = rowsOf(emu, 'Outbox');
    const sent = outbox.filter((row) => row['Sent at'] !== '');
    const subjects = emu.mail.outbox.map((mail) => `${mail.to.join(',')} ${mail.subject}`);
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(sent.length).toBeGreaterThan(1);
  });
});
