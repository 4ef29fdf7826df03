/** ⚙ General (SPEC §13): language, ID prefixes, grade bands, thresholds and schedule hours. */

import type { Lang } from '../../i18n';
import type { CellValue, KeyedRow, SettingsIssue } from '../cells';
import type { TicketType } from '../enums';
import { type Labels, message } from '../message';
import { cellText, parseBool, parseInteger } from './fields';
import { type FieldSpecs, type Parsed, parseKeyValue, type SettingField } from './parse';

export interface GeneralSettings {
  language: Lang;
  'prefix.complaint': string;
  'prefix.inquiry': string;
  'prefix.suggestion': string;
  'prefix.repair': string;
  'prefix.praise': string;
  /** Lower bounds of half-open grade bands: A ≥ gradeA, B ≥ gradeB, C ≥ gradeC, else D. */
  gradeA: number;
  gradeB: number;
  gradeC: number;
  repeatWindowDays: number;
  strictProtection: boolean;
  customerFormEnabled: boolean;
  digestHour: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weeklyReportWeekday: number;
  weeklyReportHour: number;
  monthlyReportDay: number;
  monthlyReportHour: number;
  descriptionMaxLength: number;
  lockTimeoutSeconds: number;
  callbackMaxAttempts: number;
  callbackMinDistinctDays: number;
  smsOnlyLimit: number;
  /** Inspection schedule compliance bands (issue 17): ≥ compliant %, ≥ at-risk %, else non-compliant. */
  inspectionCompliantPercent: number;
  inspectionAtRiskPercent: number;
  /** Complaints in an area's linked category, in a period its inspections all passed, that make a blind spot. */
  blindSpotComplaints: number;
  /** The month's best areas: average score ≥ this, top share % of the areas inspected, at most max. */
  bestAreaScore: number;
  bestAreaSharePercent: number;
  bestAreaMax: number;
  'prefix.audit': string;
  /** Quality audits (SPEC §8.1): a final % below this is a warning (seed 000 L751). */
  qaWarningBelow: number;
  /** This many audits in a row below qaWarningBelow bring qaConsequence (seed 000 L757). */
  qaConsecutiveLimit: number;
  qaConsequence: string;
  /** Weekly audit sample per person (SPEC §8.1), and the cap on one auditor auditing one person in a row. */
  qaSamplePerPerson: number;
  qaSameAuditorLimit: number;
  /** Working days after an audit in which the person may appeal it (SPEC §8.1). */
  qaAppealWorkingDays: number;
  /** Blind calibration (SPEC §8.1): supervisors asked besides the manager's benchmark, and working days to score. */
  qaCalibrationGraders: number;
  qaCalibrationWorkingDays: number;
  'prefix.merit': string;
  /** Points of a merit or demerit of each level (SPEC §8.2; seed 001 §8 gives the levels, not points). */
  meritPointsA2: number;
  meritPointsA1: number;
  meritPointsB1: number;
  meritPointsC1: number;
  /** Money per point, '' for points only (seed 001 L649: points convert to fines, no amount given). */
  meritMoneyPerPoint: number | '';
  /** The monthly assessment (SPEC §8.3): base points (seed 000 L327: 100), provisional working days. */
  assessmentBase: number;
  assessmentProvisionalDays: number;
  /** Last place two months running (seed 001 L673). */
  assessmentLastPlaceConsequence: string;
  /**
   * The lowest monthly total, '' for none: the 100-point scale the grade bands come from runs from 20
   * to 100 (seed 002 L127 §5.1.8.1 「总分最高为100分,最低分为20分」). Must be below the base.
   */
  assessmentMinimumTotal: number | '';
  /**
   * Whether the first receiver (Received by) makes the callback — reminded in the digest, and charged
   * in the assessment when it is missed — rather than the assignee (core/callbacks/owner.ts).
   */
  callbackByReceiver: boolean;
  /** The health check warns when the spreadsheet holds this share of Google's 10,000,000 cells (SPEC §17). */
  capacityWarnPercent: number;
  /** The hour of the one escalation summary a day to department heads, the CS manager and the GM (issue 14). */
  escalationSummaryHour: number;
  /** Immediate escalation alerts a person gets in a day; later ones go into the escalation summary. */
  alertsPerPersonPerDay: number;
}

function integer(
  fallback: number,
  min: number,
  max: number,
  label: SettingField<number>['label'],
  fromManuals = false,
): SettingField<number> {
  return {
    fallback,
    parse: (cell) => parseInteger(cell, min, max),
    expected: message('settings.expected.integer', { min, max }),
    label,
    fromManuals,
  };
}

function bool(fallback: boolean, label: SettingField<boolean>['label']): SettingField<boolean> {
  return { fallback, parse: parseBool, expected: message('settings.expected.bool'), label };
}

function text(
  fallback: string,
  label: SettingField<string>['label'],
  fromManuals = false,
): SettingField<string> {
  return {
    fallback,
    parse: (cell) => (cellText(cell) === '' ? null : cellText(cell).slice(0, 500)),
    expected: message('settings.expected.text'),
    label,
    fromManuals,
  };
}

function prefix(fallback: string, label: SettingField<string>['label']): SettingField<string> {
  return {
    fallback,
    parse: (cell: CellValue) => {
      const text = cellText(cell).toUpperCase();
      return /^[A-Z]{2,5}$/.test(text) ? text : null;
    },
    expected: message('settings.expected.prefix'),
    label, // the prefix's format: SPEC §4
  };
}

/** Every key with its default; the comment beside a number names the seed line or SPEC section it comes from. */
/**
 * The defaults that depend on the spreadsheet: its language, and texts worded in it (the job renders
 * them, jobs/settings generalDefaults).
 */
export interface GeneralDefaults {
  language: Lang;
  qaConsequence: string;
  assessmentLastPlaceConsequence: string;
}

/** Empty, or an amount 0..100000 (two decimals kept). */
function optionalAmount(
  label: SettingField<number | ''>['label'],
  fromManuals = false,
): SettingField<number | ''> {
  return {
    fallback: '',
    parse: (cell) => {
      if (cellText(cell) === '') return '';
      const value = typeof cell === 'number' ? cell : Number(cellText(cell));
      return Number.isFinite(value) && value >= 0 && value <= 100_000 ? Math.round(value * 100) / 100 : null;
    },
    expected: message('settings.expected.optionalAmount'),
    label,
    fromManuals,
  };
}

/** Empty (none), or a whole number of points 0..10000. */
function optionalScore(
  fallback: number,
  label: SettingField<number | ''>['label'],
  fromManuals = false,
): SettingField<number | ''> {
  return {
    fallback,
    parse: (cell) => (cellText(cell) === '' ? '' : parseInteger(cell, 0, 10_000)),
    expected: message('settings.expected.optionalInteger', { min: 0, max: 10_000 }),
    label,
    fromManuals,
  };
}

export function generalFields(defaults: GeneralDefaults): FieldSpecs<GeneralSettings> {
  return {
    language: {
      fallback: defaults.language,
      parse: (cell) => {
        const text = cellText(cell);
        const lower = text.toLowerCase();
        if (text === 'en' || text === 'zh-CN') return text;
        if (lower === 'zh' || lower === 'zh-cn' || text === '中文') return 'zh-CN';
        if (lower === 'en' || lower === 'english' || text === '英文') return 'en';
        return null;
      },
      expected: message('settings.expected.language'),
      label: 'settings.general.language',
    },
    'prefix.complaint': prefix('CMP', 'settings.general.prefix.complaint'),
    'prefix.inquiry': prefix('INQ', 'settings.general.prefix.inquiry'),
    'prefix.suggestion': prefix('SUG', 'settings.general.prefix.suggestion'),
    'prefix.repair': prefix('REP', 'settings.general.prefix.repair'),
    'prefix.praise': prefix('PRA', 'settings.general.prefix.praise'),
    gradeA: integer(93, 1, 100, 'settings.general.gradeA', true), // seed 002 §7.2
    gradeB: integer(80, 1, 100, 'settings.general.gradeB', true), // seed 002 §7.2
    gradeC: integer(70, 1, 100, 'settings.general.gradeC', true), // seed 002 §7.2
    repeatWindowDays: integer(90, 1, 3650, 'settings.general.repeatWindowDays', true), // seed 000 L799–801, SPEC §4
    strictProtection: bool(false, 'settings.general.strictProtection'),
    customerFormEnabled: bool(false, 'settings.general.customerFormEnabled'),
    digestHour: integer(8, 0, 23, 'settings.general.digestHour'), // SPEC §6
    weeklyReportWeekday: integer(1, 1, 7, 'settings.general.weeklyReportWeekday'), // SPEC §6
    weeklyReportHour: integer(8, 0, 23, 'settings.general.weeklyReportHour'), // SPEC §6
    monthlyReportDay: integer(1, 1, 28, 'settings.general.monthlyReportDay'), // SPEC §6
    monthlyReportHour: integer(8, 0, 23, 'settings.general.monthlyReportHour'), // SPEC §6
    descriptionMaxLength: integer(5000, 100, 45000, 'settings.general.descriptionMaxLength'),
    lockTimeoutSeconds: integer(30, 1, 300, 'settings.general.lockTimeoutSeconds'), // SPEC §4
    callbackMaxAttempts: integer(3, 1, 20, 'settings.general.callbackMaxAttempts'), // SPEC §7
    callbackMinDistinctDays: integer(2, 1, 20, 'settings.general.callbackMinDistinctDays'), // SPEC §7
    smsOnlyLimit: integer(3, 1, 20, 'settings.general.smsOnlyLimit', true), // seed 004 L266
    inspectionCompliantPercent: integer(90, 1, 100, 'settings.general.inspectionCompliantPercent'),
    inspectionAtRiskPercent: integer(70, 0, 100, 'settings.general.inspectionAtRiskPercent'),
    blindSpotComplaints: integer(3, 1, 1000, 'settings.general.blindSpotComplaints'),
    bestAreaScore: integer(95, 0, 100, 'settings.general.bestAreaScore', true), // seed 000 L837
    bestAreaSharePercent: integer(10, 0, 100, 'settings.general.bestAreaSharePercent', true), // seed 000 L835
    bestAreaMax: integer(3, 0, 100, 'settings.general.bestAreaMax', true), // seed 000 L835
    'prefix.audit': prefix('QA', 'settings.general.prefix.audit'),
    qaWarningBelow: integer(80, 1, 100, 'settings.general.qaWarningBelow', true), // seed 000 L751
    qaConsecutiveLimit: integer(3, 2, 20, 'settings.general.qaConsecutiveLimit', true), // seed 000 L757
    qaConsequence: text(defaults.qaConsequence, 'settings.general.qaConsequence', true), // seed 000 L757
    qaSamplePerPerson: integer(2, 0, 50, 'settings.general.qaSamplePerPerson'), // SPEC §8.1
    qaSameAuditorLimit: integer(0, 0, 50, 'settings.general.qaSameAuditorLimit'),
    qaAppealWorkingDays: integer(5, 1, 60, 'settings.general.qaAppealWorkingDays'), // SPEC §8.1
    qaCalibrationGraders: integer(3, 1, 20, 'settings.general.qaCalibrationGraders'), // SPEC §8.1
    qaCalibrationWorkingDays: integer(2, 1, 20, 'settings.general.qaCalibrationWorkingDays'), // SPEC §8.1
    'prefix.merit': prefix('MR', 'settings.general.prefix.merit'),
    meritPointsA2: integer(10, 0, 1000, 'settings.general.meritPointsA2'), // SPEC §8.2
    meritPointsA1: integer(5, 0, 1000, 'settings.general.meritPointsA1'), // SPEC §8.2
    meritPointsB1: integer(2, 0, 1000, 'settings.general.meritPointsB1'), // SPEC §8.2
    meritPointsC1: integer(1, 0, 1000, 'settings.general.meritPointsC1'), // SPEC §8.2
    meritMoneyPerPoint: optionalAmount('settings.general.meritMoneyPerPoint', true), // seed 001 L649
    assessmentBase: integer(100, 0, 10_000, 'settings.general.assessmentBase', true), // seed 000 L327
    assessmentProvisionalDays: integer(5, 0, 60, 'settings.general.assessmentProvisionalDays'), // SPEC §8.3
    assessmentLastPlaceConsequence: text(
      defaults.assessmentLastPlaceConsequence,
      'settings.general.assessmentLastPlaceConsequence',
      true, // seed 001 L673
    ),
    assessmentMinimumTotal: optionalScore(20, 'settings.general.assessmentMinimumTotal', true), // seed 002 L127 §5.1.8.1
    // seed 002 L149 §3.5.4, seed 003 L359 §1.3.2.6, seed 004 L47/L199/L230 (core/callbacks/owner.ts)
    callbackByReceiver: { ...bool(true, 'settings.general.callbackByReceiver'), fromManuals: true },
    capacityWarnPercent: integer(70, 1, 100, 'settings.general.capacityWarnPercent'), // SPEC §17
    // Late afternoon: a day's escalations while there is still time to act on them (our default).
    escalationSummaryHour: integer(16, 0, 23, 'settings.general.escalationSummaryHour'),
    // Our default: a manager interrupted more than five times a day stops reading the alerts.
    alertsPerPersonPerDay: {
      ...integer(5, 1, 100, 'settings.general.alertsPerPersonPerDay'),
      note: 'settings.note.alertsPerPersonPerDay',
    },
  };
}

export function parseGeneral(
  rows: readonly KeyedRow[],
  defaults: GeneralDefaults,
  labels: Labels,
): Parsed<GeneralSettings> {
  const sheet = 'sheet.general';
  const fields = generalFields(defaults);
  const parsed = parseKeyValue(rows, fields, sheet, labels);
  const { gradeA, gradeB, gradeC } = parsed.value;
  if (!(gradeA > gradeB && gradeB > gradeC)) {
    const issue: SettingsIssue = {
      sheet,
      row: rows.find((r) => cellText(r.values.key).startsWith('grade'))?.row ?? 1,
      reason: message('settings.issue.gradeOrder', {
        a: fields.gradeA.fallback,
        b: fields.gradeB.fallback,
        c: fields.gradeC.fallback,
      }),
    };
    parsed.value.gradeA = fields.gradeA.fallback;
    parsed.value.gradeB = fields.gradeB.fallback;
    parsed.value.gradeC = fields.gradeC.fallback;
    parsed.issues.push(issue);
  }
  const { assessmentMinimumTotal: minimum, assessmentBase: base } = parsed.value;
  if (minimum !== '' && minimum >= base) {
    // A floor at or above the base would lift everyone to it: none is applied (the default 20 may be
    // above a base typed lower too).
    parsed.value.assessmentMinimumTotal = '';
    parsed.issues.push({
      sheet,
      row: rows.find((r) => cellText(r.values.key) === 'assessmentMinimumTotal')?.row ?? 1,
      reason: message('settings.issue.minimumTotalNotBelowBase', { minimum, base }),
    });
  }
  return parsed;
}

export function ticketPrefix(settings: GeneralSettings, type: TicketType): string {
  return settings[`prefix.${type}`];
}

/** A grade for a score in percent, by half-open bands (so 92.5 is B and 92.99 is B, 93 is A). */
export function gradeFor(
  settings: Pick<GeneralSettings, 'gradeA' | 'gradeB' | 'gradeC'>,
  scorePercent: number,
): 'A' | 'B' | 'C' | 'D' {
  if (scorePercent >= settings.gradeA) return 'A';
  if (scorePercent >= settings.gradeB) return 'B';
  if (scorePercent >= settings.gradeC) return 'C';
  return 'D';
}
