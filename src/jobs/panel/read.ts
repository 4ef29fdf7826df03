/**
 * Reading one ticket for the panel, at a cost that does not grow with the sheets (issue 19). A ticket
 * read before (./recall: its row, its History up to a row of History) costs 6 Sheets calls: the
 * remembered row, checked to hold the ID, and History from the remembered row to its last row (the
 * entries appended since, whoever wrote them). The first read, or one whose memory no longer holds (rows
 * sorted, moved or deleted; Google dropped the cache), searches instead: a TextFinder on the ID column
 * finds its row, one read brings it, a TextFinder on History's record-ID column finds its first entry
 * (and its last, when the first is over 500 rows from History's end), and one read brings the span.
 * No column or sheet is read whole. The deadline explanations are computed as the job that wrote them
 * into the due cells' notes computes them (jobs/deadlines); only when the row's deadlines are not the
 * ones the rules give now (the rules changed since, a rectification deadline) are the notes read, and
 * then remembered with the due cells they explain.
 *
 * Reads trust the header map cached by the last job that checked it (as appends do, workbook/table.ts);
 * a cell that does not decode means the columns moved since, and the header is read again. Ticket
 * writes never trust it: actions go through the same table updates as every job (History appends do,
 * as intake's, see ./actions).
 */
import { businessTimeBetween } from '../../core/calendar';
import { type EnumName, isEnumCode, type TicketStatus } from '../../core/enums';
import { evaluateSla, formatLocalDateTime, SLA_STAGES, type SlaStage, stageDoneAt } from '../../core/sla';
import { allowedMoves, OPEN_STATUSES } from '../../core/tickets';
import { enumLabel, LANGS, type Lang, type MessageKey, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { Grid, SheetPort } from '../../ports';
import { columnLabel, type SheetSchema } from '../../workbook/schema';
import { HISTORY, type HistoryRow, TICKETS, type TicketRow } from '../../workbook/schemas';
import type { Table } from '../../workbook/table';
import { type JobContext, MissingSheetError } from '../context';
import { type DeadlineColumn, STAGE_DONE_COLUMN, STAGE_DUE_COLUMN, ticketDeadlines } from '../deadlines';
import type { DeskSettings } from '../settings';
import { historyKey, type RememberedTicket } from './recall';
import { type HistoryView, type MoveView, RECORDED_STAGES, type StageView, type TicketView } from './view';

/** The timeline shows at most this many History rows (the latest); the History sheet has them all. */
export const HISTORY_LIMIT = 200;

export interface FoundTicket {
  row: number;
  values: TicketRow;
}

const ALL_KEYS = TICKETS.columns.map((column) => column.key) as ReadonlyArray<keyof TicketRow>;
const HISTORY_KEYS = HISTORY.columns.map((column) => column.key) as ReadonlyArray<keyof HistoryRow>;

/** Ticket IDs are compared as people type them: trimmed, any case (as the callback form does). */
export function normalizeId(id: string): string {
  return id.trim().toUpperCase();
}

function sheetOf(ctx: JobContext, schema: SheetSchema): SheetPort {
  const sheet = ctx.findSheet(schema);
  // ctx.table() found the same sheet a moment ago; a null here is a deleted sheet mid-execution.
  if (!sheet) throw new MissingSheetError(t(ctx.lang, schema.title));
  return sheet;
}

/** Reads `keys` of the rows first..first+count-1 with the known map, re-reading the header if cells do not decode. */
function readBlock<R extends object>(
  ctx: JobContext,
  table: Table<R>,
  keys: ReadonlyArray<keyof R & string>,
  first: number,
  count: number,
): { rows: Array<{ row: number; values: R }>; firstColumn: number } {
  const sheet = sheetOf(ctx, table.schema as SheetSchema);
  if (!table.knownHeaderMap()) table.headerMap();
  for (let attempt = 0; ; attempt++) {
    const span = table.columnSpan(keys);
    if (!span) return { rows: [], firstColumn: 1 };
    const width = span.last - span.first + 1;
    const grid: Grid = sheet.read(first, span.first, count, width);
    const decoded = table.decodeBlock(keys, grid, first, span.first);
    if (decoded.issues.length === 0 || table.verifiedHeaderMap() || attempt > 0) {
      return {
        rows: decoded.rows.map((r) => ({ row: r.row, values: r.values as R })),
        firstColumn: span.first,
      };
    }
    table.headerMap();
  }
}

/** Tickets rows from `first` to the sheet's last row, `keys` only (getLastRow and one read). */
export function ticketRowsFrom<K extends keyof TicketRow & string>(
  ctx: JobContext,
  keys: readonly K[],
  first: number,
): Array<{ row: number; values: TicketRow }> {
  const table = ctx.table<TicketRow>(TICKETS);
  const last = sheetOf(ctx, TICKETS as SheetSchema).lastRow();
  if (last < first) return [];
  return readBlock(ctx, table, keys, first, last - first + 1).rows;
}

/** The ticket in this row (every column, one read), or null when the row holds none. */
export function ticketAtRow(ctx: JobContext, row: number): FoundTicket | null {
  if (row < 2) return null;
  const table = ctx.table<TicketRow>(TICKETS);
  const line = readBlock(ctx, table, ALL_KEYS, row, 1).rows[0];
  if (!line || line.values.id === '') return null;
  return { row, values: line.values };
}

function sameInstant(a: unknown, b: unknown): boolean {
  return (a instanceof Date ? a.getTime() : '') === (b instanceof Date ? b.getTime() : '');
}

/** The due cells of a row as one string (instants), to tell whether remembered notes still explain them. */
function dueKey(ticket: TicketRow): string {
  return SLA_STAGES.map((stage) => ms(ticket[STAGE_DUE_COLUMN[stage]]) ?? '').join(',');
}

/**
 * How each deadline was computed: what the rules give for this row (the text intake and edits write into
 * the due cell's note), when those are the row's deadlines; else the due cells' notes — remembered with
 * the due cells they explain, or read (one getNotes). `read` is what was read, for ./recall.
 */
export function explanationsOf(
  ctx: JobContext,
  settings: DeskSettings,
  found: FoundTicket,
  remembered: RememberedTicket['notes'] | undefined = undefined,
): { text: Partial<Record<DeadlineColumn, string>>; read?: RememberedTicket['notes'] } {
  const computed = ticketDeadlines(settings, ctx.lang, found.values);
  const columns = SLA_STAGES.map((stage) => STAGE_DUE_COLUMN[stage]);
  if (computed && columns.every((column) => sameInstant(computed.values[column], found.values[column])))
    return { text: computed.notes };
  const due = dueKey(found.values);
  if (remembered && remembered.due === due) return { text: remembered.text, read: remembered };
  const table = ctx.table<TicketRow>(TICKETS);
  const span = table.columnSpan(columns);
  const map = table.knownHeaderMap();
  if (!span || !map) return { text: {} };
  const notes = sheetOf(ctx, TICKETS as SheetSchema).readNotes(
    found.row,
    span.first,
    1,
    span.last - span.first + 1,
  );
  const out: Partial<Record<DeadlineColumn, string>> = {};
  for (const column of columns) {
    const index = map.columns[column];
    const note = index === undefined ? '' : (notes[0]?.[index - span.first] ?? '');
    if (note !== '') out[column] = note;
  }
  return { text: out, read: { due, text: out } };
}

/**
 * The ticket in a row the panel saw it in. Rows deleted at the end of the sheet since can leave that row
 * outside the sheet, and Google then refuses the read ("The coordinates of the range are outside the
 * dimensions of the sheet"): the ticket is searched instead. Any other failure repeats in the search's
 * own calls and is thrown there.
 */
function hintedRow(ctx: JobContext, row: number): FoundTicket | null {
  try {
    return ticketAtRow(ctx, row);
  } catch {
    return null;
  }
}

/**
 * The ticket with this ID: the rows it was last seen in are tried first (the panel's, then the one
 * remembered), each used only if it still holds the ID; else a TextFinder on the ID column finds it.
 * Null when there is none.
 */
export function findTicket(
  ctx: JobContext,
  id: string,
  ...rowHints: Array<number | undefined>
): FoundTicket | null {
  const wanted = normalizeId(id);
  if (wanted === '') return null;
  const matches = (found: FoundTicket | null) => found !== null && normalizeId(found.values.id) === wanted;
  const tried = new Set<number>();
  for (const hint of rowHints) {
    if (hint === undefined || hint < 2 || tried.has(hint)) continue;
    tried.add(hint);
    const hinted = hintedRow(ctx, hint);
    if (matches(hinted)) return hinted;
  }
  const table = ctx.table<TicketRow>(TICKETS);
  if (!table.knownHeaderMap()) table.headerMap();
  const idColumn = table.knownHeaderMap()?.columns.id;
  if (idColumn === undefined) return null;
  const sheet = sheetOf(ctx, table.schema as SheetSchema);
  // The first cell containing the ID is the ticket's own (IDs are unique and fixed-width); a longer ID
  // that contains it (imported ones) is caught by the check, and the whole-cell search decides.
  const first = sheet.firstRowContaining(idColumn, 2, id.trim());
  const ticket = first === null ? null : ticketAtRow(ctx, first);
  if (first === null || matches(ticket)) return ticket;
  const exact = sheet.findInColumn(idColumn, 2, id.trim());
  const found = exact ? ticketAtRow(ctx, exact.first) : null;
  return matches(found) ? found : null;
}

/** History rows read on from the remembered row before History is searched instead (cells read stay bounded). */
const HISTORY_TAIL_ROWS = 500;

/** One ticket's timeline, and where History stood when it was read (for ./recall). */
interface Timeline {
  /** Oldest first, at most HISTORY_LIMIT (the latest). */
  rows: HistoryRow[];
  /** Entries left out (older than those shown). */
  older: number;
  /** History's last row when read (1 when it had no entries). */
  through: number;
  /** The entry in that row (historyKey). */
  tail: string;
}

function byTime(rows: HistoryRow[]): HistoryRow[] {
  // A stable sort: entries of one instant keep their sheet order (a person may have sorted History).
  return rows
    .map((row, index) => ({ row, index, at: ms(row.at) ?? 0 }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((item) => item.row);
}

function timeline(all: HistoryRow[], total: number, through: number, tail: string): Timeline {
  const rows = byTime(all).slice(-HISTORY_LIMIT);
  return { rows, older: Math.max(0, total - rows.length), through, tail };
}

/**
 * The remembered timeline brought up to date: one read of History from the remembered row to the last
 * one. Null when it cannot be trusted (History shrank, too many rows since, or the remembered row holds
 * another entry now: rows were deleted, inserted or sorted) — then History is searched.
 */
function updatedTimeline(
  ctx: JobContext,
  table: Table<HistoryRow>,
  wanted: string,
  last: number,
  remembered: RememberedTicket,
): Timeline | null {
  const { through } = remembered;
  if (through < 1 || last < through || last - through > HISTORY_TAIL_ROWS) return null;
  const from = Math.max(2, through);
  if (last < from) return timeline(remembered.history, remembered.total, through, remembered.tail);
  const block = readBlock(ctx, table, HISTORY_KEYS, from, last - from + 1).rows;
  if (through >= 2 && (block[0]?.row !== through || historyKey(block[0].values) !== remembered.tail))
    return null;
  const added = block
    .filter((r) => r.row > through && normalizeId(r.values.recordId) === wanted)
    .map((r) => r.values);
  const tailRow = block.find((r) => r.row === last);
  return timeline(
    [...remembered.history, ...added],
    remembered.total + added.length,
    last,
    tailRow ? historyKey(tailRow.values) : '',
  );
}

/** The entry in History row `row` as historyKey writes it (one read), '' for the header row. */
function historyKeyAt(ctx: JobContext, table: Table<HistoryRow>, row: number): string {
  if (row < 2) return '';
  const line = readBlock(ctx, table, HISTORY_KEYS, row, 1).rows[0];
  return line ? historyKey(line.values) : '';
}

/**
 * The History rows of one record, oldest first (at most HISTORY_LIMIT, the latest), and how many were
 * left out. From what was remembered when it can be trusted (one read); else a TextFinder on the
 * record-ID column finds the first and last entry, and one read brings the span.
 */
export function historyOf(ctx: JobContext, id: string, remembered: RememberedTicket | null = null): Timeline {
  const table = ctx.table<HistoryRow>(HISTORY);
  if (!table.knownHeaderMap()) table.headerMap();
  const column = table.knownHeaderMap()?.columns.recordId;
  if (column === undefined) return { rows: [], older: 0, through: 0, tail: '' };
  const sheet = sheetOf(ctx, table.schema as SheetSchema);
  const wanted = normalizeId(id);
  const last = sheet.lastRow();
  if (remembered && remembered.id === wanted) {
    const updated = updatedTimeline(ctx, table, wanted, last, remembered);
    if (updated) return updated;
  }
  // Not a whole-cell search (one call less): the rows read are filtered by their record ID below.
  const found = sheet.matchesInColumn(column, 2, id.trim(), { wholeCell: false });
  if (!found) return timeline([], 0, Math.max(1, last), historyKeyAt(ctx, table, last));
  if (last - found.first < HISTORY_TAIL_ROWS) {
    // The first entry is near History's end (a ticket worked lately): one read from it to the last row
    // holds every match, so the last match's row is not asked for (a call less) and the count is exact.
    const block = readBlock(ctx, table, HISTORY_KEYS, found.first, last - found.first + 1).rows;
    const mine = block.map((r) => r.values).filter((row) => normalizeId(row.recordId) === wanted);
    const lastLine = block.find((r) => r.row === last);
    return timeline(mine, mine.length, last, lastLine ? historyKey(lastLine.values) : '');
  }
  const span = { first: found.first, last: found.lastRow(), count: found.count };
  // A long-lived ticket's entries are spread over many rows: read the latest part of the span only,
  // on to History's last row when that is near (so the next read starts there).
  const maxRows = HISTORY_LIMIT * 20;
  const first = Math.max(span.first, span.last - maxRows + 1);
  const end = last >= span.last && last - span.last <= HISTORY_TAIL_ROWS ? last : span.last;
  const block = readBlock(ctx, table, HISTORY_KEYS, first, end - first + 1);
  const mine = block.rows.map((r) => r.values).filter((row) => normalizeId(row.recordId) === wanted);
  // Matches of other records containing the ID (a longer imported one) are not this ticket's.
  const others = block.rows.filter((r) => {
    const recordId = normalizeId(r.values.recordId);
    return r.row <= span.last && recordId !== wanted && recordId.includes(wanted);
  }).length;
  const total = Math.max(mine.length, span.count - others);
  const endRow = block.rows.find((r) => r.row === end);
  const tail = end === last ? (endRow ? historyKey(endRow.values) : '') : historyKeyAt(ctx, table, last);
  return timeline(mine, total, Math.max(1, last), tail);
}

/** Whether a ticket in this status is still being worked (its stages can still be recorded). */
export function isOpen(status: TicketStatus | ''): boolean {
  return status !== '' && OPEN_STATUSES.includes(status);
}

/** Every instant the panel shows, in the spreadsheet's time zone: "Tue 2026-03-03 10:00". */
export function formatPanelTime(lang: Lang, settings: DeskSettings, at: Date): string {
  return render(lang, formatLocalDateTime(settings.calendar, at.getTime()));
}

function when(lang: Lang, settings: DeskSettings, value: unknown): string {
  return value instanceof Date ? formatPanelTime(lang, settings, value) : '';
}

function text(lang: Lang, name: EnumName, value: unknown): string {
  return isEnumCode(name, value) ? enumLabel(lang, name, value as never) : String(value ?? '');
}

function ms(value: Date | ''): number | undefined {
  return value instanceof Date ? value.getTime() : undefined;
}

/** "2 h 30 min" of business time. */
export function formatBusinessTime(lang: Lang, millis: number): string {
  const minutes = Math.round(millis / 60000);
  if (minutes <= 0) return '';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return t(lang, 'panel.duration', { hours, minutes: rest });
}

/** Stage states as the sweep computes them (core/sla evaluateSla, stageDoneAt), at `now`. */
export type SlaInputRow = Pick<
  TicketRow,
  | 'receivedAt'
  | 'type'
  | 'severity'
  | 'status'
  | 'resolveAt'
  | 'waitingSince'
  | 'pausedMs'
  | 'ackAt'
  | 'transferAt'
  | 'feedbackAt'
>;

export function slaOf(settings: DeskSettings, ticket: SlaInputRow, now: Date) {
  const received = ms(ticket.receivedAt);
  if (received === undefined || ticket.type === '' || ticket.severity === '') return null;
  const settled = ticket.status === 'resolved' || ticket.status === 'closed';
  const resolved = settled ? ms(ticket.resolveAt) : undefined;
  // A wait still running pauses the resolve clock up to now; the column holds finished waits only.
  const waiting = ms(ticket.waitingSince);
  const running =
    ticket.status === 'waitingOnCustomer' && waiting !== undefined
      ? Math.max(0, businessTimeBetween(settings.calendar, waiting, now.getTime()))
      : 0;
  const doneAt: Partial<Record<SlaStage, number>> = {};
  for (const stage of SLA_STAGES) {
    const own = stage === 'resolve' ? resolved : ms(ticket[STAGE_DONE_COLUMN[stage]]);
    const done = stageDoneAt(own, stage === 'resolve' ? undefined : ms(ticket.resolveAt));
    if (done !== null) doneAt[stage] = done;
  }
  return evaluateSla(
    settings.sla,
    settings.calendar,
    {
      type: ticket.type,
      severity: ticket.severity,
      receivedAt: received,
      resolvedAt: resolved,
      pausedMs: (typeof ticket.pausedMs === 'number' ? ticket.pausedMs : 0) + running,
      doneAt,
    },
    now.getTime(),
  );
}

/** A digest of the cells staff change, so a hand edit the edit job does not stamp is still noticed. */
export function versionOf(ticket: TicketRow): string {
  const updated = ticket.updatedAt instanceof Date ? ticket.updatedAt.getTime() : 0;
  const cells = [
    ticket.status,
    ticket.assignee,
    ticket.department,
    ticket.resolution,
    ticket.severity,
    ticket.category,
    ticket.type,
  ].join('\u0001');
  let hash = 5381;
  for (let i = 0; i < cells.length; i++) hash = (Math.imul(hash, 33) ^ cells.charCodeAt(i)) >>> 0;
  return `${updated}:${hash.toString(36)}`;
}

const ATTEMPT_FIELDS = LANGS.map(
  (lang) =>
    new RegExp(
      `^${t(lang, 'callbacks.history.attempt', { n: '\u0000' })
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace('\u0000', '\\d+')}$`,
    ),
);

/** Callback attempts since the ticket was last resolved: History records each one (jobs/callbacks). */
function attemptsOf(history: readonly HistoryRow[], ticket: TicketRow): number {
  const since = ms(ticket.resolveAt) ?? 0;
  return history.filter(
    (row) => ATTEMPT_FIELDS.some((pattern) => pattern.test(row.field)) && (ms(row.at) ?? 0) >= since,
  ).length;
}

const NEEDS: Partial<Record<TicketStatus, MoveView['needs']>> = {
  resolved: 'resolution',
  cancelled: 'reason',
  inProgress: 'assignee',
  waitingOnCustomer: 'note',
};

const FIELD_KEYS = [
  'type',
  'category',
  'severity',
  'channel',
  'receivedAt',
  'receivedBy',
  'customer',
  'phone',
  'email',
  'address',
  'orderNo',
  'personComplained',
  'department',
  'assignee',
  'repeatOf',
  'parentTicket',
  'reopenCount',
] as const satisfies ReadonlyArray<keyof TicketRow>;

export function ticketView(
  ctx: JobContext,
  settings: DeskSettings,
  found: FoundTicket,
  history: { rows: HistoryRow[]; older: number },
  explanations: Partial<Record<DeadlineColumn, string>>,
): TicketView {
  const { lang } = ctx;
  const ticket = found.values;
  const now = ctx.now();
  const sla = slaOf(settings, ticket, now);
  const label = (key: keyof TicketRow) => {
    const column = TICKETS.columns.find((c) => c.key === key);
    return column ? columnLabel(column, lang) : key;
  };
  const fieldValue = (key: (typeof FIELD_KEYS)[number]): string => {
    const value = ticket[key];
    if (value instanceof Date) return when(lang, settings, value);
    const column = TICKETS.columns.find((c) => c.key === key);
    return column?.enum ? text(lang, column.enum, value) : String(value ?? '');
  };
  const stages: StageView[] = SLA_STAGES.map((stage) => {
    const state = sla?.stages[stage] ?? null;
    return {
      stage,
      label: t(lang, `reports.stage.${stage}` as MessageKey),
      due: when(lang, settings, ticket[STAGE_DUE_COLUMN[stage]]),
      done: when(lang, settings, ticket[STAGE_DONE_COLUMN[stage]]),
      state,
      stateLabel: state ? enumLabel(lang, 'slaState', state) : '',
      explanation: explanations[STAGE_DUE_COLUMN[stage]] ?? '',
      canRecord:
        (RECORDED_STAGES as readonly string[]).includes(stage) &&
        ticket[STAGE_DUE_COLUMN[stage]] instanceof Date &&
        !(ticket[STAGE_DONE_COLUMN[stage]] instanceof Date) &&
        isOpen(ticket.status),
    };
  });
  const status = ticket.status;
  const moves: MoveView[] =
    status === ''
      ? []
      : allowedMoves(status).map((to) => ({
          to,
          label: enumLabel(lang, 'status', to),
          needs: NEEDS[to] ?? null,
        }));
  const paused = (typeof ticket.pausedMs === 'number' ? ticket.pausedMs : 0) || 0;
  const historyViews: HistoryView[] = history.rows.map((row) => ({
    at: when(lang, settings, row.at),
    actor: row.actor,
    field: row.field,
    oldValue: row.oldValue,
    newValue: row.newValue,
    source: text(lang, 'historySource', row.source),
  }));
  return {
    id: ticket.id,
    row: found.row,
    version: versionOf(ticket),
    updatedAt: when(lang, settings, ticket.updatedAt),
    status,
    statusLabel: text(lang, 'status', status),
    slaState: ticket.slaState,
    slaStateLabel: text(lang, 'slaState', ticket.slaState),
    fields: FIELD_KEYS.map((key) => ({ key, label: label(key), value: fieldValue(key) })).filter(
      (field) => field.value !== '',
    ),
    description: ticket.description,
    resolution: ticket.resolution,
    stages,
    paused: formatBusinessTime(lang, paused),
    waitingSince: when(lang, settings, ticket.waitingSince),
    escalationLevel: typeof ticket.escalationLevel === 'number' ? ticket.escalationLevel : 0,
    callback: {
      state: ticket.callbackState,
      stateLabel: text(lang, 'callbackState', ticket.callbackState),
      open: when(lang, settings, ticket.callbackOpen),
      due: when(lang, settings, ticket.callbackDue),
      at: when(lang, settings, ticket.callbackAt),
      satisfaction: ticket.satisfaction === '' ? '' : String(ticket.satisfaction),
      attempts: attemptsOf(history.rows, ticket),
      canLog: (status === 'resolved' || status === 'closed') && ticket.callbackState !== 'notRequired',
    },
    history: historyViews,
    olderHistory: history.older,
    moves,
    assignee: ticket.assignee,
    department: ticket.department,
  };
}
