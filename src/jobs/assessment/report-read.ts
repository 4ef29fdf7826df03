/**
 * What the reports read of merits and the assessment (one batched read of each sheet): the Assessment
 * rows, the Assessment appeals and the Merits ledger. Undefined on a desk without these sheets.
 */
import type { AssessmentReportInput } from '../../core/reports';
import {
  ASSESSMENT,
  ASSESSMENT_APPEALS,
  type AssessmentAppealRow,
  type AssessmentRow,
  MERITS,
  type MeritRow,
} from '../../workbook/schemas';
import type { JobContext } from '../context';

const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function readAssessmentReport(ctx: JobContext): AssessmentReportInput | undefined {
  if (!ctx.findSheet(ASSESSMENT) || !ctx.findSheet(MERITS)) return undefined;
  const rows = ctx
    .table<AssessmentRow>(ASSESSMENT)
    .readRows(['month', 'staff', 'department', 'total', 'grade', 'rank', 'flags', 'state'])
    .rows.filter(({ values }) => values.month !== '')
    .map(({ values }) => ({ ...values, total: number(values.total), rank: number(values.rank) }));
  const appeals = ctx.findSheet(ASSESSMENT_APPEALS)
    ? ctx
        .table<AssessmentAppealRow>(ASSESSMENT_APPEALS)
        .readRows(['month', 'decision'])
        .rows.map(({ values }) => values)
    : [];
  const entries = ctx
    .table<MeritRow>(MERITS)
    .readRows(['entryId', 'at', 'staff', 'item', 'points', 'rule', 'evidence', 'state'])
    .rows.filter(({ values }) => values.entryId !== '' && values.at instanceof Date)
    .map(({ values }) => ({
      entryId: values.entryId,
      at: values.at instanceof Date ? values.at.getTime() : 0,
      staff: values.staff,
      item: values.item,
      points: number(values.points),
      rule: values.rule,
      evidence: values.evidence,
      counts: values.state === 'entered' || values.state === 'reversal',
    }));
  return { rows, appeals, entries };
}
