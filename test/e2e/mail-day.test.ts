/**
 * What each of the day's mails is for, over simulated days on the compiled bundle (the clock advanced,
 * the hourly trigger run): the 08:00 digest is the day's work (a morning plan), the 16:00 escalation
 * summary the escalations (a summary before leaving). So a manager's digest carries no breach or
 * escalation news, a ticket listed for an escalation in a summary was not late in that morning's
 * digest, and each (ticket, level) reaches each recipient once.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { escalationLines } from '../helpers/mail';
import { shanghai } from '../jobs/scheduler-fixtures';

const MANAGER = 'wang.min@example.com';
const GM = 'chen.jianguo@example.com';
const HEAD = 'sun.qiang@example.com'; // Engineering: the complaints' department
const TICKET = /^[A-Z]{2,6}-\d{4}-\d{5,6}$/;

/** A mail's text as sections: heading → the ticket IDs of its table. */
function sections(body: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const chunk of body.split('\n\n').slice(1)) {
    const [heading, ...lines] = chunk.split('\n');
    const ids = lines.map((line) => line.split(' | ')[0]).filter((cell) => TICKET.test(cell));
    result.set(heading, ids);
  }
  return result;
}

/** When each ticket first reached each level (History's Escalation level rows). */
function escalatedAt(emu: Emulator): Map<string, number> {
  const at = new Map<string, number>();
  for (const row of rowsOf(emu, 'History')) {
    if (row.Field !== 'Escalation level') continue;
    for (let level = Number(row['Old value']) + 1; level <= Number(row['New value']); level++) {
      const key = `${row['Record ID']}:${level}`;
      if (!at.has(key)) at.set(key, (row.At as Date).getTime());
    }
  }
  return at;
}

describe('the digest plans the day, the summary tells the escalations', () => {
  it('over Mon–Wed: no escalation news in a digest, each escalation told once, in the summary', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
    let phone = 13900000100; // a phone of its own each, so none is a repeat complaint
    const customer = (name: string) => ({ customer: name, email: '', phone: String(phone++) });
    for (let i = 1; i <= 3; i++) submitIntake(emu, complaint(customer(`Morning ${i}`)));
    submitIntake(emu, complaint({ ...customer('Major One'), severity: 'Major' }));
    emu.advanceTo(shanghai('2026-03-02 14:30'));
    // Transfer due 17:30: breached after the 16:00 summary, escalated at 18:00 — Tuesday's summary.
    for (let i = 1; i <= 2; i++) submitIntake(emu, complaint(customer(`Afternoon ${i}`)));
    emu.advanceTo(shanghai('2026-03-02 17:10'));
    // Transfer due Tue 11:10: due today in Tuesday's digest, breached before Tuesday's summary.
    for (let i = 1; i <= 2; i++) submitIntake(emu, complaint(customer(`Evening ${i}`)));
    emu.advanceTo(shanghai('2026-03-04 17:30'));

    const escalations = escalatedAt(emu);
    const days = ['2026-03-02', '2026-03-03', '2026-03-04'];
    const digestOf = (email: string, day: string) =>
      emu.mail.outbox.find((mail) => mail.to.includes(email) && mail.subject.includes(`Daily digest ${day}`));
    const summaryOf = (email: string, day: string) =>
      emu.mail.outbox.find(
        (mail) => mail.to.includes(email) && mail.subject.includes(`Escalation summary ${day}`),
      );

    const told = new Map<string, number>();
    let summaryLines = 0;
    let checkedDigests = 0;
    for (const day of days) {
      const digestAt = shanghai(`${day} 08:00`).getTime();
      for (const email of [MANAGER, GM, HEAD]) {
        const digest = digestOf(email, day);
        const listed = digest ? sections(digest.body) : new Map<string, string[]>();
        if (digest) checkedDigests += 1;
        // The digest names no breach or escalation: those are the summary's.
        for (const heading of listed.keys()) expect(heading).not.toMatch(/breach|escalat/i);
        const deskDue = listed.get('Other tickets due today (not late yet)') ?? [];
        for (const id of deskDue) expect(escalations.get(`${id}:2`) ?? Infinity).toBeGreaterThan(digestAt);

        const summary = summaryOf(email, day);
        for (const { ticket } of summary ? escalationLines(summary.body) : []) {
          summaryLines += 1;
          // Listed in that morning's digest only as a deadline still ahead, never as late.
          for (const [heading, ids] of listed) {
            if (ids.includes(ticket)) expect(heading).toBe('Other tickets due today (not late yet)');
          }
          told.set(`${email}:${ticket}`, (told.get(`${email}:${ticket}`) ?? 0) + 1);
        }
      }
    }
    expect(checkedDigests).toBeGreaterThanOrEqual(2); // Tuesday's; on Wednesday nothing new is due
    expect(summaryLines).toBeGreaterThanOrEqual(5);

    // Tuesday's digest shows the managers the evening tickets due that morning (not late yet)…
    const tuesday = sections(digestOf(MANAGER, '2026-03-03')?.body ?? '');
    const evening = rowsOf(emu, 'Tickets')
      .filter((row) => /^Evening/.test(String(row.Customer)))
      .map((row) => String(row.ID));
    expect(tuesday.get('Other tickets due today (not late yet)')).toEqual(expect.arrayContaining(evening));
    // …and the head's Tuesday summary has them once breached, with the afternoon ones escalated at 18:00.
    const headTuesday = escalationLines(summaryOf(HEAD, '2026-03-03')?.body ?? '').map((line) => line.ticket);
    const afternoon = rowsOf(emu, 'Tickets')
      .filter((row) => /^(Afternoon|Evening)/.test(String(row.Customer)))
      .map((row) => String(row.ID));
    expect(headTuesday).toEqual(expect.arrayContaining(afternoon));
    // A ticket's escalation is in one summary per level: the head hears of level 2 once in all.
    const headTold = [...told].filter(([key]) => key.startsWith(`${HEAD}:`));
    expect(headTold.length).toBeGreaterThan(0);
    for (const [, count] of headTold) expect(count).toBe(1);
  });
});
