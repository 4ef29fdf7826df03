/**
 * The weekly audit sample (SPEC §8.1): per staff member, from the tickets they resolved in the week, N
 * tickets spread across types and channels, always including reopened tickets and tickets whose callback
 * satisfaction was ≤ 2, never a ticket already audited or sampled. Random but reproducible: the order is
 * a hash of the week and the ticket, so the same week drawn twice gives the same sample (graders who pick
 * their own tickets inflate scores — ANCHORS, MaestroQA).
 */
import { fnv1a } from '../hash';

export interface SampleCandidate {
  id: string;
  staff: string;
  type: string;
  channel: string;
  reopened: boolean;
  /** Callback satisfaction 1–5, null when none. */
  satisfaction: number | null;
}

export type SampleReason = 'reopened' | 'dissatisfied' | 'random';

export interface SampledTicket {
  ticket: SampleCandidate;
  reason: SampleReason;
}

/** Satisfaction at or below this always joins the sample (SPEC §8.1: ≤ 2). */
export const DISSATISFIED_AT_MOST = 2;

function mustInclude(ticket: SampleCandidate): SampleReason | null {
  if (ticket.reopened) return 'reopened';
  if (ticket.satisfaction !== null && ticket.satisfaction <= DISSATISFIED_AT_MOST) return 'dissatisfied';
  return null;
}

/**
 * The sample of one week. `perPerson` random tickets per person besides those that must be included (which
 * are all taken, even beyond N); `excluded` holds ticket IDs already audited or sampled.
 */
export function drawSample(
  candidates: readonly SampleCandidate[],
  excluded: ReadonlySet<string>,
  perPerson: number,
  seed: string,
): SampledTicket[] {
  const byStaff = new Map<string, SampleCandidate[]>();
  for (const ticket of candidates) {
    if (ticket.staff === '' || excluded.has(ticket.id.toUpperCase())) continue;
    const list = byStaff.get(ticket.staff) ?? [];
    list.push(ticket);
    byStaff.set(ticket.staff, list);
  }
  const sample: SampledTicket[] = [];
  for (const staff of [...byStaff.keys()].sort()) {
    const tickets = (byStaff.get(staff) ?? []).sort(
      (a, b) => fnv1a(`${seed}|${a.id}`) - fnv1a(`${seed}|${b.id}`),
    );
    const rest: SampleCandidate[] = [];
    for (const ticket of tickets) {
      const reason = mustInclude(ticket);
      if (reason) sample.push({ ticket, reason });
      else rest.push(ticket);
    }
    // Spread: one ticket from each type × channel group in turn, groups in a hashed order.
    const groups = new Map<string, SampleCandidate[]>();
    for (const ticket of rest) {
      const key = `${ticket.type}|${ticket.channel}`;
      groups.set(key, [...(groups.get(key) ?? []), ticket]);
    }
    const order = [...groups.keys()].sort(
      (a, b) => fnv1a(`${seed}|${staff}|${a}`) - fnv1a(`${seed}|${staff}|${b}`),
    );
    let taken = 0;
    for (let round = 0; taken < perPerson; round++) {
      let any = false;
      for (const key of order) {
        const ticket = groups.get(key)?.[round];
        if (!ticket || taken >= perPerson) continue;
        sample.push({ ticket, reason: 'random' });
        taken += 1;
        any = true;
      }
      if (!any) break;
    }
  }
  return sample;
}
