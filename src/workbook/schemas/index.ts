/** Every sheet the add-on owns, in the order setup creates them. */
import type { SheetKey, SheetSchema } from '../schema';
import {
  AUDIT_APPEALS,
  AUDIT_ITEMS,
  AUDIT_SAMPLES,
  AUDITS,
  CALIBRATION,
  CALIBRATION_ITEMS,
  SCORECARDS,
} from './audits';
import { CALLBACKS } from './callbacks';
import { AREAS, CHECKLISTS, INSPECTION_ITEMS, INSPECTIONS, MISSED_INSPECTIONS } from './inspections';
import { HISTORY, OUTBOX, RUN_LOG } from './logs';
import {
  ASSESSMENT,
  ASSESSMENT_APPEALS,
  ASSESSMENT_DETAILS,
  ASSESSMENT_RULES,
  MERIT_CATALOG,
  MERITS,
} from './merits';
import { REPORT_LOG, REPORT_NOTES, REPORT_RECIPIENTS, TARGETS } from './reports';
import { CALENDAR, CATEGORIES, GENERAL, HOLIDAYS, SLA_POLICY, STAFF } from './settings';
import { TICKETS } from './tickets';

export * from './audits';
export * from './callbacks';
export * from './imports';
export * from './inspections';
export * from './logs';
export * from './merits';
export * from './reports';
export * from './settings';
export * from './tickets';

/** The Import staging sheet is not here: the googleapis import tool creates it (hidden) on first use. */
export const SCHEMAS: Record<Exclude<SheetKey, 'import'>, SheetSchema> = {
  tickets: TICKETS,
  callbacks: CALLBACKS,
  history: HISTORY,
  outbox: OUTBOX,
  runLog: RUN_LOG,
  general: GENERAL,
  calendar: CALENDAR,
  holidays: HOLIDAYS,
  slaPolicy: SLA_POLICY,
  categories: CATEGORIES,
  staff: STAFF,
  targets: TARGETS,
  reportRecipients: REPORT_RECIPIENTS,
  inspections: INSPECTIONS,
  inspectionItems: INSPECTION_ITEMS,
  missedInspections: MISSED_INSPECTIONS,
  checklists: CHECKLISTS,
  areas: AREAS,
  audits: AUDITS,
  auditItems: AUDIT_ITEMS,
  scorecards: SCORECARDS,
  reportLog: REPORT_LOG,
  reportNotes: REPORT_NOTES,
  auditSamples: AUDIT_SAMPLES,
  auditAppeals: AUDIT_APPEALS,
  calibration: CALIBRATION,
  calibrationItems: CALIBRATION_ITEMS,
  meritCatalog: MERIT_CATALOG,
  merits: MERITS,
  assessmentRules: ASSESSMENT_RULES,
  assessment: ASSESSMENT,
  assessmentDetails: ASSESSMENT_DETAILS,
  assessmentAppeals: ASSESSMENT_APPEALS,
};
