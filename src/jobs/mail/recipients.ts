/** Who receives what: staff by name and role, department heads, and the link to the spreadsheet. */
import type { StaffMember } from '../../core/settings';
import { categoryKey } from '../../core/settings';
import type { JobContext } from '../context';

export function staffEmail(staff: readonly StaffMember[], name: string): string | null {
  const member = staff.find((s) => s.active && s.name === name && s.email !== '');
  return member ? member.email : null;
}

/** Department heads (supervisors) of a department. */
export function departmentHeads(staff: readonly StaffMember[], department: string): string[] {
  return staff
    .filter(
      (s) =>
        s.active &&
        s.role === 'supervisor' &&
        categoryKey(s.department) === categoryKey(department) &&
        s.email !== '',
    )
    .map((s) => s.email);
}

export function emailsWithRole(
  staff: readonly StaffMember[],
  roles: readonly StaffMember['role'][],
): string[] {
  return staff.filter((s) => s.active && roles.includes(s.role) && s.email !== '').map((s) => s.email);
}

/** Read once per execution: a summary of 50 lines × 5 recipients asked 250 times (a property read each). */
const links = new WeakMap<JobContext, string>();

export function spreadsheetLink(ctx: JobContext): string {
  let link = links.get(ctx);
  if (link === undefined) {
    link = ctx.ports.store.get('spreadsheet.url') ?? '';
    // Not remembered while unknown (setup stores it during its own execution).
    if (link !== '') links.set(ctx, link);
  }
  return link;
}
