/**
 * Merits and the monthly assessment in the reports (SPEC §8.2–8.3, §10): the monthly report shows the
 * month's assessment — totals, grades and ranks per department, flags — with its figures (grades,
 * appeals and how they were decided) and the merit/demerit summary by person; the weekly and monthly
 * reports list the period's ledger entries. Counted from the Assessment, Assessment appeals and Merits
 * sheets, never recomputed here (the assessment job owns the figures).
 */
import {
  type AssessmentReportInput,
  inWindow,
  type ReportAssessmentAppeal,
  type ReportContext,
} from '../input';
import { label, type ReportCell, type ReportSection } from '../model';
import { pendingSection } from './pending';

const GRADES = ['A', 'B', 'C', 'D'] as const;

function assessmentTable(context: ReportContext, input: AssessmentReportInput): ReportSection[] {
  const month = context.period.label;
  const rows = input.rows
    .filter((row) => row.month === month)
    .sort(
      (a, b) =>
        a.department.localeCompare(b.department) ||
        (a.rank ?? 0) - (b.rank ?? 0) ||
        a.staff.localeCompare(b.staff),
    );
  const table: ReportSection = {
    id: 'assessment',
    title: 'reports.section.assessment',
    columns: [
      { header: 'reports.col.department', format: 'text' },
      { header: 'reports.assessment.col.rank', format: 'count' },
      { header: 'reports.col.staff', format: 'text' },
      { header: 'reports.assessment.col.total', format: 'count' },
      { header: 'reports.assessment.col.grade', format: 'text' },
      { header: 'reports.assessment.col.flags', format: 'text' },
      { header: 'reports.assessment.col.state', format: 'text' },
    ],
    rows:
      rows.length === 0
        ? [[label('reports.assessment.none'), null, null, null, null, null, null]]
        : rows.map((row) => [
            row.department,
            row.rank,
            row.staff,
            row.total,
            row.grade,
            row.flags,
            row.state === '' ? null : label(`enum.assessmentState.${row.state}`),
          ]),
    mailRows: 60,
  };
  if (rows.length === 0) return [table];
  const appeals = input.appeals.filter((appeal) => appeal.month === month);
  const count = (decisions: ReadonlyArray<ReportAssessmentAppeal['decision']>) =>
    appeals.filter((appeal) => decisions.includes(appeal.decision)).length;
  const totals = rows.map((row) => row.total ?? 0);
  const figures: Array<[ReportCell, number]> = [
    [label('reports.assessment.figure.people'), rows.length],
    [
      label('reports.assessment.figure.average'),
      Math.round((totals.reduce((a, b) => a + b, 0) / rows.length) * 10) / 10,
    ],
    ...GRADES.map((grade): [ReportCell, number] => [
      label('reports.assessment.figure.grade', { grade }),
      rows.filter((row) => row.grade === grade).length,
    ]),
    [label('reports.assessment.figure.flagged'), rows.filter((row) => row.flags !== '').length],
    [label('reports.assessment.figure.appeals'), appeals.length],
    [label('reports.assessment.figure.upheld'), count(['accept', 'partly'])],
    [label('reports.assessment.figure.rejected'), count(['reject'])],
    [label('reports.assessment.figure.late'), count(['expired'])],
    [label('reports.assessment.figure.pending'), count(['pending', ''])],
  ];
  return [
    {
      id: 'assessmentFigures',
      title: 'reports.section.assessmentFigures',
      columns: [
        { header: 'reports.assessment.col.figure', format: 'text' },
        { header: 'reports.col.value', format: 'count' },
      ],
      rows: figures,
      mailRows: figures.length,
    },
    table,
  ];
}

function meritEntries(context: ReportContext, input: AssessmentReportInput): ReportSection[] {
  const entries = input.entries.filter((entry) => inWindow(entry.at, context.current));
  const list: ReportSection = {
    id: 'merits',
    title: 'reports.section.merits',
    columns: [
      { header: 'reports.assessment.col.at', format: 'dateTime' },
      { header: 'reports.assessment.col.entry', format: 'text' },
      { header: 'reports.col.staff', format: 'text' },
      { header: 'reports.assessment.col.item', format: 'text' },
      { header: 'reports.assessment.col.points', format: 'count' },
      { header: 'reports.assessment.col.rule', format: 'text' },
      { header: 'reports.assessment.col.evidence', format: 'text' },
    ],
    rows:
      entries.length === 0
        ? [[null, label('reports.assessment.noEntries'), null, null, null, null, null]]
        : entries.map((entry) => [
            new Date(entry.at),
            entry.entryId,
            entry.staff,
            entry.item,
            entry.points,
            entry.rule === '' ? null : label(`enum.meritRule.${entry.rule}`),
            entry.evidence,
          ]),
    mailRows: context.period.kind === 'weekly' ? 30 : undefined,
  };
  if (context.period.kind !== 'monthly' || entries.length === 0) return [list];
  const byPerson = new Map<string, { merits: number; demerits: number }>();
  for (const entry of entries) {
    if (!entry.counts || entry.points === null) continue;
    const sums = byPerson.get(entry.staff) ?? { merits: 0, demerits: 0 };
    if (entry.points > 0) sums.merits += entry.points;
    else sums.demerits -= entry.points;
    byPerson.set(entry.staff, sums);
  }
  const summary: ReportSection = {
    id: 'meritsByPerson',
    title: 'reports.section.meritsByPerson',
    columns: [
      { header: 'reports.col.staff', format: 'text' },
      { header: 'reports.assessment.col.merits', format: 'count' },
      { header: 'reports.assessment.col.demerits', format: 'count' },
      { header: 'reports.assessment.col.net', format: 'count' },
    ],
    rows: [...byPerson]
      .sort((a, b) => b[1].merits - b[1].demerits - (a[1].merits - a[1].demerits) || a[0].localeCompare(b[0]))
      .map(([staff, sums]) => [staff, sums.merits, sums.demerits, sums.merits - sums.demerits]),
    mailRows: 20,
  };
  return [summary, list];
}

/** The assessment (monthly) and the ledger's entries (weekly and monthly). */
export function assessmentSections(context: ReportContext): ReportSection[] {
  const input = context.assessment;
  if (!input) {
    const pending = pendingSection('assessment', ['monthly'])(context);
    return pending ? [pending] : [];
  }
  const monthly = context.period.kind === 'monthly' ? assessmentTable(context, input) : [];
  return [...monthly, ...meritEntries(context, input)];
}
