/**
 * The one way a ticket comes into being (SPEC §4 steps 3, 6): the ID from the per-type-per-year counter,
 * the SLA deadlines with their explanation notes, one append of every new row, the "created" History
 * entries. Intake (form responses) and inspections (rectification tickets) both call it under the
 * document lock, after deciding routing and review themselves.
 */
import { addDuration, type Duration, yearOf } from '../core/calendar';
import type { HistorySource } from '../core/enums';
import { ticketPrefix } from '../core/settings';
import { explainDue } from '../core/sla';
import { counterKey, formatTicketId, type IntakeFields, nextCounter, parseTicketId } from '../core/tickets';
import { enumLabel, t } from '../i18n';
import { render } from '../i18n/render';
import { TICKETS, type TicketRow } from '../workbook/schemas';
import type { JobContext } from './context';
import { deadlinesFor } from './deadlines';
import { appendHistory, type HistoryEntry } from './history';
import type { DeskSettings } from './settings';

export interface NewTicket {
  fields: IntakeFields;
  department: string;
  assignee: string;
  needsReview: boolean;
  reviewNote: string;
  repeatOf: string;
  supervised: boolean;
  formResponseId: string;
  /** Columns beyond intake's (e.g. the inspection a rectification ticket comes from). */
  extra?: Partial<TicketRow>;
  /** A resolve deadline other than the SLA row's (a rectification's working days), with what it is called. */
  resolveIn?: { duration: Duration; label: string };
  /** Who History names for this ticket, when not the call's actor (an imported row names its file). */
  actor?: string;
  /** An ID already allocated by allocateTicketIds (the import numbers a batch first, to link repeats). */
  id?: string;
}

export interface WrittenTicket {
  id: string;
  row: number;
  record: Partial<TicketRow>;
}

function yearIn(settings: DeskSettings, instant: Date): number {
  return yearOf(settings.calendar.zone.toLocal(instant.getTime()).dayNumber);
}

/**
 * The next IDs of each ticket's per-type-per-year series, in order, and the counters that number them —
 * nothing stored yet, so a job can journal the IDs before the counters move (inspections do).
 */
export function peekTicketIds(
  ctx: JobContext,
  settings: DeskSettings,
  tickets: ReadonlyArray<Pick<IntakeFields, 'type' | 'receivedAt'>>,
): { ids: string[]; counters: Map<string, number> } {
  const counters = new Map<string, number>();
  const ids = tickets.map((fields) => {
    const prefix = ticketPrefix(settings.general, fields.type);
    const year = yearIn(settings, fields.receivedAt);
    const key = counterKey(prefix, year);
    const n = counters.has(key) ? (counters.get(key) as number) + 1 : nextCounter(ctx.ports.store.get(key));
    counters.set(key, n);
    return formatTicketId(prefix, year, n);
  });
  return { ids, counters };
}

/**
 * Moves each series' counter up to the highest of these IDs, where it is behind (a resumed step that
 * journaled its IDs before a kill stores them again; a counter never moves back).
 */
export function storeTicketCounters(ctx: JobContext, ids: readonly string[]): void {
  const highest = new Map<string, number>();
  for (const id of ids) {
    const parts = parseTicketId(id);
    if (!parts) continue;
    const key = counterKey(parts.prefix, parts.year);
    highest.set(key, Math.max(highest.get(key) ?? 0, parts.n));
  }
  for (const [key, n] of highest)
    if (n > (Number(ctx.ports.store.get(key) ?? '0') || 0)) ctx.ports.store.set(key, String(n));
}

/**
 * The next IDs of each ticket's per-type-per-year series, in order. Each counter is read once and
 * stored once per call, before anything is written: a batch of 1,000 imported tickets costs two
 * property calls per series, not two per ticket. A kill after the store leaves unused numbers (never
 * reused), never a duplicate ID. Call under the document lock.
 */
export function allocateTicketIds(
  ctx: JobContext,
  settings: DeskSettings,
  tickets: ReadonlyArray<Pick<IntakeFields, 'type' | 'receivedAt'>>,
): string[] {
  const { ids, counters } = peekTicketIds(ctx, settings, tickets);
  for (const [key, n] of counters) ctx.ports.store.set(key, String(n));
  return ids;
}

/** A new ticket's row, its deadline notes and who History names, before anything is written. */
export interface PreparedTicket {
  id: string;
  record: Partial<TicketRow>;
  notes: Partial<Record<keyof TicketRow & string, string>>;
  actor: string;
}

/**
 * IDs (allocated for tickets without one), deadlines with their notes and the full row of each ticket;
 * nothing written. `now` is the instant the rows carry (a resumed step passes its first attempt's).
 */
export function prepareNewTickets(
  ctx: JobContext,
  settings: DeskSettings,
  tickets: readonly NewTicket[],
  actor: string,
  now: Date = ctx.now(),
): PreparedTicket[] {
  if (tickets.length === 0) return [];
  const { lang } = ctx;
  const ids = allocateTicketIds(
    ctx,
    settings,
    tickets.filter((ticket) => !ticket.id).map((ticket) => ticket.fields),
  );
  let next = 0;
  return tickets.map((ticket) => {
    const { fields } = ticket;
    const id = ticket.id ?? ids[next++];
    const deadlines = deadlinesFor(settings, lang, {
      type: fields.type,
      severity: fields.severity,
      receivedAt: fields.receivedAt,
    });
    if (ticket.resolveIn) {
      const start = fields.receivedAt.getTime();
      const due = addDuration(settings.calendar, start, ticket.resolveIn.duration);
      deadlines.values.resolveDue = new Date(due);
      deadlines.notes.resolveDue = render(
        lang,
        explainDue(settings.calendar, {
          start,
          duration: ticket.resolveIn.duration,
          due,
          label: ticket.resolveIn.label,
        }),
      );
    }
    const record: Partial<TicketRow> = {
      ...fields,
      id,
      department: ticket.department,
      assignee: ticket.assignee,
      status: 'new',
      needsReview: ticket.needsReview,
      reviewNote: ticket.reviewNote,
      ...deadlines.values,
      slaState: 'pending',
      escalationLevel: 0,
      repeatOf: ticket.repeatOf,
      supervised: ticket.supervised,
      reopenCount: 0,
      pausedMs: 0,
      formResponseId: ticket.formResponseId,
      createdAt: now,
      updatedAt: now,
      ...ticket.extra,
    };
    return { id, record, notes: deadlines.notes, actor: ticket.actor ?? actor };
  });
}

/** Appends the rows in one write; returns the first row. Call under the document lock. */
export function appendTicketRows(ctx: JobContext, prepared: readonly PreparedTicket[]): number {
  return ctx.table<TicketRow>(TICKETS).appendRecords(prepared.map((ticket) => ticket.record)).firstRow;
}

/** The deadline notes of tickets written from `firstRow` on (writing them again changes nothing). */
export function writeTicketNotes(
  ctx: JobContext,
  firstRow: number,
  prepared: readonly PreparedTicket[],
): void {
  ctx.table<TicketRow>(TICKETS).writeNotesOfRows(
    firstRow,
    prepared.map((ticket) => ticket.notes),
  );
}

/** The "created" History entry of each ticket. */
export function createdHistory(ctx: JobContext, prepared: readonly PreparedTicket[]): HistoryEntry[] {
  const { lang } = ctx;
  return prepared.map((ticket) => ({
    actor: ticket.actor,
    recordId: ticket.id,
    field: t(lang, 'history.created'),
    oldValue: '',
    newValue: enumLabel(lang, 'status', ticket.record.status || 'new'),
  }));
}

/** Allocates IDs, computes deadlines and writes the tickets in one append. Call under the document lock. */
export function writeNewTickets(
  ctx: JobContext,
  settings: DeskSettings,
  tickets: readonly NewTicket[],
  source: HistorySource,
  actor: string,
  /** Intake's single History row goes under the cached header map (its call budget, Table.appendRecord). */
  { trustCachedHistoryHeader = false }: { trustCachedHistoryHeader?: boolean } = {},
): WrittenTicket[] {
  if (tickets.length === 0) return [];
  const prepared = prepareNewTickets(ctx, settings, tickets, actor);
  const firstRow = appendTicketRows(ctx, prepared);
  writeTicketNotes(ctx, firstRow, prepared);
  appendHistory(ctx, source, createdHistory(ctx, prepared), { trustCachedHeader: trustCachedHistoryHeader });
  return prepared.map((ticket, i) => ({ id: ticket.id, row: firstRow + i, record: ticket.record }));
}
