/**
 * What the monthly assessment counts from, in batched reads of the columns it needs (SPEC §15): the
 * tickets that can count in the month, Callbacks, Audits, the month's Merits entries, and the previous
 * assessments.
 */

import type { AssessAudit, AssessCallback, AssessMerit, AssessTicket } from '../../core/assessment';
import { callbackOwnerOf } from '../../core/callbacks';
import {
  ASSESSMENT,
  type AssessmentRow,
  AUDITS,
  type AuditRow,
  CALLBACKS,
  type CallbackRow,
  type DateCell,
  MERITS,
  type MeritRow,
  type NumberCell,
  TICKETS,
  type TicketRow,
} from '../../workbook/schemas';
import type { Table, TableRow } from '../../workbook/table';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';

const TICKET_KEYS = [
  'id',
  'receivedAt',
  'type',
  'status',
  'assignee',
  'receivedBy',
  'resolveDue',
  'resolveAt',
  'firstResolvedAt',
  'firstResolveDue',
  'callbackDue',
  'callbackAt',
  'callbackState',
] as const satisfies ReadonlyArray<keyof TicketRow>;

function instant(cell: DateCell | undefined): number | null {
  return cell instanceof Date ? cell.getTime() : null;
}

function number(cell: NumberCell | undefined): number | null {
  return typeof cell === 'number' ? cell : null;
}

/** Reads of the rows a month can count, at most: further apart, neighbouring runs merge into one read. */
const MAX_ROW_READS = 8;

/**
 * Runs of sheet rows covering `rows` (ascending, distinct) in at most `max` runs: the largest gaps
 * split them, the smaller ones are read through (never more rows than from the first to the last).
 */
export function rowRuns(rows: readonly number[], max: number): Array<{ first: number; last: number }> {
  if (rows.length === 0) return [];
  const starts: number[] = [];
  for (let i = 1; i < rows.length; i++) if (rows[i] > rows[i - 1] + 1) starts.push(i);
  const gap = (i: number) => rows[i] - rows[i - 1];
  const splits = new Set(starts.sort((a, b) => gap(b) - gap(a) || a - b).slice(0, Math.max(0, max - 1)));
  const runs = [{ first: rows[0], last: rows[0] }];
  for (let i = 1; i < rows.length; i++) {
    if (splits.has(i)) runs.push({ first: rows[i], last: rows[i] });
    else runs[runs.length - 1].last = rows[i];
  }
  return runs;
}

/**
 * Reads `keys` of rows first…last one run of adjacent columns at a time (their places from the header
 * map, wherever the user put them), so the columns between them are not read: rows × the columns asked
 * for, one read per run. A key whose (optional) column is missing reads as empty.
 */
function readColumnRuns<R extends object, K extends keyof R & string>(
  table: Table<R>,
  first: number,
  last: number,
  keys: readonly K[],
): Array<TableRow<Pick<R, K>>> {
  const placed = keys
    .map((key) => ({ key, at: table.columnSpan([key])?.first ?? null }))
    .filter((entry): entry is { key: K; at: number } => entry.at !== null)
    .sort((a, b) => a.at - b.at);
  const runs: K[][] = [];
  placed.forEach((entry, i) => {
    if (i > 0 && entry.at <= placed[i - 1].at + 1) runs[runs.length - 1].push(entry.key);
    else runs.push([entry.key]);
  });
  const rows: Array<TableRow<Pick<R, K>>> = [];
  for (const run of runs) {
    table.readRowSpan(first, last, run).rows.forEach((read, i) => {
      const row = rows[i];
      if (row) Object.assign(row.values, read.values);
      else rows[i] = { row: read.row, values: { ...read.values } as Pick<R, K>, unrecognized: {} };
    });
  }
  for (const row of rows)
    for (const key of keys) if (!(key in row.values)) (row.values as Record<string, unknown>)[key] = '';
  return rows;
}

type TicketKey = (typeof TICKET_KEYS)[number];

function toAssessTicket(values: Pick<TicketRow, TicketKey>, settings: DeskSettings): AssessTicket {
  return {
    id: values.id,
    receivedAt: instant(values.receivedAt),
    type: values.type,
    status: values.status,
    assignee: values.assignee,
    receivedBy: values.receivedBy,
    callbackOwner: callbackOwnerOf(values, settings.staff, settings.general.callbackByReceiver),
    resolveDue: instant(values.resolveDue),
    resolveAt: instant(values.resolveAt),
    firstResolvedAt: instant(values.firstResolvedAt),
    firstResolveDue: instant(values.firstResolveDue),
    callbackDue: instant(values.callbackDue),
    callbackAt: instant(values.callbackAt),
    callbackState: values.callbackState,
    // Columns the assessment does not count from.
    severity: '',
    channel: '',
    category: '',
    department: '',
    phone: '',
    ackDue: null,
    ackAt: null,
    transferDue: null,
    transferAt: null,
    feedbackDue: null,
    feedbackAt: null,
    satisfaction: null,
    repeatOf: '',
    reopenCount: 0,
    substantiated: '',
    personComplained: '',
    pausedMs: 0,
  };
}

/**
 * The tickets a month [from, to) can count, without reading every column of every ticket: a ticket
 * counts in the month only through an instant in it (core/assessment collectFacts, at-risk) —
 *   registered: Received at; resolved late: the deadline it missed (First resolve due, else Resolve due:
 *   a late outcome is dated at its deadline, core/reports/input outcomeOf); callback missed: Callback
 *   due; satisfaction: a scored callback attempt in the month (`scoredTicketIds`, from the Callbacks log).
 * So those five columns alone are read for every ticket (ID and Received at, then each deadline: one
 * read per run of adjacent columns) to pick the rows, and the rows picked are read with every column
 * the assessment needs in at most MAX_ROW_READS runs. 100,000 tickets: 500,000 cells, was 3.5 M.
 * If the sheet moved in between (sorted, rows inserted: the IDs read again differ), everything is read
 * in one go as before.
 */
export function readAssessTickets(
  ctx: JobContext,
  settings: DeskSettings,
  window: { from: number; to: number },
  scoredTicketIds: ReadonlySet<string>,
): AssessTicket[] {
  const table = ctx.table<TicketRow>(TICKETS);
  table.requireColumns(TICKET_KEYS);
  const ids = table.readRows(['id', 'receivedAt']).rows;
  const lastRow = ids.length + 1;
  const deadlines = readColumnRuns(table, 2, lastRow, ['resolveDue', 'firstResolveDue', 'callbackDue']);
  const inMonth = (cell: DateCell | undefined) => {
    const at = instant(cell);
    return at !== null && at >= window.from && at < window.to;
  };
  const idAt = new Map<number, string>();
  for (const [i, { row, values }] of ids.entries()) {
    if (values.id === '') continue;
    const due = deadlines[i]?.values;
    if (
      inMonth(values.receivedAt) ||
      scoredTicketIds.has(values.id) ||
      (due && (inMonth(due.resolveDue) || inMonth(due.firstResolveDue) || inMonth(due.callbackDue)))
    )
      idAt.set(row, values.id);
  }
  // Every ticket the month counts was picked at the row where one of the first two reads saw it; if it
  // moved since, that row now holds another ID (or none), so checking each picked row catches it.
  const tickets: AssessTicket[] = [];
  for (const run of rowRuns([...idAt.keys()], MAX_ROW_READS)) {
    for (const { row, values } of table.readRowSpan(run.first, run.last, TICKET_KEYS).rows) {
      const expected = idAt.get(row);
      if (expected === undefined) continue;
      if (values.id !== expected) return readAllTickets(ctx, settings);
      tickets.push(toAssessTicket(values, settings));
    }
  }
  return tickets.length === idAt.size ? tickets : readAllTickets(ctx, settings);
}

/** Every ticket with the columns the assessment counts from, in one read. */
function readAllTickets(ctx: JobContext, settings: DeskSettings): AssessTicket[] {
  return ctx
    .table<TicketRow>(TICKETS)
    .readRows(TICKET_KEYS)
    .rows.filter(({ values }) => values.id !== '')
    .map(({ values }) => toAssessTicket(values, settings));
}

/**
 * The rows of a log dated (`at`) in the month: the At column of every row, then the rows in the month
 * with `keys` in at most MAX_ROW_READS runs, each checked against the At read first; null when the
 * sheet moved in between (the caller reads it whole).
 */
function readRowsAt<R extends { at: DateCell }, K extends keyof R & string>(
  table: Table<R>,
  window: { from: number; to: number },
  keys: readonly K[],
): Array<TableRow<Pick<R, K>>> | null {
  table.requireColumns(keys);
  const atKey = 'at' as K;
  const atOf = (values: Pick<R, K>) => instant((values as Record<string, unknown>)[atKey] as DateCell);
  const picked = new Map<number, number>();
  for (const { row, values } of table.readRows([atKey]).rows) {
    const at = atOf(values);
    if (at !== null && at >= window.from && at < window.to) picked.set(row, at);
  }
  const withAt = keys.includes(atKey) ? keys : [...keys, atKey];
  const rows: Array<TableRow<Pick<R, K>>> = [];
  for (const run of rowRuns([...picked.keys()], MAX_ROW_READS)) {
    for (const read of table.readRowSpan(run.first, run.last, withAt).rows) {
      const expected = picked.get(read.row);
      if (expected === undefined) continue;
      if (atOf(read.values) !== expected) return null;
      rows.push(read);
    }
  }
  return rows.length === picked.size ? rows : null;
}

/** The month's callback attempts (by At): their scores are the month's satisfaction. */
export function readAssessCallbacks(ctx: JobContext, window: { from: number; to: number }): AssessCallback[] {
  if (!ctx.findSheet(CALLBACKS)) return [];
  const keys = ['ticketId', 'attemptNo', 'at', 'satisfaction', 'valid'] as const satisfies ReadonlyArray<
    keyof CallbackRow
  >;
  const table = ctx.table<CallbackRow>(CALLBACKS);
  const callbacks: AssessCallback[] = [];
  for (const { values } of readRowsAt(table, window, keys) ?? table.readRows(keys).rows) {
    const at = instant(values.at);
    if (values.ticketId === '' || at === null) continue;
    callbacks.push({
      ticketId: values.ticketId,
      attemptNo: number(values.attemptNo) ?? 0,
      at,
      satisfaction: values.valid === true ? number(values.satisfaction) : null,
    });
  }
  return callbacks;
}

/** The month's audits (by At): the QA average. */
export function readAssessAudits(ctx: JobContext, window: { from: number; to: number }): AssessAudit[] {
  if (!ctx.findSheet(AUDITS)) return [];
  const keys = ['auditId', 'at', 'staff', 'finalPercent', 'kind'] as const satisfies ReadonlyArray<
    keyof AuditRow
  >;
  const table = ctx.table<AuditRow>(AUDITS);
  const audits: AssessAudit[] = [];
  for (const { values } of readRowsAt(table, window, keys) ?? table.readRows(keys).rows) {
    const at = instant(values.at);
    if (values.auditId === '' || at === null) continue;
    audits.push({
      id: values.auditId,
      at,
      staff: values.staff,
      finalPercent: number(values.finalPercent),
      calibration: values.kind === 'calibration',
    });
  }
  return audits;
}

/**
 * The month's ledger entries: every entry names its month (Month column, the text YYYY-MM), so one
 * search (TextFinder, no cell read) finds the first and last rows of the month and only those rows are
 * read — a year of entries costs what one month does.
 */
export function readAssessMerits(ctx: JobContext, month: string): AssessMerit[] {
  if (!ctx.findSheet(MERITS)) return [];
  const keys = ['entryId', 'month', 'staff', 'points', 'sign', 'state'] as const satisfies ReadonlyArray<
    keyof MeritRow
  >;
  const table = ctx.table<MeritRow>(MERITS);
  // Cells containing the month (one call fewer than whole cells): the rows read are checked below.
  const span = table.spanOf('month', month, { wholeCell: false });
  if (span === null) return [];
  return readColumnRuns(table, span.first, span.last, keys)
    .filter(({ values }) => values.entryId !== '' && values.month === month)
    .map(({ values }) => ({
      entryId: values.entryId,
      month: values.month,
      staff: values.staff,
      points: number(values.points) ?? 0,
      sign: values.sign,
      counts: values.state === 'entered' || values.state === 'reversal',
    }));
}

export const ASSESSMENT_KEYS = ['month', 'staff', 'state', 'revision', 'flags', 'rank', 'total'] as const;

export type StoredAssessment = Pick<AssessmentRow, (typeof ASSESSMENT_KEYS)[number]> & { row: number };

/** Every Assessment row (50 people × the months so far: small), with its sheet row. */
export function readAssessments(ctx: JobContext): StoredAssessment[] {
  return ctx
    .table<AssessmentRow>(ASSESSMENT)
    .readRows(ASSESSMENT_KEYS)
    .rows.filter(({ values }) => values.month !== '')
    .map(({ row, values }) => ({ ...values, row }));
}
