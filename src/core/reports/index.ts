/** Weekly and monthly reports (SPEC §10): periods, the report model and its aggregation. */
export { buildReport, REPORT_SECTIONS, type SectionBuilder } from './build';
export type { ReportContext, ReportInput, ReportTicket } from './input';
export {
  type ColumnFormat,
  isLabel,
  type Label,
  type ReportCell,
  type ReportColumn,
  type ReportModel,
  type ReportNotice,
  type ReportSection,
  type Tone,
} from './model';
export {
  lastCompletedPeriod,
  periodContaining,
  previousPeriod,
  type ReportKind,
  type ReportPeriod,
} from './period';
