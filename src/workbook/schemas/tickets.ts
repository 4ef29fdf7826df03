/**
 * Tickets / 工单登记 (SPEC §3): one row per ticket. Staff-edited columns first; deadlines and callback
 * columns in the 'sla' group, bookkeeping in the 'system' group, both collapsible.
 */
import type {
  CallbackState,
  Channel,
  EnumCode,
  Severity,
  SlaState,
  TicketStatus,
  TicketType,
} from '../../core/enums';
import { columnsFor, type SheetSchema } from '../schema';

/** A date cell: a real Date, or '' when empty. */
export type DateCell = Date | '';
export type NumberCell = number | '';
/** A checkbox or yes/no cell: '' when nobody ticked or typed anything. */
export type BoolCell = boolean | '';

export interface TicketRow {
  id: string;
  receivedAt: DateCell;
  channel: Channel | '';
  type: TicketType | '';
  category: string;
  severity: Severity | '';
  customer: string;
  phone: string;
  email: string;
  address: string;
  orderNo: string;
  description: string;
  personComplained: string;
  /** First receiver (首问负责). */
  receivedBy: string;
  department: string;
  assignee: string;
  status: TicketStatus | '';
  resolution: string;
  substantiated: EnumCode<'substantiated'> | '';
  needsReview: BoolCell;
  reviewNote: string;
  ackDue: DateCell;
  ackAt: DateCell;
  transferDue: DateCell;
  transferAt: DateCell;
  feedbackDue: DateCell;
  feedbackAt: DateCell;
  resolveDue: DateCell;
  resolveAt: DateCell;
  /** The first time the ticket was Resolved and the deadline it had then: kept when it is reopened and
   *  resolved again, so timeliness counts the first resolution (issue 14, SPEC §10). */
  firstResolvedAt: DateCell;
  firstResolveDue: DateCell;
  callbackOpen: DateCell;
  callbackDue: DateCell;
  callbackAt: DateCell;
  callbackState: CallbackState | '';
  satisfaction: NumberCell;
  slaState: SlaState | '';
  escalationLevel: NumberCell;
  repeatOf: string;
  parentTicket: string;
  reopenCount: NumberCell;
  supervised: BoolCell;
  /** Business milliseconds spent in Waiting on customer; the resolve due date moves by this much.
   *  The sheet shows it as hours and minutes ([h]:mm). */
  pausedMs: NumberCell;
  waitingSince: DateCell;
  formResponseId: string;
  /** A rectification ticket's inspection and item ("IN-2026-00001 · Lobby / Hygiene"); '' for others. */
  inspection: string;
  createdAt: DateCell;
  updatedAt: DateCell;
}

const col = columnsFor('col.tickets');
const sla = { group: 'sla', system: true, required: true } as const;
/** A deadline or callback-window cell: it carries the note explaining how it was computed. */
const explained = { ...sla, noted: true } as const;
const system = { group: 'system', system: true, required: true } as const;

export const TICKETS: SheetSchema<keyof TicketRow> = {
  key: 'tickets',
  title: 'sheet.tickets',
  columns: [
    col('id', 'text', { required: true, system: true, width: 130 }),
    col('receivedAt', 'date', { required: true }),
    col('channel', 'enum', { enum: 'channel', required: true }),
    col('type', 'enum', { enum: 'ticketType', required: true }),
    col('category', 'text', { required: true, width: 150 }),
    col('severity', 'enum', { enum: 'severity', required: true }),
    col('customer', 'text', { required: true }),
    col('phone', 'text', { required: true }),
    col('email', 'text', { required: true, width: 180 }),
    col('address', 'text'),
    col('orderNo', 'text'),
    col('description', 'longText', { required: true }),
    col('personComplained', 'text'),
    col('receivedBy', 'text', { required: true }),
    col('department', 'text', { required: true }),
    col('assignee', 'text', { required: true }),
    col('status', 'enum', { enum: 'status', required: true, noted: true }),
    col('resolution', 'longText', { required: true }),
    col('substantiated', 'enum', { enum: 'substantiated' }),
    col('needsReview', 'bool', { required: true }),
    col('reviewNote', 'longText', { required: true, width: 200 }),
    col('ackDue', 'date', explained),
    col('ackAt', 'date', { ...sla, system: false }),
    col('transferDue', 'date', explained),
    col('transferAt', 'date', sla),
    col('feedbackDue', 'date', explained),
    col('feedbackAt', 'date', { ...sla, system: false }),
    col('resolveDue', 'date', explained),
    col('resolveAt', 'date', sla),
    // Not required: a sheet set up before these columns existed still works (its reports fall back to
    // Resolved at and Resolve due).
    col('firstResolvedAt', 'date', { group: 'sla', system: true }),
    col('firstResolveDue', 'date', { group: 'sla', system: true }),
    col('callbackOpen', 'date', explained),
    col('callbackDue', 'date', explained),
    col('callbackAt', 'date', sla),
    col('callbackState', 'enum', { ...sla, enum: 'callbackState' }),
    col('satisfaction', 'number', sla),
    col('slaState', 'enum', { ...sla, enum: 'slaState' }),
    col('escalationLevel', 'number', sla),
    col('repeatOf', 'text', system),
    col('parentTicket', 'text', { group: 'system' }),
    col('reopenCount', 'number', system),
    col('supervised', 'bool', system),
    col('pausedMs', 'duration', system),
    col('waitingSince', 'date', system),
    col('formResponseId', 'text', system),
    col('inspection', 'text', { group: 'system', system: true, width: 220 }),
    col('createdAt', 'date', system),
    col('updatedAt', 'date', system),
  ],
};
