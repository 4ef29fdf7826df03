/** Acknowledging and appealing audits (SPEC §8.1) end to end: the appeal form, the reviewer's decision in the sheet. */
import type { Emulator } from '../../scripts/emulator';
import { appealFormId, phoneExample, submitAudit } from '../helpers/audits';
import { cellOf, newDesk, rowsOf } from '../helpers/desk';

function respond(
  emu: Emulator,
  auditId: string,
  staff: string,
  response: 'ack' | 'appeal',
  items = '',
  reason = '',
) {
  emu.submitForm(appealFormId(emu), {
    'Audit ID': auditId,
    'Your name': staff,
    'Your response': response === 'ack' ? 'I have read it and accept it' : 'I appeal',
    ...(items ? { 'Items you dispute (one per line, as in the result mail)': items } : {}),
    ...(reason ? { Why: reason } : {}),
  });
}

function audit(emu: Emulator, staff = 'Zhang Wei') {
  submitAudit(emu, 'Phone service', {
    staff,
    auditor: 'Li Na',
    rootCause: ['Process'],
    items: phoneExample(),
  });
}

/** Edits a cell of the Audit appeals row, as the reviewer does. */
function decide(emu: Emulator, row: number, header: string, value: string) {
  emu.editCells('Audit appeals', cellOf(emu, 'Audit appeals', header, row), [[value]], {
    user: 'wang.min@example.com',
  });
}

describe('audit appeals', () => {
  it('the result mail links to acknowledge and to appeal; acknowledging marks the audit', () => {
    const emu = newDesk({ lang: 'en' });
    audit(emu);
    const mail = emu.mail.outbox.find((m) => m.subject.includes('QA-2026-00001'));
    expect(mail?.htmlBody).toMatch(/<a href="[^"]+">I have read it<\/a>/);
    // Audited Mon 2026-03-02 10:00; 5 working days later: Mon 03-09 10:00.
    expect(mail?.htmlBody).toMatch(/<a href="[^"]+">Appeal \(until [^)]*2026-03-09 10:00\)<\/a>/);
    respond(emu, 'QA-2026-00001', 'Zhang Wei', 'ack');
    expect(rowsOf(emu, 'Audits')[0].State).toBe('Acknowledged');
    expect(
      rowsOf(emu, 'History').some(
        (r) => r['Record ID'] === 'QA-2026-00001' && r['New value'] === 'Acknowledged',
      ),
    ).toBe(true);
  });

  it('an appeal within 5 working days goes to the CS manager; partly accepted with a new score, the audit is revised and History keeps both', () => {
    const emu = newDesk({ lang: 'en' });
    audit(emu);
    emu.clock.advance(3 * 86_400_000);
    respond(
      emu,
      'QA-2026-00001',
      'Zhang Wei',
      'appeal',
      'Standard greeting used',
      'I did greet, the recording starts late.',
    );
    const [appeal] = rowsOf(emu, 'Audit appeals');
    expect(appeal).toMatchObject({
      'Audit ID': 'QA-2026-00001',
      Reviewer: 'Wang Min',
      Decision: 'To decide',
      'Final % before': 80.3,
    });
    expect(rowsOf(emu, 'Audits')[0].State).toBe('Appealed');
    expect(
      emu.mail.outbox.some(
        (m) => m.to.includes('wang.min@example.com') && m.subject.includes('appeal QA-2026-00001'),
      ),
    ).toBe(true);
    decide(emu, 2, 'New scores (Item: points)', 'Standard greeting used: 5');
    expect(rowsOf(emu, 'Audits')[0]['Final %']).toBe(80.3); // nothing happens before a decision
    decide(emu, 2, 'Decision', 'Partly accept');
    // (72.25 + 5) / 90 = 85.8 %
    expect(rowsOf(emu, 'Audits')[0]).toMatchObject({
      'Final %': 85.8,
      'Raw %': 85.8,
      Grade: 'B',
      State: 'Revised on appeal',
    });
    expect(rowsOf(emu, 'Audit appeals')[0]).toMatchObject({ 'Final % before': 80.3, 'Final % after': 85.8 });
    const history = rowsOf(emu, 'History').filter(
      (r) => r['Record ID'] === 'QA-2026-00001' && r.Field === 'Final %',
    );
    expect(history.map((r) => [r['Old value'], r['New value']])).toEqual([['80.3', '85.8']]);
    const told = emu.mail.outbox.find(
      (m) => m.to.includes('zhang.wei@example.com') && m.subject.includes('Your appeal'),
    );
    expect(told?.body).toContain('80.3 % → 85.8 %');
  });

  it('a rejected appeal makes the audit final; an appeal after 5 working days is too late', () => {
    const emu = newDesk({ lang: 'en' });
    audit(emu);
    audit(emu, 'Liu Yang');
    respond(emu, 'QA-2026-00001', 'Zhang Wei', 'appeal', 'Record complete and clear', 'It was complete.');
    decide(emu, 2, 'Decision', 'Reject');
    expect(rowsOf(emu, 'Audits')[0]).toMatchObject({ State: 'Final', 'Final %': 80.3 });
    emu.clock.advance(8 * 86_400_000); // Tue 03-10: past Mon 03-09 10:00
    respond(emu, 'QA-2026-00002', 'Liu Yang', 'appeal', 'Attitude', 'Too strict.');
    expect(rowsOf(emu, 'Audit appeals')[1]).toMatchObject({ Decision: 'Too late' });
    expect(rowsOf(emu, 'Audits')[1].State).toBe('Final');
    // Someone else's audit cannot be appealed.
    respond(emu, 'QA-2026-00002', 'Zhang Wei', 'appeal', 'x', 'y');
    expect(String(rowsOf(emu, 'Audit appeals')[2].Note)).toContain('is not Zhang Wei’s');
    // The weekly report of W10 counts the appeal made that week and its outcome.
    emu.run('menuReportLastWeek', undefined, { interactive: true });
    const report = emu.spreadsheet.sheet('Weekly 2026-W10').values();
    const figure = (name: string) => report.find((row) => row[0] === name)?.[1];
    expect([
      figure('Appeals made'),
      figure('Appeals rejected'),
      figure('Appeals accepted (fully or partly)'),
    ]).toEqual([1, 1, 0]);
  });

  it('the hourly run makes audits final once 5 working days pass without an appeal (an appeal and a flagged audit wait for a person)', () => {
    const emu = newDesk({ lang: 'en' });
    audit(emu); // QA-2026-00001: acknowledged
    audit(emu, 'Liu Yang'); // QA-2026-00002: appealed, pending
    audit(emu, 'Zhao Jing'); // QA-2026-00003: left alone
    submitAudit(emu, 'Phone service', { staff: 'Nobody Known', auditor: 'Li Na', items: phoneExample() });
    respond(emu, 'QA-2026-00001', 'Zhang Wei', 'ack');
    respond(emu, 'QA-2026-00002', 'Liu Yang', 'appeal', 'Attitude', 'Too strict.');
    const states = () => rowsOf(emu, 'Audits').map((r) => r.State);
    expect(states()).toEqual(['Acknowledged', 'Appealed', 'Scored', 'Needs review']);
    // Audited Mon 03-02 10:00: the window closes Mon 03-09 10:00 (5 working days). Hourly runs before it
    // leave every audit as it is; the first run after it makes the unappealed ones final.
    emu.clock.set(new Date('2026-03-09T00:30:00Z')); // 08:30 in Shanghai
    emu.advance(3_600_000); // the 09:xx run
    expect(states()).toEqual(['Acknowledged', 'Appealed', 'Scored', 'Needs review']);
    emu.advance(3_600_000); // the 10:xx run
    // Service calls take time: QA-2026-00003 was audited about a second after 10:00 (after the earlier
    // submissions' calls), so its window closes a second after 10:00 too, and the 11:xx run is its first after.
    expect(states()).toEqual(['Final', 'Appealed', 'Scored', 'Needs review']);
    emu.advance(3_600_000); // the 11:xx run
    expect(states()).toEqual(['Final', 'Appealed', 'Final', 'Needs review']);
    const made = rowsOf(emu, 'History').filter((r) => r['New value'] === 'Final');
    expect(made.map((r) => [r['Record ID'], r['Old value'], r.Source, r.Actor])).toEqual([
      ['QA-2026-00001', 'Acknowledged', 'Scheduler', 'Service Desk'],
      ['QA-2026-00003', 'Scored', 'Scheduler', 'Service Desk'],
    ]);
    expect(rowsOf(emu, 'Run log').some((r) => r.Job === 'Audits made final' && r.Result === 'OK')).toBe(true);
    // Walked once: the next runs find nothing new and write nothing.
    const history = rowsOf(emu, 'History').length;
    emu.advance(2 * 3_600_000);
    expect(rowsOf(emu, 'History').length).toBe(history);
    // A late appeal is told the audit is final.
    respond(emu, 'QA-2026-00003', 'Zhao Jing', 'appeal', 'Attitude', 'Late.');
    expect(String(rowsOf(emu, 'Audit appeals')[1].Note)).toMatch(/final|closed/i);
  });
});
