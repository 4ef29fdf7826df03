/**
 * The inspection register (SPEC §3, §9): Inspections / 检查登记 (one row per inspection), Inspection
 * items / 检查明细 (one row per answer), Missed inspections / 漏检登记 (one row per missed slot, where a
 * manager may excuse it), and the ⚙ Checklists and ⚙ Areas settings.
 */
import type {
  InspectionAnswerKind,
  InspectionFrequency,
  InspectionResult,
  InspectionState,
} from '../../core/enums';
import { columnsFor, type SheetSchema } from '../schema';
import type { BoolCell, DateCell, NumberCell } from './tickets';

export interface InspectionRow {
  id: string;
  at: DateCell;
  template: string;
  version: NumberCell;
  area: string;
  inspector: string;
  owner: string;
  rawPercent: NumberCell;
  scorePercent: NumberCell;
  grade: string;
  failedItems: NumberCell;
  criticalFail: BoolCell;
  result: InspectionResult | '';
  recheckOf: string;
  failStreak: NumberCell;
  rectificationDue: DateCell;
  rectificationTickets: string;
  consequence: string;
  /** The fault-ledger entry once the merits ledger exists (issue 16); '' until then. */
  faultEntry: string;
  state: InspectionState | '';
  repeatFindings: string;
  needsReview: BoolCell;
  reviewNote: string;
  formResponseId: string;
}

const inspection = columnsFor('col.inspections');
const system = { system: true, required: true } as const;

export const INSPECTIONS: SheetSchema<keyof InspectionRow> = {
  key: 'inspections',
  title: 'sheet.inspections',
  columns: [
    inspection('id', 'text', { ...system, width: 130 }),
    inspection('at', 'date', system),
    inspection('template', 'text', { ...system, width: 150 }),
    inspection('version', 'number', system),
    inspection('area', 'text', { ...system, width: 150 }),
    inspection('inspector', 'text', system),
    inspection('owner', 'text', system),
    inspection('rawPercent', 'number', system),
    inspection('scorePercent', 'number', system),
    inspection('grade', 'text', system),
    inspection('failedItems', 'number', system),
    inspection('criticalFail', 'bool', system),
    inspection('result', 'enum', { ...system, enum: 'inspectionResult' }),
    inspection('recheckOf', 'text', { ...system, width: 130 }),
    inspection('failStreak', 'number', system),
    inspection('rectificationDue', 'date', system),
    inspection('rectificationTickets', 'text', { ...system, width: 200 }),
    inspection('consequence', 'text', { ...system, width: 200 }),
    inspection('faultEntry', 'text', { system: true }),
    inspection('state', 'enum', { ...system, enum: 'inspectionState' }),
    inspection('repeatFindings', 'longText', { ...system, width: 220 }),
    inspection('needsReview', 'bool', { required: true }),
    inspection('reviewNote', 'longText', { required: true, width: 220 }),
    inspection('formResponseId', 'text', { ...system, group: 'system' }),
  ],
};

export interface InspectionItemRow {
  inspectionId: string;
  section: string;
  item: string;
  weight: NumberCell;
  answer: string;
  score: NumberCell;
  passRate: NumberCell;
  failed: BoolCell;
  repeat: BoolCell;
  note: string;
  evidence: string;
  ticketId: string;
}

const item = columnsFor('col.inspectionItems');

export const INSPECTION_ITEMS: SheetSchema<keyof InspectionItemRow> = {
  key: 'inspectionItems',
  title: 'sheet.inspectionItems',
  columns: [
    item('inspectionId', 'text', { ...system, width: 130 }),
    item('section', 'text', system),
    item('item', 'text', { ...system, width: 220 }),
    item('weight', 'number', system),
    item('answer', 'text', system),
    item('score', 'number', system),
    item('passRate', 'number', system),
    item('failed', 'bool', system),
    item('repeat', 'bool', system),
    item('note', 'longText', system),
    item('evidence', 'text', { ...system, width: 200 }),
    item('ticketId', 'text', { ...system, width: 130 }),
  ],
};

export interface MissedInspectionRow {
  slot: string;
  area: string;
  template: string;
  inspector: string;
  owner: string;
  excused: BoolCell;
  reason: string;
  excusedBy: string;
  key: string;
}

const missed = columnsFor('col.missedInspections');

export const MISSED_INSPECTIONS: SheetSchema<keyof MissedInspectionRow> = {
  key: 'missedInspections',
  title: 'sheet.missedInspections',
  columns: [
    missed('slot', 'text', system),
    missed('area', 'text', { ...system, width: 150 }),
    missed('template', 'text', { ...system, width: 150 }),
    missed('inspector', 'text', system),
    missed('owner', 'text', system),
    missed('excused', 'bool', { required: true }),
    missed('reason', 'longText', { required: true }),
    missed('excusedBy', 'text', { ...system, width: 180 }),
    missed('key', 'text', { ...system, group: 'system', width: 200 }),
  ],
};

export interface ChecklistRow {
  template: string;
  version: NumberCell;
  section: string;
  item: string;
  answerKind: InspectionAnswerKind | '';
  max: NumberCell;
  weight: NumberCell;
  critical: BoolCell;
  rectifyDays: NumberCell;
  passMark: NumberCell;
  itemPassPercent: NumberCell;
  anyItemFails: BoolCell;
  grades: string;
  fault1: string;
  fault2: string;
  fault3: string;
  active: BoolCell;
}

const checklist = columnsFor('col.checklists');

export const CHECKLISTS: SheetSchema<keyof ChecklistRow> = {
  key: 'checklists',
  title: 'sheet.checklists',
  columns: [
    checklist('template', 'text', { required: true, width: 150 }),
    checklist('version', 'number'),
    checklist('section', 'text', { required: true, width: 130 }),
    checklist('item', 'text', { required: true, width: 260 }),
    checklist('answerKind', 'enum', { enum: 'inspectionAnswerKind', required: true }),
    checklist('max', 'number'),
    checklist('weight', 'number'),
    checklist('critical', 'bool'),
    checklist('rectifyDays', 'number', { required: true }),
    checklist('passMark', 'number'),
    checklist('itemPassPercent', 'number'),
    checklist('anyItemFails', 'bool'),
    checklist('grades', 'text', { width: 200 }),
    checklist('fault1', 'text', { width: 150 }),
    checklist('fault2', 'text', { width: 150 }),
    checklist('fault3', 'text', { width: 220 }),
    checklist('active', 'bool'),
  ],
};

export interface AreaRow {
  area: string;
  templates: string;
  frequency: InspectionFrequency | '';
  sevenDay: BoolCell;
  owner: string;
  department: string;
  inspector: string;
  linkedCategory: string;
  active: BoolCell;
}

const area = columnsFor('col.areas');

export const AREAS: SheetSchema<keyof AreaRow> = {
  key: 'areas',
  title: 'sheet.areas',
  columns: [
    area('area', 'text', { required: true, width: 170 }),
    area('templates', 'text', { required: true, width: 200 }),
    area('frequency', 'enum', { enum: 'inspectionFrequency', required: true }),
    area('sevenDay', 'bool'),
    area('owner', 'text', { required: true }),
    area('department', 'text'),
    area('inspector', 'text'),
    area('linkedCategory', 'text', { width: 170 }),
    area('active', 'bool'),
  ],
};
