/**
 * The Outbox under pressure (issue 13 "One mail path"): 120 escalations with the quota at 0 are all
 * queued and all sent after the reset, none twice, though a mail listing them is larger than a cell;
 * a digest that a newer one supersedes is dropped, not sent stale; a digest list stops at 30 rows.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { fillTickets as generatedTickets } from '../helpers/fixtures';
import { escalationLines } from '../helpers/mail';
import { escalateAtOnce, fillTickets, shanghai } from '../jobs/scheduler-fixtures';

const ESCALATION = /Escalation/;
const CELL_LIMIT = 50_000;

function escalationsMailed(emu: Emulator): string[] {
  return emu.mail.outbox
    .filter((mail) => ESCALATION.test(mail.subject))
    .flatMap((mail) =>
      escalationLines(mail.body).flatMap((line) => mail.to.map((to) => `${to} ${line.ticket} ${line.level}`)),
    );
}

describe('the Outbox under pressure', () => {
  it('120 escalations with the quota at 0: all queued, all sent after the reset, none twice', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
    escalateAtOnce(emu); // the hourly alerts: one mail per recipient listing every ticket
    emu.advanceTo(shanghai('2026-03-02 10:30'));
    fillTickets(emu, 125, shanghai('2026-03-02 10:00'), 1); // 125 open tickets, most of them weeks late
    emu.faults.exhaustMailQuota();
    emu.advanceTo(shanghai('2026-03-02 11:30'));

    const tickets = rowsOf(emu, 'Tickets');
    const escalated = tickets.filter((row) => Number(row['Escalation level']) >= 2);
    expect(escalated.length).toBeGreaterThanOrEqual(120);
    expect(emu.mail.outbox.filter((mail) => ESCALATION.test(mail.subject))).toHaveLength(0);
    const outbox = rowsOf(emu, 'Outbox');
    const queued = outbox.filter((row) => row.To !== '');
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((row) => row['Sent at'] === '')).toBe(true);
    // Every ticket's level is in a queued row's keys: nothing was lost when the quota was 0.
    const keys = queued.flatMap((row) => String(row.Key).split(' '));
    for (const row of escalated) expect(keys).toContain(`escalation:${row.ID}:${row['Escalation level']}`);
    // The manager's mail lists 120 tickets: its payload is over a cell, so it is stored in chunks.
    const continued = outbox.filter((row) => row.To === '');
    expect(continued.length).toBeGreaterThan(0);
    for (const row of outbox) expect(String(row.Payload).length).toBeLessThanOrEqual(CELL_LIMIT);

    emu.advanceTo(shanghai('2026-03-02 14:30')); // still the same quota day: nothing goes
    expect(escalationsMailed(emu)).toHaveLength(0);
    emu.advanceTo(shanghai('2026-03-02 16:30')); // the quota resets at 16:00 Shanghai
    const mailed = escalationsMailed(emu);
    expect(new Set(mailed).size).toBe(mailed.length);
    const ids = new Set(mailed.map((line) => line.split(' ')[1]));
    for (const row of escalated) expect(ids.has(String(row.ID))).toBe(true);
    const big = emu.mail.outbox.find(
      (mail) => ESCALATION.test(mail.subject) && (mail.htmlBody ?? '').length > CELL_LIMIT,
    );
    expect(big).toBeDefined(); // the chunked mail went out whole
    // Each line says how late (business hours) and the ticket's status.
    expect(big?.body).toContain('Late by | Status');
    expect(big?.body).toMatch(
      /CMP-2026-\d{6} \| (Breached|Seriously late)[^|]* \|.* \| \d+(\.\d)? bh \| In progress/,
    );
    expect(rowsOf(emu, 'Outbox').filter((row) => row.To !== '' && row['Sent at'] === '')).toHaveLength(0);

    // A day later (one ticket reaches a further level meanwhile): nothing was mailed twice.
    emu.advanceTo(shanghai('2026-03-03 17:30'));
    const later = escalationsMailed(emu);
    expect(new Set(later).size).toBe(later.length);
    expect(later).toEqual(expect.arrayContaining(mailed));
  });

  it('a queued digest that a newer digest supersedes is dropped, not sent stale', () => {
    const emu = newDesk({ lang: 'en', start: shanghai('2026-02-28 08:00') }); // Sat
    generatedTickets(emu, 40); // late by Tuesday: their assignee's digests have something to say
    emu.advanceTo(shanghai('2026-03-03 07:00'));
    emu.faults.exhaustMailQuota();
    emu.advanceTo(shanghai('2026-03-03 08:30')); // the 03-03 digests wait
    const first = rowsOf(emu, 'Outbox').filter((row) => /Daily digest 2026-03-03/.test(String(row.Subject)));
    expect(first.length).toBeGreaterThan(0);
    // Past the 16:00 reset the quota is used up again before the run: the digests keep waiting.
    emu.advanceTo(shanghai('2026-03-03 15:30'));
    emu.clock.set(shanghai('2026-03-03 16:00'));
    emu.faults.exhaustMailQuota();
    emu.advanceTo(shanghai('2026-03-04 08:30')); // Wed: the 03-04 digests queue behind them
    const waiting = /Daily digest 2026-03-0[34]/; // Monday's went before the quota ran out
    expect(emu.mail.outbox.filter((mail) => waiting.test(mail.subject))).toHaveLength(0);
    emu.advanceTo(shanghai('2026-03-04 16:30')); // reset: only the newest digest of each person goes

    const digests = emu.mail.outbox.filter((mail) => waiting.test(mail.subject));
    expect(digests.filter((mail) => mail.subject.includes('2026-03-03'))).toHaveLength(0);
    const latest = digests.filter((mail) => mail.subject.includes('2026-03-04')).flatMap((mail) => mail.to);
    expect(new Set(latest).size).toBe(latest.length);
    for (const row of first) expect(latest).toContain(String(row.To));
    const dropped = rowsOf(emu, 'Outbox').filter((row) =>
      /Daily digest 2026-03-03/.test(String(row.Subject)),
    );
    for (const row of dropped) {
      expect(row['Sent at']).toBe('');
      expect(String(row['Last error'])).toMatch(/2026-03-04/);
    }
  });

  it('a digest list shows 30 rows, then "+N more — open the sheet" with a link', () => {
    const emu = newDesk({ lang: 'en', start: shanghai('2026-02-28 08:00') }); // Sat
    generatedTickets(emu, 100); // Zhou Lei's; every open one's resolve deadline passes by Tue 08:00
    emu.advanceTo(shanghai('2026-03-03 08:30'));
    const overdue = rowsOf(emu, 'Tickets').filter((row) =>
      ['New', 'In progress', 'Waiting on customer'].includes(String(row.Status)),
    ).length;
    expect(overdue).toBeGreaterThan(30);
    const digest = emu.mail.outbox.find(
      (mail) => mail.to.includes('zhou.lei@example.com') && /Daily digest/.test(mail.subject),
    );
    const text = digest?.body ?? '';
    const section = text.slice(text.indexOf('Your overdue tickets'));
    const more = `+${overdue - 30} more — open the sheet`;
    const listed = section.slice(0, section.indexOf(more)).match(/OLD-2025-\d{6}/g) ?? [];
    expect(listed).toHaveLength(30);
    expect(section).toContain(`${more}: `);
    expect(digest?.htmlBody).toContain(`">${more}</a>`);
  });
});
