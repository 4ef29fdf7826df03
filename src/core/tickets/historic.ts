/**
 * A historic register row (来电来访登记表, 投诉登记表, 回访记录 kept in Excel) as a ticket: the one rule set
 * both the googleapis `import` tool (its dry run) and the add-on's import job apply, so what the dry run
 * promises is what the job does.
 *
 * A row is **not imported** (and says why) when it cannot be placed in the ticket series: no readable
 * Received at (the ID's year and every deadline hang on it), a date in the future, no ticket type (the
 * ID's prefix), no description, or a Resolved at that is not a date or is before Received at. Everything
 * else goes through intake's own validation (normalizeIntake): a bad phone, an unknown category… become
 * a ticket with Needs review, exactly as a form response would.
 */
import type { MessageKey } from '../../i18n';
import type { Satisfaction } from '../callbacks/satisfaction';
import type { TicketStatus, TicketType } from '../enums';
import type { Labels } from '../message';
import { enumCodeFromText, normalizeLabel, sanitizeUserText } from '../text';
import { type IntakeFields, normalizeIntake, type ReviewReason } from './intake';

/** The columns of a staging row the rules read (all text, as the tool writes them). */
export interface HistoricRow {
  receivedAt: string;
  channel: string;
  type: string;
  category: string;
  severity: string;
  customer: string;
  phone: string;
  email: string;
  address: string;
  orderNo: string;
  description: string;
  personComplained: string;
  receivedBy: string;
  department: string;
  assignee: string;
  status: string;
  resolution: string;
  resolveAt: string;
  callbackAt: string;
  satisfaction: string;
}

export interface HistoricContext {
  /** Label texts of each message key in the languages accepted (the job passes both languages). */
  labels: Labels;
  now: Date;
  descriptionMaxLength: number;
  /** Active category labels from ⚙ Categories. */
  categories: readonly string[];
  /** Parses a local date-time in the spreadsheet's zone (core/calendar parseLocalDateTime). */
  parseDateTime: (text: string) => Date | null;
}

export interface HistoricRejection {
  kind: 'rejected';
  column: keyof HistoricRow;
  value: string;
  reason: ReviewReason;
}

export interface HistoricTicket {
  kind: 'ticket';
  fields: IntakeFields;
  reviews: ReviewReason[];
  department: string;
  assignee: string;
  status: TicketStatus;
  resolution: string;
  resolveAt: Date | null;
  callbackAt: Date | null;
  satisfaction: Satisfaction | null;
}

export type HistoricPlan = HistoricRejection | HistoricTicket;

/** Words historic registers use for a type that is not one of the labels (维修 = repair, 询问 = inquiry). */
const TYPE_WORDS: Record<string, TicketType> = {
  维修: 'repair',
  报事: 'repair',
  报修单: 'repair',
  询问: 'inquiry',
  求助: 'inquiry',
  投诉单: 'complaint',
  有效投诉: 'complaint',
  意见: 'suggestion',
  表扬信: 'praise',
  感谢: 'praise',
  complaints: 'complaint',
  enquiry: 'inquiry',
  question: 'inquiry',
  maintenance: 'repair',
  compliment: 'praise',
};

/** The type of a register cell, or null. */
export function historicType(labels: Labels, text: string): TicketType | null {
  const raw = text.trim();
  if (raw === '') return null;
  return enumCodeFromText(labels, 'ticketType', raw) ?? TYPE_WORDS[normalizeLabel(raw)] ?? null;
}

const SATISFACTION_WORDS: Record<string, Satisfaction> = {
  很满意: 5,
  非常满意: 5,
  满意: 4,
  基本满意: 4,
  一般: 3,
  不满意: 2,
  很不满意: 1,
  非常不满意: 1,
  verysatisfied: 5,
  satisfied: 4,
  neutral: 3,
  dissatisfied: 2,
  verydissatisfied: 1,
};

/** 1–5, '5 很满意', 很满意 … 很不满意, or the English words; null when empty or unknown. */
export function historicSatisfaction(text: string): Satisfaction | null {
  const raw = normalizeLabel(text);
  if (raw === '') return null;
  const lead = /^([1-5])(?:\.0+)?(?:分|星)?(\D.*)?$/.exec(raw);
  if (lead) return Number(lead[1]) as Satisfaction;
  return SATISFACTION_WORDS[raw] ?? null;
}

const STATUS_WORDS: Record<string, TicketStatus> = {
  已处理: 'resolved',
  已完成: 'resolved',
  完成: 'resolved',
  已办结: 'closed',
  办结: 'closed',
  已结案: 'closed',
  结案: 'closed',
  未处理: 'new',
  处理中: 'inProgress',
  跟进中: 'inProgress',
  done: 'resolved',
  open: 'new',
};

function reject(column: keyof HistoricRow, value: string, key: MessageKey): HistoricRejection {
  const shown = sanitizeUserText(value, 60).text;
  return { kind: 'rejected', column, value: shown, reason: { key, params: { value: shown } } };
}

export function planHistoricTicket(row: HistoricRow, context: HistoricContext): HistoricPlan {
  const receivedText = row.receivedAt.trim();
  const receivedAt = receivedText === '' ? null : context.parseDateTime(receivedText);
  if (receivedAt === null) return reject('receivedAt', row.receivedAt, 'import.reject.receivedAt');
  if (receivedAt.getTime() > context.now.getTime())
    return reject('receivedAt', row.receivedAt, 'import.reject.future');
  const type = historicType(context.labels, row.type);
  if (type === null) return reject('type', row.type, 'import.reject.type');
  if (row.description.trim() === '')
    return reject('description', row.description, 'import.reject.description');
  let resolveAt: Date | null = null;
  if (row.resolveAt.trim() !== '') {
    resolveAt = context.parseDateTime(row.resolveAt.trim());
    if (resolveAt === null || resolveAt.getTime() < receivedAt.getTime())
      return reject('resolveAt', row.resolveAt, 'import.reject.resolveAt');
  }

  const { fields, reviews } = normalizeIntake(
    {
      channel: row.channel,
      type,
      category: row.category,
      severity: row.severity,
      customer: row.customer,
      phone: row.phone,
      email: row.email,
      address: row.address,
      orderNo: row.orderNo,
      description: row.description,
      personComplained: row.personComplained,
      receivedBy: row.receivedBy,
      receivedAt,
    },
    {
      submittedAt: receivedAt,
      now: context.now,
      descriptionMaxLength: context.descriptionMaxLength,
      categories: context.categories,
      labels: context.labels,
    },
  );
  // A register that never recorded the channel is not a mistake of the row: no review for it.
  if (row.channel.trim() === '') {
    const index = reviews.findIndex(
      (r) => r.key === 'tickets.review.missing' && r.params.field === 'col.tickets.channel',
    );
    if (index >= 0) reviews.splice(index, 1);
  }

  const callbackText = row.callbackAt.trim();
  const callbackParsed = callbackText === '' ? null : context.parseDateTime(callbackText);
  const satisfaction = historicSatisfaction(row.satisfaction);
  const status = historicStatus(context.labels, row.status, resolveAt, reviews);
  return {
    kind: 'ticket',
    fields,
    reviews,
    department: sanitizeUserText(row.department, 100).text,
    assignee: sanitizeUserText(row.assignee, 100).text,
    status,
    resolution: sanitizeUserText(row.resolution, context.descriptionMaxLength).text,
    resolveAt: status === 'cancelled' ? null : resolveAt,
    callbackAt: callbackParsed ?? (satisfaction !== null && resolveAt !== null ? resolveAt : null),
    satisfaction,
  };
}

/**
 * The register's own status when it names one; else the dates say it: resolved in the register →
 * Closed (a historic record is settled), otherwise still open (New).
 */
function historicStatus(
  labels: Labels,
  text: string,
  resolveAt: Date | null,
  reviews: ReviewReason[],
): TicketStatus {
  const raw = text.trim();
  const named =
    raw === ''
      ? null
      : (enumCodeFromText(labels, 'status', raw) ?? STATUS_WORDS[normalizeLabel(raw)] ?? null);
  if (raw !== '' && named === null)
    reviews.push({ key: 'import.review.status', params: { value: sanitizeUserText(raw, 60).text } });
  if (named === 'cancelled') return 'cancelled';
  if (resolveAt !== null) return named === 'resolved' ? 'resolved' : 'closed';
  if (named === null || named === 'resolved' || named === 'closed') return 'new';
  return named;
}
