/**
 * Who calls the customer back once a ticket is resolved (回访), so who is reminded in the daily digest
 * and whose assessment a missed callback counts against (SPEC §7, §8.3).
 *
 * The manuals give the callback to the customer-service desk, not to whoever did the work:
 * - the CS department's clerk phones the customer within a working day of a repair (seed 002 L149
 *   §3.5.4); the department that handled a complaint reports back and the CS assistant arranges the
 *   callback (seed 004 L47, L199); the CS specialist does the tracking callback (seed 000 L765, L785);
 * - the customer assistant who took the call follows it through (首问负责制, seed 003 L359 §1.3.2.6);
 * - a card lost because nobody called back in time is fined to the one who held it (seed 004 L230).
 * The worker's part is the customer's verdict on the work (satisfaction, seed 002 L150 §3.5.10), which
 * stays with the assignee.
 *
 * So by default the first receiver (Received by) owns the callback, when they are an active person of
 * ⚙ Staff with an email (the digest can remind them); otherwise — a ticket from the customer form, a
 * receiver who left — the assignee. ⚙ General `callbackByReceiver` = No gives every callback to the
 * assignee (a desk whose handlers call their own customers back).
 */
import type { StaffMember } from '../settings/staff';

export function callbackOwnerOf(
  ticket: { receivedBy: string; assignee: string },
  staff: readonly Pick<StaffMember, 'name' | 'email' | 'active'>[],
  byReceiver: boolean,
): string {
  const receiver = ticket.receivedBy.trim();
  if (byReceiver && receiver !== '' && staff.some((m) => m.active && m.email !== '' && m.name === receiver))
    return receiver;
  return ticket.assignee;
}
