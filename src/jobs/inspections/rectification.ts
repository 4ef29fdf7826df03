/**
 * Rectification tickets (SPEC §9): every failed item becomes a Repair ticket for the area owner's
 * department, due in the item's rectification working days, written by the same ticket writer as intake
 * (IDs, routing fields, SLA, History). A re-inspection that passes the item closes its ticket.
 */
import { ENUMS, type TicketStatus } from '../../core/enums';
import type { AreaSetting, ItemOutcome, OpenRectification } from '../../core/inspections';
import type { StaffMember } from '../../core/settings';
import { categoryKey } from '../../core/settings';
import { sanitizeUserText } from '../../core/text';
import { enumLabel, t } from '../../i18n';
import { TICKETS, type TicketRow } from '../../workbook/schemas';
import type { RowChange } from '../../workbook/table';
import type { JobContext } from '../context';
import type { HistoryEntry } from '../history';
import type { NewTicket } from '../new-tickets';
import type { DeskSettings } from '../settings';

export interface RectificationInput {
  inspectionId: string;
  area: AreaSetting;
  inspector: string;
  at: Date;
  failures: readonly ItemOutcome[];
  notes: Readonly<Record<string, string>>;
  repeats: ReadonlySet<string>;
}

/** The owner's department: the area's, else the owner's in ⚙ Staff. */
export function ownerDepartment(area: AreaSetting, staff: readonly StaffMember[]): string {
  if (area.department !== '') return area.department;
  return staff.find((member) => member.active && member.name === area.owner)?.department ?? '';
}

export function rectificationLink(inspectionId: string, outcome: ItemOutcome): string {
  return `${inspectionId} · ${outcome.item.section} / ${outcome.item.item}`;
}

export function rectificationTickets(
  ctx: JobContext,
  settings: DeskSettings,
  input: RectificationInput,
): NewTicket[] {
  const { lang } = ctx;
  const { area } = input;
  const owner = settings.staff.find((member) => member.active && member.name === area.owner);
  const department = ownerDepartment(area, settings.staff);
  const category = settings.categories.find(
    (entry) => entry.active && categoryKey(entry.label) === categoryKey(area.linkedCategory),
  );
  return input.failures.map((outcome) => {
    const note = input.notes[outcome.item.key] ?? '';
    const description = t(lang, 'inspections.ticket.description', {
      id: input.inspectionId,
      area: area.area,
      item: `${outcome.item.section} / ${outcome.item.item}`,
      answer:
        outcome.percent === null
          ? ''
          : outcome.item.kind === 'passFail'
            ? enumLabel(lang, 'inspectionAnswer', 'fail')
            : `${outcome.percent} %`,
      note: note === '' ? '—' : note,
    });
    const reviews: string[] = [];
    if (!owner) reviews.push(t(lang, 'inspections.review.ownerUnknown', { owner: area.owner }));
    return {
      fields: {
        channel: 'other',
        type: 'repair',
        category: category?.label ?? '',
        severity: outcome.item.critical ? 'major' : 'general',
        customer: area.area,
        phone: '',
        email: '',
        address: area.area,
        orderNo: '',
        description: sanitizeUserText(description, settings.general.descriptionMaxLength).text,
        personComplained: area.owner,
        receivedBy: input.inspector,
        receivedAt: input.at,
        parentTicket: '',
      },
      department,
      assignee: owner ? owner.name : '',
      needsReview: reviews.length > 0,
      reviewNote: reviews.join('\n'),
      repeatOf: '',
      // A repeat finding is watched like a repeat complaint (seed 000 L799–801).
      supervised: input.repeats.has(outcome.item.key),
      formResponseId: '',
      extra: { inspection: rectificationLink(input.inspectionId, outcome), callbackState: 'notRequired' },
      resolveIn: {
        duration: { amount: outcome.item.rectifyDays, unit: 'wd' },
        label: t(lang, 'inspections.ticket.rule'),
      },
    };
  });
}

const CLOSE_KEYS = ['id', 'status', 'resolveDue', 'resolution', 'firstResolvedAt'] as const;
type CloseRow = Pick<TicketRow, (typeof CLOSE_KEYS)[number]>;

/** A status journaled as text, back to its code ('' when it is none of them). */
function statusCode(text: string | undefined): TicketStatus | '' {
  return (ENUMS.status as readonly string[]).includes(text ?? '') ? (text as TicketStatus) : '';
}

export interface ClosePlan {
  /** Tickets this re-inspection closes (or closed, in an attempt that was cut short). */
  closed: string[];
  /** Their status before the close, by ticket ID: journaled, since the close overwrites it. */
  before: Record<string, string>;
  /** The cells still to write. */
  changes: RowChange<TicketRow>[];
  history: HistoryEntry[];
}

/**
 * Plans the closing of the tickets of rectifications a re-inspection passed: status Closed, the
 * resolution naming the re-inspection, Resolve at now. Each ticket is found at its remembered row and
 * checked by ID there; if the sheet was sorted since, one read of the ID column finds it. Tickets already
 * settled by a manager (Closed, Cancelled) are left as they are. Resuming an attempt that was cut short
 * (`earlier`: the statuses it journaled), a ticket whose resolution already names this re-inspection was
 * closed by it: counted and logged with the status it had, not written again.
 */
export function planCloses(
  ctx: JobContext,
  closes: readonly OpenRectification[],
  recheckId: string,
  actor: string,
  now: Date,
  earlier: Readonly<Record<string, string>> | null = null,
): ClosePlan {
  const plan: ClosePlan = { closed: [], before: {}, changes: [], history: [] };
  if (closes.length === 0) return plan;
  const { lang } = ctx;
  const table = ctx.table<TicketRow>(TICKETS);
  const found = new Map<string, { row: number; values: CloseRow }>();
  const missing: OpenRectification[] = [];
  for (const open of closes) {
    const [hit] = table.readRowsAt(open.ticketRow, 1, CLOSE_KEYS).rows;
    if (hit && hit.values.id === open.ticketId) found.set(open.ticketId, hit);
    else missing.push(open);
  }
  if (missing.length > 0) {
    const wanted = new Set(missing.map((open) => open.ticketId));
    for (const row of table.readRows(CLOSE_KEYS).rows)
      if (wanted.has(row.values.id)) found.set(row.values.id, row);
  }
  const marker = t(lang, 'inspections.ticket.closedByRecheck', { id: recheckId });
  const statusField = t(lang, 'col.tickets.status');
  const label = (status: TicketStatus | '') => (status === '' ? '' : enumLabel(lang, 'status', status));
  for (const open of closes) {
    const hit = found.get(open.ticketId);
    if (!hit) continue;
    const already = earlier !== null && hit.values.resolution.includes(marker);
    if (!already && (hit.values.status === 'closed' || hit.values.status === 'cancelled')) continue;
    const status = already ? statusCode(earlier[open.ticketId]) : hit.values.status;
    plan.before[open.ticketId] = status;
    plan.closed.push(open.ticketId);
    // Logged as the lifecycle runs (resolved, then closed), so History shows when it was put right.
    plan.history.push(
      {
        actor,
        recordId: open.ticketId,
        field: statusField,
        oldValue: label(status),
        newValue: enumLabel(lang, 'status', 'resolved'),
      },
      {
        actor,
        recordId: open.ticketId,
        field: statusField,
        oldValue: enumLabel(lang, 'status', 'resolved'),
        newValue: enumLabel(lang, 'status', 'closed'),
      },
    );
    if (already) continue;
    const due = hit.values.resolveDue;
    plan.changes.push({
      row: hit.row,
      values: {
        status: 'closed',
        resolution: [hit.values.resolution, marker].filter((text) => text !== '').join('\n'),
        resolveAt: now,
        // The first resolution and its deadline, which the reports' timeliness counts (as an edit sets them).
        ...(hit.values.firstResolvedAt instanceof Date ? {} : { firstResolvedAt: now, firstResolveDue: due }),
        callbackState: 'notRequired',
        slaState: due instanceof Date && now.getTime() > due.getTime() ? 'metLate' : 'met',
        updatedAt: now,
      },
    });
  }
  return plan;
}
