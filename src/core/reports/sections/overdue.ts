/**
 * Overdue list (SPEC §10): tickets open at the cut-off with a stage past its deadline, most late first:
 * ID, owner (assignee), the stage, its deadline and how late in working days (holidays do not count).
 */
import { businessTimeBetween } from '../../calendar';
import {
  isOpenAt,
  type ReportContext,
  type ReportTicket,
  STAGE_KEYS,
  type StageKey,
  workingDayMs,
} from '../input';
import { label, type ReportCell, type ReportSection } from '../model';

/** The earliest stage not done by `instant` whose deadline had passed, or null. */
export function overdueStage(ticket: ReportTicket, instant: number): { stage: StageKey; due: number } | null {
  let worst: { stage: StageKey; due: number } | null = null;
  for (const stage of STAGE_KEYS) {
    const due = ticket[`${stage}Due`];
    const done = ticket[`${stage}At`];
    if (due === null || due >= instant || (done !== null && done <= instant)) continue;
    if (!worst || due < worst.due) worst = { stage, due };
  }
  return worst;
}

export function overdueList(context: ReportContext): ReportSection {
  const late: Array<{ ticket: ReportTicket; stage: StageKey; due: number }> = [];
  for (const ticket of context.tickets) {
    if (!isOpenAt(ticket, context.asOf)) continue;
    const overdue = overdueStage(ticket, context.asOf);
    if (overdue) late.push({ ticket, ...overdue });
  }
  // Earliest deadline first = most late first. The sheet lists every one; the mail the first few.
  late.sort((a, b) => a.due - b.due || a.ticket.id.localeCompare(b.ticket.id));
  const dayMs = workingDayMs(context.calendar);
  const rows: ReportCell[][] = late.map(({ ticket, stage, due }) => [
    ticket.id,
    ticket.type === '' ? label('reports.value.none') : label(`enum.ticketType.${ticket.type}`),
    ticket.severity === '' ? label('reports.value.none') : label(`enum.severity.${ticket.severity}`),
    ticket.assignee === '' ? label('reports.value.unassigned') : ticket.assignee,
    ticket.department,
    label(`reports.stage.${stage}`),
    new Date(due),
    businessTimeBetween(context.calendar, due, context.asOf) / dayMs,
  ]);
  return {
    id: 'overdue',
    title: 'reports.section.overdue',
    columns: [
      { header: 'reports.col.id', format: 'text' },
      { header: 'reports.col.type', format: 'text' },
      { header: 'reports.col.severity', format: 'text' },
      { header: 'reports.col.owner', format: 'text' },
      { header: 'reports.col.department', format: 'text' },
      { header: 'reports.col.stage', format: 'text' },
      { header: 'reports.col.due', format: 'dateTime' },
      { header: 'reports.col.workingDaysLate', format: 'days' },
    ],
    rows,
    mailRows: context.targets.listLimit,
  };
}
