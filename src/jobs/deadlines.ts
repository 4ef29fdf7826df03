/**
 * A ticket's due dates and their explanations (SPEC §5 "Explain every deadline"), shared by intake,
 * manual edits and the sweep, so every path computes deadlines the same way.
 */
import type { Duration } from '../core/calendar';
import type { Severity, TicketType } from '../core/enums';
import { type SlaStage, computeDueDates, explainDue } from '../core/sla';
import { type Lang, type MessageKey, t } from '../i18n';
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

export type DeadlineColumn = (typeof STAGE_DUE_COLUMN)[SlaStage] | 'callbackOpen' | 'callbackDue';

export interface Deadlines {
  values: Pick<TicketRow, DeadlineColumn>;
  /** The explanation note of each due-date cell ('' where there is no target). */
  notes: Record<DeadlineColumn, string>;
}

export interface DeadlineInput {
  type: TicketType;
  severity: Severity;
  receivedAt: Date;
  resolvedAt?: Date;
  pausedMs?: number;
}

function ruleLabel(lang: Lang, type: TicketType, severity: Severity): string {
  return t(lang, 'notify.ruleLabel', {
    severity: t(lang, `enum.severity.${severity}` as MessageKey),
    type: t(lang, `enum.ticketType.${type}` as MessageKey),
  });
}

export function deadlinesFor(settings: DeskSettings, lang: Lang, input: DeadlineInput): Deadlines {
  const cal = settings.calendar;
  const due = computeDueDates(settings.sla, cal, {
    type: input.type,
    severity: input.severity,
    receivedAt: input.receivedAt.getTime(),
    resolvedAt: input.resolvedAt?.getTime(),
    pausedMs: input.pausedMs,
  });
  const label = ruleLabel(lang, input.type, input.severity);
  const values = {} as Pick<TicketRow, DeadlineColumn>;
  const notes = {} as Record<DeadlineColumn, string>;
  const explain = (column: DeadlineColumn, start: number, duration: Duration | null, at: number | null, from: 'received' | 'resolved') => {
    values[column] = at === null ? '' : new Date(at);
    notes[column] = at === null || duration === null ? '' : explainDue(lang, cal, { start, duration, due: at, label, from });
  };
  const received = input.receivedAt.getTime();
  for (const stage of Object.keys(STAGE_DUE_COLUMN) as SlaStage[]) {
    const duration = due.target?.stages[stage] ?? null;
    explain(STAGE_DUE_COLUMN[stage], received, duration, due.stages[stage], 'received');
  }
  const resolved = input.resolvedAt?.getTime();
  const window = due.target;
  explain('callbackOpen', resolved ?? 0, window?.callbackOpen ?? null, due.callbackOpensAt, 'resolved');
  explain('callbackDue', resolved ?? 0, window?.callbackDue ?? null, due.callbackDueAt, 'resolved');
  return { values, notes };
}
