/** The signed-in person as ⚙ Staff knows them: Session's active user matched by email. */
import { normalizeEmail } from '../../core/tickets';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';

export interface SignedIn {
  email: string;
  /** '' when ⚙ Staff has no active member with this email. */
  staffName: string;
  department: string;
}

export function whoIsSignedIn(ctx: JobContext, settings: DeskSettings): SignedIn {
  const email = ctx.ports.session.activeUserEmail();
  const wanted = normalizeEmail(email);
  const member = wanted
    ? settings.staff.find((s) => s.active && normalizeEmail(s.email) === wanted)
    : undefined;
  return { email, staffName: member?.name ?? '', department: member?.department ?? '' };
}
