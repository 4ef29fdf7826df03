/** Weekly, monthly, quarterly and annual reports (SPEC §10): periods, the report model and its aggregation. */
export { buildReport } from './build';
export type {
  AssessmentReportInput,
  AuditReportInput,
  ReportAppeal,
  ReportAudit,
  ReportAuditItem,
  ReportCalibration,
  ReportCallback,
  ReportNote,
  ReportResolution,
  ReportSample,
  ReportTicket,
  StoredBuild,
} from './input';
export {
  type ColumnFormat,
  isLabel,
  type Label,
  type ReportCell,
  type ReportFigure,
  type ReportModel,
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
