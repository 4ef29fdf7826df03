/**
 * Points at risk in each person's daily digest (SPEC §8.3): the month-to-date provisional total and
 * what can still change before the month ends. Computed from the same logs as the assessment (one read
 * each), for staff and supervisors; a section only when something is still at stake.
 */
import { type PointsAtRisk, personKey, pointsAtRisk } from '../../core/assessment';
import type { MailSection } from '../../core/mail-html';
import { periodContaining } from '../../core/reports';
import type { StaffMember } from '../../core/settings';
import { t } from '../../i18n';
import { render } from '../../i18n/render';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import { monthLogs } from '.';

export function pointsAtRiskByPerson(ctx: JobContext, settings: DeskSettings): Map<string, PointsAtRisk> {
  const now = ctx.now().getTime();
  const month = periodContaining('monthly', settings.calendar.zone, now);
  const risks = pointsAtRisk(
    { ...monthLogs(ctx, settings, month), lastPlaceBefore: new Set(), lastPlaceConsequence: '' },
    now,
  );
  return new Map(risks.map((risk) => [personKey(risk.staff), risk]));
}

export function pointsAtRiskSection(
  ctx: JobContext,
  person: StaffMember,
  risks: ReadonlyMap<string, PointsAtRisk>,
): MailSection | null {
  const risk = risks.get(personKey(person.name));
  if (!risk || risk.lines.length === 0) return null;
  return {
    heading: t(ctx.lang, 'assessment.risk.heading'),
    paragraphs: [
      t(ctx.lang, 'assessment.risk.total', { total: risk.total }),
      ...risk.lines.map((line) => render(ctx.lang, line)),
    ],
  };
}
