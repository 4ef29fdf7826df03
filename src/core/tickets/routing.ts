/**
 * Routing (SPEC §4 step 4): category → department (+ default assignee) from ⚙ Categories, then
 * round-robin over the department's active staff, skipping people on leave or at their daily / weekly
 * cap (seed 001 L37–49: at most 2 a day, 6 a week). Pure: the job supplies counts and the last position.
 */
import type { CategorySetting } from '../settings/categories';
import { categoryKey } from '../settings/categories';
import type { StaffMember } from '../settings/staff';
import type { ReviewReason } from './intake';

export interface AssignmentCounts {
  /** New assignments per assignee name today and this week (in the spreadsheet time zone). */
  today: ReadonlyMap<string, number>;
  week: ReadonlyMap<string, number>;
}

export interface RoutingInput {
  category: string;
  categories: readonly CategorySetting[];
  staff: readonly StaffMember[];
  counts: AssignmentCounts;
  /** Who got the department's previous ticket (the round-robin position), or null. */
  lastAssignee: string | null;
}

export interface Route {
  department: string;
  assignee: string;
  reviews: ReviewReason[];
}

function available(member: StaffMember, counts: AssignmentCounts): boolean {
  if (!member.active || member.onLeave) return false;
  if (member.dailyCap !== null && (counts.today.get(member.name) ?? 0) >= member.dailyCap) return false;
  if (member.weeklyCap !== null && (counts.week.get(member.name) ?? 0) >= member.weeklyCap) return false;
  return true;
}

/** Front-line staff take the rotation; a department without any falls back to its supervisors. */
function rotation(department: string, staff: readonly StaffMember[]): StaffMember[] {
  const members = staff.filter((s) => categoryKey(s.department) === categoryKey(department) && s.active);
  const handlers = members.filter((s) => s.role === 'staff');
  return handlers.length > 0 ? handlers : members.filter((s) => s.role === 'supervisor');
}

export function routeTicket(input: RoutingInput): Route {
  const entry = input.categories.find(
    (c) => c.active && categoryKey(c.label) === categoryKey(input.category),
  );
  if (!entry) return { department: '', assignee: '', reviews: [] };
  const { department } = entry;

  const byDefault = input.staff.find((s) => s.name === entry.defaultAssignee);
  if (byDefault && available(byDefault, input.counts))
    return { department, assignee: byDefault.name, reviews: [] };

  const queue = rotation(department, input.staff);
  const start = queue.findIndex((s) => s.name === input.lastAssignee) + 1;
  for (let i = 0; i < queue.length; i++) {
    const candidate = queue[(start + i) % queue.length];
    if (available(candidate, input.counts)) return { department, assignee: candidate.name, reviews: [] };
  }
  return { department, assignee: '', reviews: [{ key: 'tickets.review.noStaff', params: { department } }] };
}
