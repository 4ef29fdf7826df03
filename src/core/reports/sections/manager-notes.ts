/**
 * The manager's notes (seed 003 L397–402: the report states its problems, next period's plan and the
 * issues to coordinate): the Report notes rows written for this period, each field as its own lines. The
 * rows are one-cell lines, so long text runs across the empty cells beside it instead of widening a column.
 */
import type { ReportContext } from '../input';
import { label, type ReportCell, type ReportSection } from '../model';

const FIELDS = [
  ['problems', 'reports.notes.problems'],
  ['plan', 'reports.notes.plan'],
  ['coordinate', 'reports.notes.coordinate'],
] as const;

export function managerNotes(context: ReportContext): ReportSection | null {
  if (context.notes === undefined) return null;
  const wanted = context.period.label.toUpperCase();
  const notes = context.notes.filter((note) => note.report.trim().toUpperCase() === wanted);
  const rows: ReportCell[][] = [];
  for (const [field, heading] of FIELDS) {
    const lines = notes.flatMap((note) =>
      note[field]
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) =>
          note.writtenBy.trim() !== '' && notes.length > 1 ? `${line} (${note.writtenBy.trim()})` : line,
        ),
    );
    if (lines.length === 0) continue;
    rows.push([label(heading)]);
    for (const line of lines) rows.push([line]);
  }
  if (rows.length === 0) rows.push([label('reports.notes.none', { period: context.period.label })]);
  return {
    id: 'managerNotes',
    title: 'reports.section.managerNotes',
    columns: [{ header: 'reports.col.note', format: 'text' }],
    rows,
    mailRows: rows.length,
  };
}
