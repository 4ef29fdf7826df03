/** An audit form's answers read against its scorecard and made safe to store (formula-safe, bounded). */
import type { AuditAnswers, Scorecard } from '../../core/audits';
import { sanitizeUserText } from '../../core/text';
import { readAuditAnswers } from '../../forms/audit';
import type { DeskSettings } from '../settings';

const NAME_MAX_LENGTH = 60;

function clean(text: string, max: number): string {
  return sanitizeUserText(text, max).text;
}

export function readCleanAnswers(
  settings: DeskSettings,
  scorecard: Scorecard,
  namedValues: Record<string, string[]>,
): AuditAnswers {
  const raw = readAuditAnswers(scorecard, namedValues);
  const maxText = settings.general.descriptionMaxLength;
  return {
    ...raw,
    staff: clean(raw.staff, NAME_MAX_LENGTH),
    auditor: clean(raw.auditor, NAME_MAX_LENGTH),
    ticketId: clean(raw.ticketId, NAME_MAX_LENGTH),
    calibration: clean(raw.calibration ?? '', NAME_MAX_LENGTH),
    rootCauses: raw.rootCauses.map((cause) => clean(cause, NAME_MAX_LENGTH)),
    comments: Object.fromEntries(Object.entries(raw.comments).map(([k, v]) => [k, clean(v, maxText)])),
    texts: Object.fromEntries(Object.entries(raw.texts).map(([k, v]) => [k, clean(v, NAME_MAX_LENGTH)])),
  };
}
