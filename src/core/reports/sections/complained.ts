/**
 * Persons complained about (被投诉人; seed 002 §3.4.4 complaint statistics): complaints received in the
 * period naming a person, per person, with how many were found substantiated (是否属实 = Yes) — most first.
 */
import { inWindow, type ReportContext } from '../input';
import type { ReportCell, ReportSection } from '../model';

export function personsComplainedAbout(context: ReportContext): ReportSection {
  const byPerson = new Map<string, { complaints: number; substantiated: number }>();
  for (const ticket of context.tickets) {
    if (ticket.type !== 'complaint' || ticket.status === 'cancelled') continue;
    const person = ticket.personComplained.trim();
    if (person === '' || !inWindow(ticket.receivedAt, context.current)) continue;
    const tally = byPerson.get(person) ?? { complaints: 0, substantiated: 0 };
    tally.complaints += 1;
    if (ticket.substantiated === 'yes') tally.substantiated += 1;
    byPerson.set(person, tally);
  }
  const rows: ReportCell[][] = [...byPerson]
    .sort(([a, x], [b, y]) => y.complaints - x.complaints || a.localeCompare(b))
    .map(([person, tally]) => [person, tally.complaints, tally.substantiated]);
  return {
    id: 'complained',
    title: 'reports.section.complained',
    columns: [
      { header: 'reports.col.person', format: 'text' },
      { header: 'reports.col.complaints', format: 'count' },
      { header: 'reports.col.substantiated', format: 'count' },
    ],
    rows,
    mailRows: context.targets.listLimit,
  };
}
