/**
 * My queue: the signed-in person's open tickets by next deadline and their callbacks due (one read of
 * the columns it needs, from where the tickets still being worked begin: ../active-rows), their audit
 * sample and due inspections (./tasks.ts): a fixed number of calls whatever the size.
 */
import { OPEN_STATUSES } from '../../core/tickets';
import { enumLabel } from '../../i18n';
import { TICKETS, type TicketRow } from '../../workbook/schemas';
import { activeWindow } from '../active-rows';
import type { JobContext } from '../context';
import { STAGE_COLUMNS, STAGE_DONE_COLUMN, STAGE_DUE_COLUMN } from '../deadlines';
import type { DeskSettings } from '../settings';
import { formatPanelTime, slaOf, ticketRowsFrom } from './read';
import { myAuditSample, myInspections } from './tasks';
import type { QueueItem, QueueView } from './view';
import { whoIsSignedIn } from './who';

const QUEUE_KEYS = [
  'id',
  'type',
  'severity',
  'status',
  'customer',
  'assignee',
  'receivedAt',
  ...STAGE_COLUMNS,
  'callbackDue',
  'callbackState',
  'pausedMs',
  'waitingSince',
] as const satisfies ReadonlyArray<keyof TicketRow>;
type QueueKey = (typeof QUEUE_KEYS)[number];

const CALLBACK_DUE = new Set(['due', 'overdue', 'invalid']);
const OPEN = new Set<string>(OPEN_STATUSES);

export function myQueue(ctx: JobContext, settings: DeskSettings): QueueView {
  const { lang } = ctx;
  const me = whoIsSignedIn(ctx, settings);
  const view: QueueView = {
    me: me.email,
    staffName: me.staffName,
    tickets: [],
    callbacks: [],
    audits: [],
    inspections: [],
  };
  if (me.staffName === '') return view;
  view.audits = myAuditSample(ctx, settings, me.staffName);
  view.inspections = myInspections(ctx, settings, me.staffName);
  const now = ctx.now();
  for (const { row, values } of queueRows(ctx)) {
    if (values.id === '' || values.assignee !== me.staffName) continue;
    const base = {
      id: values.id,
      row,
      type: values.type ? enumLabel(lang, 'ticketType', values.type) : '',
      status: values.status ? enumLabel(lang, 'status', values.status) : '',
      customer: values.customer,
    };
    if (OPEN.has(values.status)) {
      const sla = slaOf(settings, values, now);
      let next: { at: number; stage: keyof typeof STAGE_DUE_COLUMN } | null = null;
      for (const stage of Object.keys(STAGE_DUE_COLUMN) as Array<keyof typeof STAGE_DUE_COLUMN>) {
        const due = values[STAGE_DUE_COLUMN[stage]];
        if (!(due instanceof Date) || values[STAGE_DONE_COLUMN[stage]] instanceof Date) continue;
        if (next === null || due.getTime() < next.at) next = { at: due.getTime(), stage };
      }
      const state = next ? (sla?.stages[next.stage] ?? null) : null;
      view.tickets.push(item(ctx, settings, base, next?.at ?? null, state));
    } else if (CALLBACK_DUE.has(values.callbackState)) {
      const due = values.callbackDue instanceof Date ? values.callbackDue.getTime() : null;
      const state =
        values.callbackState === 'overdue'
          ? 'breached'
          : values.callbackState === 'invalid'
            ? 'atRisk'
            : 'pending';
      view.callbacks.push({
        ...item(ctx, settings, base, due, state),
        stateLabel: values.callbackState ? enumLabel(lang, 'callbackState', values.callbackState) : '',
      });
    }
  }
  const byDue = (a: QueueItem, b: QueueItem) => a.nextDueAt - b.nextDueAt || a.id.localeCompare(b.id);
  view.tickets.sort(byDue);
  view.callbacks.sort(byDue);
  return view;
}

/**
 * The rows My queue looks at: from where the tickets still being worked begin (../active-rows, as the
 * last hourly sweep saw it) when its two anchor rows still hold their tickets; else every row.
 */
function queueRows(ctx: JobContext): ReadonlyArray<{ row: number; values: Pick<TicketRow, QueueKey> }> {
  const window = activeWindow(ctx.ports.store);
  if (window && window.from >= 2) {
    const rows = ticketRowsFrom(ctx, QUEUE_KEYS, window.from);
    const holds = (row: number, id: string) => rows.find((r) => r.row === row)?.values.id === id;
    if (holds(window.from, window.fromId) && holds(window.last, window.lastId)) return rows;
  }
  return ctx.table<TicketRow>(TICKETS).readRows(QUEUE_KEYS).rows;
}

function item(
  ctx: JobContext,
  settings: DeskSettings,
  base: Pick<QueueItem, 'id' | 'row' | 'type' | 'status' | 'customer'>,
  dueAt: number | null,
  state: QueueItem['state'],
): QueueItem {
  return {
    ...base,
    nextDue: dueAt === null ? '' : formatPanelTime(ctx.lang, settings, new Date(dueAt)),
    // Tickets without a deadline sort last.
    nextDueAt: dueAt ?? Number.MAX_SAFE_INTEGER,
    state,
    stateLabel: state ? enumLabel(ctx.lang, 'slaState', state) : '',
  };
}
