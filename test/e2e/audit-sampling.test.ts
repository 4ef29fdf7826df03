/**
 * The weekly audit sample (SPEC §8.1) end to end: drawn by the hourly scheduler with the weekly report,
 * recorded in Audit samples, shown to supervisors in the daily digest with pre-filled audit links, and
 * marked audited or overdue.
 */
import type { Emulator } from '../../scripts/emulator';
import { phoneExample, submitAudit } from '../helpers/audits';
import { newDesk, rowsOf } from '../helpers/desk';

/** 08:00 in Shanghai on a day of March 2026. */
const at = (day: number, hour = 8) => new Date(Date.UTC(2026, 2, day, hour - 8, 0));

interface Resolved {
  id: string;
  assignee: string;
  type?: string;
  channel?: string;
  reopen?: number;
  satisfaction?: number;
  day?: number;
}

/** Tickets resolved in the week 2026-W10 (Mon 03-02 … Sun 03-08), written through the uncounted host. */
function resolvedTickets(emu: Emulator, tickets: Resolved[]): void {
  const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
  if (!sheet) throw new Error('no Tickets');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const rows = tickets.map((t) => {
    const resolved = at(t.day ?? 4, 15);
    const values: Record<string, unknown> = {
      ID: t.id,
      'Received at': new Date(resolved.getTime() - 86_400_000),
      Channel: t.channel ?? 'Phone',
      Type: t.type ?? 'Inquiry',
      Category: 'Service attitude',
      Severity: 'General',
      Customer: 'C',
      Assignee: t.assignee,
      Department: 'Customer Service',
      Status: 'Closed',
      'Resolved at': resolved,
      'First resolved at': resolved,
      'Reopen count': t.reopen ?? 0,
      Satisfaction: t.satisfaction ?? '',
      'Created at': resolved,
    };
    return header.map((h) => (h in values ? values[h] : ''));
  });
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows as never);
}

/** The hourly trigger's run at `date` (the clock jumps there; the scheduler catches up what is due once). */
function schedulerAt(emu: Emulator, date: Date): void {
  emu.clock.set(date);
  emu.run('runScheduler');
}

/** Set up on Monday 2026-03-09 at 07:00, before the week's first scheduler run. */
function desk(): Emulator {
  const emu = newDesk({ lang: 'en', start: at(9, 7) });
  const tickets: Resolved[] = [];
  for (let i = 1; i <= 8; i++)
    tickets.push({ id: `INQ-2026-0000${i}`, assignee: 'Zhang Wei', channel: i % 2 ? 'Phone' : 'Email' });
  tickets.push({ id: 'CMP-2026-00001', assignee: 'Zhang Wei', type: 'Complaint', reopen: 1 });
  tickets.push({ id: 'CMP-2026-00002', assignee: 'Zhang Wei', type: 'Complaint', satisfaction: 2 });
  tickets.push({ id: 'REP-2026-00001', assignee: 'Liu Yang', type: 'Repair', channel: 'Walk-in' });
  tickets.push({ id: 'REP-2026-00002', assignee: 'Liu Yang', type: 'Repair', day: 9 }); // next week
  tickets.push({ id: 'INQ-2026-00009', assignee: 'Liu Yang', satisfaction: 3 });
  tickets.push({ id: 'INQ-2026-00010', assignee: 'Liu Yang' }); // already audited below
  resolvedTickets(emu, tickets);
  submitAudit(emu, 'Phone service', {
    staff: 'Liu Yang',
    auditor: 'Li Na',
    ticketId: 'INQ-2026-00010',
    rootCause: ['Process'],
    items: phoneExample(),
  });
  return emu;
}

describe('weekly audit sample', () => {
  it('2 per person spread across types and channels, always the reopened and the dissatisfied, never one already audited', () => {
    const emu = desk();
    schedulerAt(emu, at(9, 8)); // Monday 08:00: the weekly report of W10, and its sample
    const sample = rowsOf(emu, 'Audit samples');
    const zhang = sample.filter((r) => r.Staff === 'Zhang Wei');
    expect(zhang.filter((r) => r['Why sampled'] === 'Reopened').map((r) => r['Ticket ID'])).toEqual([
      'CMP-2026-00001',
    ]);
    expect(
      zhang.filter((r) => r['Why sampled'] === 'Customer dissatisfied').map((r) => r['Ticket ID']),
    ).toEqual(['CMP-2026-00002']);
    const random = zhang.filter((r) => r['Why sampled'] === 'Random');
    expect(random).toHaveLength(2);
    // One Phone and one Email inquiry: spread across channels.
    expect(new Set(random.map((r) => r.Channel))).toEqual(new Set(['Phone', 'Email']));
    const liu = sample
      .filter((r) => r.Staff === 'Liu Yang')
      .map((r) => r['Ticket ID'])
      .sort();
    expect(liu).toEqual(['INQ-2026-00009', 'REP-2026-00001']);
    expect(
      sample.every((r) => r.Week === '2026-W10' && r.Auditor === 'Li Na' && r.State === 'To audit'),
    ).toBe(true);
    const byTicket = Object.fromEntries(sample.map((r) => [r['Ticket ID'], r.Scorecard]));
    expect(byTicket['CMP-2026-00001']).toBe('Complaint handling');
    expect(byTicket['REP-2026-00001']).toBe('Walk-in reception');
    expect(byTicket['INQ-2026-00009']).toBe('Phone service');
    // The scheduler running again the same week draws nothing more.
    emu.run('menuRunScheduler', undefined, { interactive: true });
    expect(rowsOf(emu, 'Audit samples')).toHaveLength(sample.length);
    expect(rowsOf(emu, 'Run log').some((r) => r.Job === 'Audit sample 2026-W10' && r.Result === 'OK')).toBe(
      true,
    );
  });

  it('the supervisor sees the sample in the next digest with pre-filled audit links; audited and overdue samples are marked', () => {
    const emu = desk();
    schedulerAt(emu, at(9, 8));
    schedulerAt(emu, at(10, 8)); // Tuesday's digest
    const digest = emu.mail.outbox.find(
      (m) => m.to.includes('li.na@example.com') && m.subject.includes('2026-03-10'),
    );
    expect(digest?.htmlBody).toContain('Tickets to audit');
    expect(digest?.htmlBody).toMatch(/<a href="[^"]+">Audit CMP-2026-00001<\/a>/);
    expect(digest?.htmlBody).toContain('INQ-2026-00009');
    submitAudit(emu, 'Complaint handling', {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      ticketId: 'CMP-2026-00001',
      items: {
        'Receiving — First receiver took responsibility, no passing on': 'Yes',
        'Receiving — Registered at once: who was complained about and why': '15',
        'Receiving — Calmed the customer and apologised': '5',
        'Handling — Passed to the responsible department within 3 hours': 'Yes',
        'Handling — Replied to the customer within 24 hours': 'Yes',
        'Handling — Follow-up recorded': '15',
        'Callback — Callback made': 'Yes',
        'Callback — Asked for satisfaction': 'Yes',
        'Callback — Customer praised the handling': 'N/A',
        'Red lines — Kept customer information private': 'Yes',
      },
    });
    schedulerAt(emu, at(16, 8)); // the next Monday: W11's sample, and states of W10's
    const w10 = rowsOf(emu, 'Audit samples').filter((r) => r.Week === '2026-W10');
    const audited = w10.find((r) => r['Ticket ID'] === 'CMP-2026-00001');
    expect(audited).toMatchObject({ State: 'Audited', 'Audit ID': 'QA-2026-00002' });
    expect(w10.filter((r) => r.State === 'Overdue')).toHaveLength(w10.length - 1);
  });
});

describe('quality audits in the weekly report', () => {
  it('audits done against the sample, QA average, by person, lowest items, root causes, warnings; QA average in the per-staff table', () => {
    const emu = desk(); // QA-2026-00001: Liu Yang 80.3 % on Mon 03-09 07:00 (W11)
    schedulerAt(emu, at(9, 8));
    const low = phoneExample({ 'Red lines — Quoted no price without authority': 'No' }); // 0 %, raw 74.7
    submitAudit(emu, 'Phone service', {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      ticketId: 'INQ-2026-00001',
      rootCause: ['Knowledge'],
      items: low,
    });
    submitAudit(emu, 'Phone service', {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      rootCause: ['Process'],
      items: phoneExample(),
    });
    schedulerAt(emu, at(16, 8)); // the weekly report of W11
    const sheet = emu.spreadsheet.sheet('Weekly 2026-W11').values();
    const rowOf = (first: string) => sheet.find((row) => row[0] === first) ?? [];
    expect(rowOf('Audits done')[1]).toBe(3);
    // (80.3 + 0 + 80.3) / 3 = 53.5 %
    expect(Number(rowOf('QA average (mean final score)')[1])).toBeCloseTo(0.535, 3);
    expect(rowOf('Audits below the warning score')[1]).toBe(1);
    expect(rowOf('Audits failed on a red line')[1]).toBe(1);
    expect(rowOf('Tickets in the audit sample')[1]).toBeGreaterThan(0);
    const byPerson = sheet.findIndex((row) => row[0] === 'Quality audits by person');
    expect(sheet[byPerson + 2].slice(0, 2)).toEqual(['Zhang Wei', 2]);
    expect(Number(sheet[byPerson + 2][2])).toBeCloseTo(0.4015, 6); // (0 + 80.3) / 2
    const causes = sheet.findIndex((row) => row[0] === 'Root causes of low audit scores');
    expect(sheet.slice(causes + 2, causes + 4).map((row) => row.slice(0, 2))).toEqual([
      ['Process', 2],
      ['Knowledge', 1],
    ]);
    const lowest = sheet.findIndex((row) => row[0] === 'Audit items, lowest first');
    expect(sheet[lowest + 2][1]).toBe('Answering — Standard greeting used');
    const staffTable = sheet.findIndex((row) => row[0] === 'Per staff member');
    const header = sheet[staffTable + 1];
    expect(header).toContain('QA average');
  });
});
