/**
 * My queue's audit sample and due inspections (issue 19): a supervisor sees the tickets sampled for
 * them to audit with a pre-filled audit link (a click opens the ticket); an inspector sees today's
 * inspections and their re-inspections with pre-filled links; done work leaves the queue.
 */
import { phoneExample, prefilledAnswers, submitAudit } from '../helpers/audits';
import { newDesk } from '../helpers/desk';
import { resolvedInquiries } from '../helpers/fixtures';
import { inspectionFormId, submitInspection } from '../helpers/inspections';
import { PanelDriver, staffEmail } from '../helpers/panel';

/** 08:00 in Shanghai on a day of March 2026. */
const at = (day: number, hour = 8) => new Date(Date.UTC(2026, 2, day, hour - 8, 0));

describe('My queue: audit sample and inspections', () => {
  it('a supervisor sees their audit sample with pre-filled links; an audited ticket leaves the queue', () => {
    const emu = newDesk({ lang: 'en', start: at(9, 7) });
    resolvedInquiries(emu, ['INQ-2026-00001', 'INQ-2026-00002'], 'Zhang Wei');
    emu.run('menuAuditSample', undefined, { interactive: true });
    const panel = new PanelDriver(emu, staffEmail(emu, 'Li Na'));
    const { queue } = panel.open();
    expect(queue.audits.map((task) => task.ticketId).sort()).toEqual(['INQ-2026-00001', 'INQ-2026-00002']);
    const [first] = queue.audits;
    expect(first).toMatchObject({ kind: 'audit', overdue: false, linkText: 'Audit it' });
    expect(first.detail).toContain('Zhang Wei · Phone service');
    expect(first.due).toMatch(/2026-03-16/);
    // The link is the Phone service form with staff and ticket filled in.
    const audit = emu.properties.document.get(emu.spreadsheet.id)?.get('form.audit.Phone service') ?? '{}';
    const filled = prefilledAnswers(emu, (JSON.parse(audit) as { id: string }).id, first.link);
    expect(filled).toMatchObject({ 'Staff audited': 'Zhang Wei', 'Ticket ID (optional)': first.ticketId });
    // The ticket's ID opens it, as a queue click does.
    expect(panel.ticket(first.ticketId).ticket?.id).toBe(first.ticketId);
    // Once audited (the next sample run marks it), it is no longer waiting.
    submitAudit(emu, 'Phone service', {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      ticketId: first.ticketId,
      rootCause: ['Process'],
      items: phoneExample(),
    });
    emu.run('menuAuditSample', undefined, { interactive: true });
    expect(panel.open().queue.audits.map((task) => task.ticketId)).toEqual(
      queue.audits.map((task) => task.ticketId).filter((id) => id !== first.ticketId),
    );
    // Someone with no sample sees it said plainly (the strings are in the boot).
    const other = new PanelDriver(emu, staffEmail(emu, 'Zhang Wei')).open();
    expect(other.queue.audits).toEqual([]);
    expect(other.strings['panel.queue.noAudits']).toBe('No sampled ticket is waiting for your audit.');
  });

  it('an inspector sees today’s inspections and a re-inspection due, with links; done ones leave', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00: the register starts with Tuesday's slots
    const panel = new PanelDriver(emu, staffEmail(emu, 'Zhang Wei'));
    expect(panel.open().queue.inspections).toEqual([]);
    emu.clock.set(at(3, 9)); // Tue 09:00
    const due = panel.open().queue.inspections;
    expect(due.map((task) => [task.kind, task.title, task.detail])).toEqual([
      ['inspection', 'Building 1 common areas — Daily area check', '2026-03-03'],
    ]);
    expect(due[0].link).toContain(`/forms/d/e/`);
    const filled = prefilledAnswers(emu, inspectionFormId(emu, 'Daily area check'), due[0].link);
    expect(filled).toMatchObject({ Area: 'Building 1 common areas', Inspector: 'Zhang Wei' });
    // Inspected with a failed item: today's slot is done, and the re-inspection is now due.
    submitInspection(emu, 'Daily area check', {
      area: 'Building 1 common areas',
      inspector: 'Zhang Wei',
      fail: { 'Lobby — Hygiene': 'Litter behind the sofa' },
    });
    const after = panel.open().queue.inspections;
    expect(after.map((task) => task.kind)).toEqual(['recheck']);
    expect(after[0].detail).toBe('Re-inspection of IN-2026-00001: 1 item(s) to check again');
  });

  it('speaks Chinese on a Chinese desk', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    emu.clock.set(at(3, 9));
    const boot = new PanelDriver(emu, staffEmail(emu, '张伟')).open();
    expect(boot.queue.inspections[0]).toMatchObject({
      title: '1号楼公共区域 — 每日区域巡查',
      linkText: '去检查',
    });
    expect(boot.strings['panel.queue.audits']).toBe('我的质检样本');
  });
});
