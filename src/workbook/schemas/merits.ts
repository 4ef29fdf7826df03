/**
 * Merits and demerits (奖惩) and the monthly staff assessment (月度考核), SPEC §3, §8.2–8.3:
 * ⚙ Merit catalog, the Merits ledger (append-only: a correction is a reversing entry), ⚙ Assessment
 * rules, Assessment (one row per staff × month) and Assessment details (one row per rule and person).
 */
import type { EnumCode } from '../../core/enums';
import { columnsFor, type SheetSchema } from '../schema';
import type { BoolCell, DateCell, NumberCell } from './tickets';

export interface MeritCatalogRow {
  item: string;
  level: EnumCode<'meritLevel'> | '';
  sign: EnumCode<'meritSign'> | '';
  /** The automatic rule that records this item (at most one item per rule), '' for form-only items. */
  automatic: EnumCode<'meritRule'> | '';
  note: string;
  active: BoolCell;
}

const catalog = columnsFor('col.meritCatalog');

export const MERIT_CATALOG: SheetSchema<keyof MeritCatalogRow> = {
  key: 'meritCatalog',
  title: 'sheet.meritCatalog',
  columns: [
    catalog('item', 'text', { required: true, width: 300 }),
    catalog('level', 'enum', { enum: 'meritLevel', required: true, width: 60 }),
    catalog('sign', 'enum', { enum: 'meritSign', required: true }),
    catalog('automatic', 'enum', { enum: 'meritRule', width: 180 }),
    catalog('note', 'text', { width: 200 }),
    catalog('active', 'bool'),
  ],
};

export interface MeritRow {
  entryId: string;
  at: DateCell;
  /** YYYY-MM of At in the spreadsheet's zone: the month the entry counts in. */
  month: string;
  staff: string;
  department: string;
  item: string;
  level: EnumCode<'meritLevel'> | '';
  sign: EnumCode<'meritSign'> | '';
  /** Signed: a demerit is negative, a reversal the opposite of the entry it reverses. */
  points: NumberCell;
  /** |points| × ⚙ General money per point, '' when no money value is set. */
  amount: NumberCell;
  evidence: string;
  rule: EnumCode<'meritRule'> | '';
  note: string;
  recordedBy: string;
  state: EnumCode<'meritState'> | '';
  /** The Entry ID this row reverses ('' for an original entry). */
  reverses: string;
  formResponseId: string;
}

const merit = columnsFor('col.merits');

export const MERITS: SheetSchema<keyof MeritRow> = {
  key: 'merits',
  title: 'sheet.merits',
  columns: [
    merit('entryId', 'text', { required: true, system: true, width: 130 }),
    merit('at', 'date', { required: true, system: true }),
    merit('month', 'text', { required: true, system: true, width: 80 }),
    merit('staff', 'text', { required: true }),
    merit('department', 'text', { required: true }),
    merit('item', 'text', { required: true, width: 260 }),
    merit('level', 'enum', { enum: 'meritLevel', required: true, system: true, width: 60 }),
    merit('sign', 'enum', { enum: 'meritSign', required: true, system: true }),
    merit('points', 'number', { required: true, system: true, width: 60 }),
    merit('amount', 'number', { system: true }),
    merit('evidence', 'text', { required: true, width: 140 }),
    merit('rule', 'enum', { enum: 'meritRule', required: true, system: true, width: 160 }),
    merit('note', 'longText', { required: true }),
    merit('recordedBy', 'text', { required: true }),
    merit('state', 'enum', { enum: 'meritState', required: true }),
    merit('reverses', 'text', { required: true, system: true, width: 130 }),
    merit('formResponseId', 'text', { required: true, system: true, group: 'system' }),
  ],
};

export interface AssessmentRuleRow {
  rule: string;
  kind: EnumCode<'assessmentKind'> | '';
  metric: EnumCode<'assessmentMetric'> | '';
  points: NumberCell;
  threshold: NumberCell;
  target: NumberCell;
  step: NumberCell;
  upper: NumberCell;
  upperPoints: NumberCell;
  lower: NumberCell;
  lowerPoints: NumberCell;
  scope: string;
  active: BoolCell;
}

const rule = columnsFor('col.assessmentRules');

export const ASSESSMENT_RULES: SheetSchema<keyof AssessmentRuleRow> = {
  key: 'assessmentRules',
  title: 'sheet.assessmentRules',
  columns: [
    rule('rule', 'text', { required: true, width: 240 }),
    rule('kind', 'enum', { enum: 'assessmentKind', required: true, width: 180 }),
    rule('metric', 'enum', { enum: 'assessmentMetric', required: true, width: 180 }),
    rule('points', 'number'),
    rule('threshold', 'number'),
    rule('target', 'number'),
    rule('step', 'number'),
    rule('upper', 'number'),
    rule('upperPoints', 'number'),
    rule('lower', 'number'),
    rule('lowerPoints', 'number'),
    rule('scope', 'text', { width: 200 }),
    rule('active', 'bool'),
  ],
};

export interface AssessmentRow {
  month: string;
  staff: string;
  department: string;
  base: NumberCell;
  resolveBreached: NumberCell;
  resolvePoints: NumberCell;
  callbackMissed: NumberCell;
  callbackPoints: NumberCell;
  satisfaction: NumberCell;
  satisfactionPoints: NumberCell;
  registrations: NumberCell;
  registrationPoints: NumberCell;
  qaAverage: NumberCell;
  qaPoints: NumberCell;
  merits: NumberCell;
  demerits: NumberCell;
  total: NumberCell;
  grade: string;
  rank: NumberCell;
  flags: string;
  state: EnumCode<'assessmentState'> | '';
  finalOn: DateCell;
  revision: NumberCell;
  computedAt: DateCell;
}

const assessment = columnsFor('col.assessment');
const computed = { required: true, system: true } as const;

export const ASSESSMENT: SheetSchema<keyof AssessmentRow> = {
  key: 'assessment',
  title: 'sheet.assessment',
  columns: [
    assessment('month', 'text', { ...computed, width: 80 }),
    assessment('staff', 'text', computed),
    assessment('department', 'text', computed),
    assessment('base', 'number', { ...computed, width: 60 }),
    assessment('resolveBreached', 'number', computed),
    assessment('resolvePoints', 'number', computed),
    assessment('callbackMissed', 'number', computed),
    assessment('callbackPoints', 'number', computed),
    assessment('satisfaction', 'number', computed),
    assessment('satisfactionPoints', 'number', computed),
    assessment('registrations', 'number', computed),
    assessment('registrationPoints', 'number', computed),
    assessment('qaAverage', 'number', computed),
    assessment('qaPoints', 'number', computed),
    assessment('merits', 'number', computed),
    assessment('demerits', 'number', computed),
    assessment('total', 'number', computed),
    assessment('grade', 'text', { ...computed, width: 60 }),
    assessment('rank', 'number', { ...computed, width: 60 }),
    assessment('flags', 'text', { ...computed, width: 260 }),
    assessment('state', 'enum', { ...computed, enum: 'assessmentState' }),
    assessment('finalOn', 'date', computed),
    assessment('revision', 'number', { ...computed, width: 60 }),
    assessment('computedAt', 'date', { ...computed, group: 'system' }),
  ],
};

export interface AssessmentAppealRow {
  at: DateCell;
  month: string;
  staff: string;
  /** The rule or the ID the person disputes, as they wrote it. */
  point: string;
  reason: string;
  /** The month's final date: an appeal after it is Too late. */
  due: DateCell;
  decision: EnumCode<'appealDecision'> | '';
  /** The correcting points of an upheld appeal (empty to reverse the ledger entry the appeal names). */
  points: NumberCell;
  decidedBy: string;
  decidedAt: DateCell;
  /** The ledger entry the upheld appeal made. */
  entryId: string;
  note: string;
  formResponseId: string;
}

const appealColumn = columnsFor('col.assessmentAppeals');

export const ASSESSMENT_APPEALS: SheetSchema<keyof AssessmentAppealRow> = {
  key: 'assessmentAppeals',
  title: 'sheet.assessmentAppeals',
  columns: [
    appealColumn('at', 'date', { required: true, system: true }),
    appealColumn('month', 'text', { required: true, system: true, width: 80 }),
    appealColumn('staff', 'text', { required: true, system: true }),
    appealColumn('point', 'longText', { required: true, system: true, width: 220 }),
    appealColumn('reason', 'longText', { required: true, system: true }),
    appealColumn('due', 'date', { required: true, system: true }),
    appealColumn('decision', 'enum', { enum: 'appealDecision', required: true }),
    appealColumn('points', 'number', { required: true }),
    appealColumn('decidedBy', 'text', { required: true, system: true }),
    appealColumn('decidedAt', 'date', { required: true, system: true }),
    appealColumn('entryId', 'text', { required: true, system: true, width: 130 }),
    appealColumn('note', 'longText', { required: true, system: true }),
    appealColumn('formResponseId', 'text', { required: true, system: true, group: 'system' }),
  ],
};

export interface AssessmentDetailRow {
  month: string;
  staff: string;
  rule: string;
  metric: EnumCode<'assessmentMetric'> | '';
  count: NumberCell;
  points: NumberCell;
  evidence: string;
  revision: NumberCell;
  note: string;
}

const detail = columnsFor('col.assessmentDetails');

export const ASSESSMENT_DETAILS: SheetSchema<keyof AssessmentDetailRow> = {
  key: 'assessmentDetails',
  title: 'sheet.assessmentDetails',
  columns: [
    detail('month', 'text', { ...computed, width: 80 }),
    detail('staff', 'text', computed),
    detail('rule', 'text', { ...computed, width: 220 }),
    detail('metric', 'enum', { enum: 'assessmentMetric', system: true, required: false, width: 180 }),
    detail('count', 'number', computed),
    detail('points', 'number', computed),
    detail('evidence', 'longText', computed),
    detail('revision', 'number', { ...computed, width: 60 }),
    detail('note', 'text', { ...computed, width: 240 }),
  ],
};
