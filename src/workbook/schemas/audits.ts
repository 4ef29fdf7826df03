/**
 * The service-quality audit half of the audit score sheet (质检, SPEC §3, §8.1): ⚙ Scorecards (one row
 * per item), Audits (one row per audit) and Audit items (one row per answer).
 */
import type { EnumCode } from '../../core/enums';
import { columnsFor, type SheetSchema } from '../schema';
import type { BoolCell, DateCell, NumberCell } from './tickets';

export interface ScorecardRow {
  scorecard: string;
  /** Maintained by the system: a changed scorecard gets the next version when its form is updated. */
  version: NumberCell;
  section: string;
  item: string;
  kind: EnumCode<'itemKind'> | '';
  answer: EnumCode<'answerKind'> | '';
  max: NumberCell;
  weight: NumberCell;
  allowNa: BoolCell;
  /** Read from the scorecard's first row that has it: a critical item fails the audit (default) or its section. */
  criticalScope: EnumCode<'criticalScope'> | '';
  /** Read from the scorecard's first row that has it: root causes offered on the form, comma-separated. */
  rootCauses: string;
  active: BoolCell;
}

const scorecard = columnsFor('col.scorecards');

export const SCORECARDS: SheetSchema<keyof ScorecardRow> = {
  key: 'scorecards',
  title: 'sheet.scorecards',
  columns: [
    scorecard('scorecard', 'text', { required: true, width: 140 }),
    scorecard('version', 'number', { system: true }),
    scorecard('section', 'text', { required: true, width: 140 }),
    scorecard('item', 'text', { required: true, width: 260 }),
    scorecard('kind', 'enum', { enum: 'itemKind', required: true }),
    scorecard('answer', 'enum', { enum: 'answerKind', required: true }),
    scorecard('max', 'number', { required: true }),
    scorecard('weight', 'number'),
    scorecard('allowNa', 'bool'),
    scorecard('criticalScope', 'enum', { enum: 'criticalScope' }),
    scorecard('rootCauses', 'text', { width: 200 }),
    scorecard('active', 'bool'),
  ],
};

export interface AuditRow {
  auditId: string;
  at: DateCell;
  /** YYYY-MM of At, in the spreadsheet's zone. */
  period: string;
  staff: string;
  department: string;
  auditor: string;
  scorecard: string;
  version: NumberCell;
  ticketId: string;
  /** In percent, one decimal (87.5 = 87.5 %); '' when nothing on the form could be scored. */
  rawPercent: NumberCell;
  finalPercent: NumberCell;
  criticalFail: BoolCell;
  grade: string;
  kind: EnumCode<'auditKind'> | '';
  state: EnumCode<'auditState'> | '';
  /** Below the warning line (seed 000 L751), or the consequence of a run of them (seed 000 L757). */
  warning: string;
  /** Position in the person's run of audits below the warning score (0 when not below). */
  runBelow: NumberCell;
  needsReview: BoolCell;
  reviewNote: string;
  comments: string;
  formResponseId: string;
}

const audit = columnsFor('col.audits');

export const AUDITS: SheetSchema<keyof AuditRow> = {
  key: 'audits',
  title: 'sheet.audits',
  columns: [
    audit('auditId', 'text', { required: true, system: true, width: 130 }),
    audit('at', 'date', { required: true, system: true }),
    audit('period', 'text', { required: true, system: true, width: 80 }),
    audit('staff', 'text', { required: true }),
    audit('department', 'text', { required: true }),
    audit('auditor', 'text', { required: true }),
    audit('scorecard', 'text', { required: true }),
    audit('version', 'number', { required: true, system: true, width: 60 }),
    audit('ticketId', 'text', { required: true, width: 130 }),
    audit('rawPercent', 'number', { required: true, system: true }),
    audit('finalPercent', 'number', { required: true, system: true }),
    audit('criticalFail', 'bool', { required: true, system: true }),
    audit('grade', 'text', { required: true, system: true, width: 60 }),
    audit('kind', 'enum', { enum: 'auditKind', required: true, system: true }),
    audit('state', 'enum', { enum: 'auditState', required: true }),
    audit('warning', 'text', { required: true, system: true, width: 220 }),
    audit('runBelow', 'number', { required: true, system: true, width: 60 }),
    audit('needsReview', 'bool', { required: true }),
    audit('reviewNote', 'longText', { required: true, system: true, width: 220 }),
    audit('comments', 'longText'),
    audit('formResponseId', 'text', { required: true, system: true, group: 'system' }),
  ],
};

export interface AuditItemRow {
  auditId: string;
  section: string;
  item: string;
  kind: EnumCode<'itemKind'> | '';
  /** The item's max and weight when it was scored (the scorecard may change later). */
  max: NumberCell;
  weight: NumberCell;
  /** The answer as given on the form. */
  answer: string;
  /** Points earned (unweighted, 0..max); '' when N/A or not scorable. */
  points: NumberCell;
  na: BoolCell;
  rootCause: string;
  /** The section's comment, on each item of the section. */
  comment: string;
}

const auditItem = columnsFor('col.auditItems');

export const AUDIT_ITEMS: SheetSchema<keyof AuditItemRow> = {
  key: 'auditItems',
  title: 'sheet.auditItems',
  columns: [
    auditItem('auditId', 'text', { required: true, system: true, width: 130 }),
    auditItem('section', 'text', { required: true, system: true, width: 140 }),
    auditItem('item', 'text', { required: true, system: true, width: 260 }),
    auditItem('kind', 'enum', { enum: 'itemKind', required: true, system: true }),
    auditItem('max', 'number', { required: true, system: true }),
    auditItem('weight', 'number', { required: true, system: true }),
    auditItem('answer', 'text', { required: true, system: true }),
    auditItem('points', 'number', { required: true, system: true }),
    auditItem('na', 'bool', { required: true, system: true }),
    auditItem('rootCause', 'text', { required: true, system: true }),
    auditItem('comment', 'longText', { required: true, system: true }),
  ],
};

export interface AuditSampleRow {
  /** The ISO week whose resolved tickets were sampled (2026-W10). */
  week: string;
  staff: string;
  ticketId: string;
  type: EnumCode<'ticketType'> | '';
  channel: EnumCode<'channel'> | '';
  reason: EnumCode<'sampleReason'> | '';
  /** The supervisor asked to audit it. */
  auditor: string;
  scorecard: string;
  drawnAt: DateCell;
  due: DateCell;
  state: EnumCode<'sampleState'> | '';
  auditId: string;
}

const sample = columnsFor('col.auditSamples');

export const AUDIT_SAMPLES: SheetSchema<keyof AuditSampleRow> = {
  key: 'auditSamples',
  title: 'sheet.auditSamples',
  columns: [
    sample('week', 'text', { required: true, system: true, width: 90 }),
    sample('staff', 'text', { required: true, system: true }),
    sample('ticketId', 'text', { required: true, system: true, width: 130 }),
    sample('type', 'enum', { enum: 'ticketType', system: true }),
    sample('channel', 'enum', { enum: 'channel', system: true }),
    sample('reason', 'enum', { enum: 'sampleReason', required: true, system: true }),
    sample('auditor', 'text', { required: true }),
    sample('scorecard', 'text', { required: true }),
    sample('drawnAt', 'date', { required: true, system: true }),
    sample('due', 'date', { required: true, system: true }),
    sample('state', 'enum', { enum: 'sampleState', required: true, system: true }),
    sample('auditId', 'text', { required: true, system: true, width: 130 }),
  ],
};

export interface AuditAppealRow {
  at: DateCell;
  auditId: string;
  staff: string;
  /** The items disputed, as the person wrote them. */
  items: string;
  reason: string;
  /** The last moment to appeal: N working days after the audit (⚙ General). */
  due: DateCell;
  /** Who decides: not the auditor (the CS manager by default). */
  reviewer: string;
  decision: EnumCode<'appealDecision'> | '';
  /** The reviewer's new points, one "Item: points" per line. */
  newScores: string;
  decidedAt: DateCell;
  finalBefore: NumberCell;
  finalAfter: NumberCell;
  note: string;
  formResponseId: string;
}

const appeal = columnsFor('col.auditAppeals');

export const AUDIT_APPEALS: SheetSchema<keyof AuditAppealRow> = {
  key: 'auditAppeals',
  title: 'sheet.auditAppeals',
  columns: [
    appeal('at', 'date', { required: true, system: true }),
    appeal('auditId', 'text', { required: true, system: true, width: 130 }),
    appeal('staff', 'text', { required: true, system: true }),
    appeal('items', 'longText', { required: true, system: true }),
    appeal('reason', 'longText', { required: true, system: true }),
    appeal('due', 'date', { required: true, system: true }),
    appeal('reviewer', 'text', { required: true }),
    appeal('decision', 'enum', { enum: 'appealDecision', required: true }),
    appeal('newScores', 'longText', { required: true }),
    appeal('decidedAt', 'date', { required: true, system: true }),
    appeal('finalBefore', 'number', { required: true, system: true }),
    appeal('finalAfter', 'number', { required: true, system: true }),
    appeal('note', 'longText', { required: true, system: true }),
    appeal('formResponseId', 'text', { required: true, system: true, group: 'system' }),
  ],
};

/**
 * Calibration (校准, SPEC §8.1): one row per person asked to score an audit's ticket blind. Their scores
 * stay sealed until everyone has scored or the session's deadline passes; then each row gets its final %,
 * its alignment with the benchmark (the manager's score) and its strictness.
 */
export interface CalibrationRow {
  session: string;
  /** The audit whose ticket is calibrated. */
  auditId: string;
  ticketId: string;
  staff: string;
  scorecard: string;
  version: NumberCell;
  openedAt: DateCell;
  due: DateCell;
  calibrator: string;
  role: EnumCode<'calibrationRole'> | '';
  state: EnumCode<'calibrationState'> | '';
  /** The calibrator's own audit (Kind Calibration). */
  calibrationAudit: string;
  finalPercent: NumberCell;
  /** MaestroQA alignment with the benchmark, in percent. */
  alignment: NumberCell;
  /** Final % minus the mean final % of everyone in the session (points; negative = stricter). */
  strictness: NumberCell;
  note: string;
}

const calibration = columnsFor('col.calibration');

export const CALIBRATION: SheetSchema<keyof CalibrationRow> = {
  key: 'calibration',
  title: 'sheet.calibration',
  columns: [
    calibration('session', 'text', { required: true, system: true, width: 130 }),
    calibration('auditId', 'text', { required: true, system: true, width: 130 }),
    calibration('ticketId', 'text', { required: true, system: true, width: 130 }),
    calibration('staff', 'text', { required: true, system: true }),
    calibration('scorecard', 'text', { required: true, system: true }),
    calibration('version', 'number', { required: true, system: true, width: 60 }),
    calibration('openedAt', 'date', { required: true, system: true }),
    calibration('due', 'date', { required: true, system: true }),
    calibration('calibrator', 'text', { required: true, system: true }),
    calibration('role', 'enum', { enum: 'calibrationRole', required: true, system: true }),
    calibration('state', 'enum', { enum: 'calibrationState', required: true, system: true }),
    calibration('calibrationAudit', 'text', { required: true, system: true, width: 130 }),
    calibration('finalPercent', 'number', { required: true, system: true }),
    calibration('alignment', 'number', { required: true, system: true }),
    calibration('strictness', 'number', { required: true, system: true }),
    calibration('note', 'longText', { required: true, system: true, width: 220 }),
  ],
};

/** Calibration items: per session and item, the benchmark's points, the spread and the mean alignment. */
export interface CalibrationItemRow {
  session: string;
  section: string;
  item: string;
  max: NumberCell;
  benchmark: NumberCell;
  lowest: NumberCell;
  highest: NumberCell;
  /** Highest − lowest points given. */
  spread: NumberCell;
  /** Mean over the calibrators of 1 − |points − benchmark| / max, in percent. */
  alignment: NumberCell;
}

const calibrationItem = columnsFor('col.calibrationItems');

export const CALIBRATION_ITEMS: SheetSchema<keyof CalibrationItemRow> = {
  key: 'calibrationItems',
  title: 'sheet.calibrationItems',
  columns: [
    calibrationItem('session', 'text', { required: true, system: true, width: 130 }),
    calibrationItem('section', 'text', { required: true, system: true, width: 140 }),
    calibrationItem('item', 'text', { required: true, system: true, width: 260 }),
    calibrationItem('max', 'number', { required: true, system: true }),
    calibrationItem('benchmark', 'number', { required: true, system: true }),
    calibrationItem('lowest', 'number', { required: true, system: true }),
    calibrationItem('highest', 'number', { required: true, system: true }),
    calibrationItem('spread', 'number', { required: true, system: true }),
    calibrationItem('alignment', 'number', { required: true, system: true }),
  ],
};
