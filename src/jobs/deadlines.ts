/**
 * A ticket's stage deadlines and their explanations (SPEC §5 "Explain every deadline"), shared by intake
 * and manual edits so every path computes them the same way. The callback window is not here: it is
 * opened once, at Resolve, by the callback queue (jobs/callbacks/queue.ts), and a later edit of
 * Severity, Category or Type must not blank it.
 */

import type { Duration } from '../core/calendar';
import type { Severity, TicketType } from '../core/enums';
import { computeDueDates, explainDue, type SlaStage } from '../core/sla';
import { enumLabel, type Lang, t } from '../i18n';
import { render } from '../i18n/render';
import type { TicketRow } from '../workbook/schemas';
import type { DeskSettings } from './settings';

/** The due-date column of each SLA stage. */
export const STAGE_DUE_COLUMN = {
  ack: 'ackDue',
  transfer: 'transferDue',
  feedback: 'feedbackDue',
  resolve: 'resolveDue',
} as const satisfies Record<SlaStage, keyof TicketRow>;

/** The column that records when each stage was done. */
export const STAGE_DONE_COLUMN = {
  ack: 'ackAt',
  transfer: 'transferAt',
  feedback: 'feedbackAt',
  resolve: 'resolveAt',
} as const satisfies Record<SlaStage, keyof TicketRow>;

export type DeadlineColumn = (typeof STAGE_DUE_COLUMN)[SlaStage];

/** Every stage's due and done columns, in stage order: what a reader of the deadlines reads. */
export const STAGE_COLUMNS = [
  'ackDue',
  'ackAt',
  'transferDue',
  'transferAt',
  'feedbackDue',
  'feedbackAt',
  'resolveDue',
  'resolveAt',
] as const satisfies ReadonlyArray<keyof TicketRow>;

export interface Deadlines {
  values: Pick<TicketRow, DeadlineColumn>;
  /** The explanation note of each due-date cell ('' where there is no target). */
  notes: Record<DeadlineColumn, string>;
}

export interface DeadlineInput {
  type: TicketType;
  severity: Severity;
  receivedAt: Date;
  pausedMs?: number;
}

/** "General complaint" / "一般投诉": the SLA row a deadline comes from, as its explanation names it. */
export function ruleLabel(lang: Lang, type: TicketType, severity: Severity): string {
  return t(lang, 'notify.ruleLabel', {
    severity: enumLabel(lang, 'severity', severity),
    type: enumLabel(lang, 'ticketType', type),
  });
}

/** Only the calendar and the SLA policy decide deadlines. */
type DeadlineSettings = Pick<DeskSettings, 'calendar' | 'sla'>;

export function deadlinesFor(settings: DeadlineSettings, lang: Lang, input: DeadlineInput): Deadlines {
  const cal = settings.calendar;
  const due = computeDueDates(settings.sla, cal, {
    type: input.type,
    severity: input.severity,
    receivedAt: input.receivedAt.getTime(),
    pausedMs: input.pausedMs,
  });
  const label = ruleLabel(lang, input.type, input.severity);
  const values = {} as Pick<TicketRow, DeadlineColumn>;
  const notes = {} as Record<DeadlineColumn, string>;
  const start = input.receivedAt.getTime();
  for (const stage of Object.keys(STAGE_DUE_COLUMN) as SlaStage[]) {
    const column = STAGE_DUE_COLUMN[stage];
    const duration: Duration | null = due.target?.stages[stage] ?? null;
    const at = due.stages[stage];
    values[column] = at === null ? '' : new Date(at);
    notes[column] =
      at === null || duration === null
        ? ''
        : render(
            lang,
            explainDue(cal, {
              start,
              duration,
              due: at,
              label,
              // Waiting on the customer moves only the resolve deadline.
              pausedMs: stage === 'resolve' ? input.pausedMs : undefined,
            }),
          );
  }
  return { values, notes };
}

/** The deadlines of a ticket row as it now stands, or null when it lacks what they depend on. */
export function ticketDeadlines(
  settings: DeadlineSettings,
  lang: Lang,
  row: Partial<TicketRow>,
): Deadlines | null {
  if (!row.type || !row.severity || !(row.receivedAt instanceof Date)) return null;
  return deadlinesFor(settings, lang, {
    type: row.type,
    severity: row.severity,
    receivedAt: row.receivedAt,
    pausedMs: Number(row.pausedMs) || 0,
  });
}
