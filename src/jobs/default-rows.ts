/**
 * The rows setup writes into a ⚙ sheet it creates: the seed defaults of core, worded in the sheet's
 * language. Written only when the sheet is new; people edit them from then on.
 */
import { defaultCalendarRows, defaultHolidayRows, formatDuration, zoneOf } from '../core/calendar';
import { parseDateKey } from '../core/calendar/civil';
import type { CellValue } from '../core/cells';
import type { Role } from '../core/enums';
import { defaultAreaRows, defaultChecklistRows } from '../core/inspections';
import {
  type CategoryId,
  DEFAULT_CATEGORIES,
  DEFAULT_GM,
  DEFAULT_MANAGER,
  DEFAULT_ROSTER,
  type DepartmentId,
  generalFields,
  type Person,
} from '../core/settings';
import type { SettingField } from '../core/settings/parse';
import { targetFields } from '../core/settings/targets';
import { DEFAULT_SLA_POLICY_ROWS } from '../core/sla/policy';
import { type Lang, type MessageKey, t } from '../i18n';
import { render } from '../i18n/render';
import type { SheetKey } from '../workbook/schema';
import { defaultScorecardRows } from './audits/defaults';
import { defaultAssessmentRuleRows, defaultMeritCatalogRows } from './merits/defaults';
import { generalDefaults } from './settings';

type Row = Record<string, CellValue>;

/**
 * A ⚙ Calendar row as a person reads it: the key's label beside it, and the working days in the
 * sheet's language ("周一,周二,周三,周四,周五"); both spellings are read back (parseWeekdays).
 */
function calendarRow(lang: Lang, row: Row): Row {
  const key = String(row.key);
  const value =
    key === 'workingDays' && typeof row.value === 'string'
      ? row.value
          .split(',')
          .map((day) => t(lang, `sla.weekday.${ENGLISH_WEEKDAYS.indexOf(day)}` as MessageKey))
          .join(',')
      : row.value;
  return { key, label: t(lang, `settings.calendar.${key}` as MessageKey), value };
}

const ENGLISH_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Default rows of each ⚙ sheet; [] for registers and sheets without defaults. */
export function defaultRows(key: SheetKey, lang: Lang, timeZone: string): Row[] {
  switch (key) {
    case 'general':
      return defaultGeneralRows(lang).map((row) => ({ ...row }));
    case 'calendar':
      return defaultCalendarRows().map((row) => calendarRow(lang, row));
    case 'holidays': {
      const zone = zoneOf(timeZone);
      return defaultHolidayRows(lang).map((row) => {
        const day = typeof row.date === 'string' ? parseDateKey(row.date) : null;
        return { ...row, date: day === null ? row.date : new Date(zone.toInstant(day, 0)) };
      });
    }
    case 'slaPolicy':
      return defaultSlaPolicyRows(lang);
    case 'categories':
      return defaultCategoryRows(lang).map((row) => ({ ...row }));
    case 'staff':
      return defaultStaffRows(lang).map((row) => ({ ...row }));
    case 'targets':
      return keyValueRows(lang, targetFields()).map((row) => ({ ...row }));
    case 'checklists':
      return defaultChecklistRows(lang).map((row) => ({ ...row }));
    case 'areas':
      return defaultAreaRows(lang).map((row) => ({ ...row }));
    case 'reportRecipients':
      return reportRecipientRows(lang);
    case 'scorecards':
      return defaultScorecardRows(lang) as Row[];
    case 'meritCatalog':
      return defaultMeritCatalogRows(lang) as Row[];
    case 'assessmentRules':
      return defaultAssessmentRuleRows(lang) as Row[];
    default:
      return [];
  }
}

/** A row of a key/value sheet (⚙ General, ⚙ Targets): key, label, default value, where it comes from. */
export interface KeyValueRecord {
  key: string;
  label: string;
  value: string | number | boolean;
  note: string;
}

function keyValueRows<S extends object>(
  lang: Lang,
  fields: { [K in keyof S]: SettingField<S[K]> },
): KeyValueRecord[] {
  return (Object.keys(fields) as (keyof S & string)[]).map((key) => {
    const field: SettingField<unknown> = fields[key];
    const fallback = field.fallback;
    return {
      key,
      label: t(lang, field.label),
      value: Array.isArray(fallback)
        ? fallback.join(', ')
        : typeof fallback === 'number' || typeof fallback === 'boolean'
          ? fallback
          : String(fallback),
      // Plain words only: the seed reference stays in the code and the README.
      note: [
        field.note ? t(lang, field.note) : '',
        field.fromManuals ? t(lang, 'settings.note.fromManuals') : '',
      ]
        .filter((text) => text !== '')
        .join(' '),
    };
  });
}

export function defaultGeneralRows(lang: Lang): KeyValueRecord[] {
  return keyValueRows(lang, generalFields(generalDefaults(lang)));
}

function departmentName(lang: Lang, id: DepartmentId): string {
  return t(lang, `settings.dept.${id}` as MessageKey);
}

export interface CategoryRecord {
  category: string;
  subcategory: string;
  department: string;
  defaultAssignee: string;
  active: boolean;
}

export function defaultCategoryRows(lang: Lang): CategoryRecord[] {
  const name = (id: CategoryId) => t(lang, `settings.category.${id}` as MessageKey);
  return DEFAULT_CATEGORIES.map(([category, subcategory, department]) => ({
    category: name(category),
    subcategory: subcategory ? name(subcategory) : '',
    department: departmentName(lang, department),
    defaultAssignee: '',
    active: true,
  }));
}

export interface StaffRecord {
  name: string;
  email: string;
  role: Role;
  department: string;
  onLeave: boolean;
  dailyCap: number | '';
  weeklyCap: number | '';
  active: boolean;
}

/** The example roster: the GM, the CS manager, and per department its head and 2–3 staff; no caps. */
export function defaultStaffRows(lang: Lang): StaffRecord[] {
  const person = ([zh, en, login]: Person, role: Role, department: DepartmentId): StaffRecord => ({
    name: lang === 'zh-CN' ? zh : en,
    email: `${login}@example.com`,
    role,
    department: departmentName(lang, department),
    onLeave: false,
    dailyCap: '',
    weeklyCap: '',
    active: true,
  });
  return [
    person(DEFAULT_GM, 'gm', 'management'),
    person(DEFAULT_MANAGER, 'manager', 'cs'),
    ...DEFAULT_ROSTER.flatMap(([department, head, staff]) => [
      person(head, 'supervisor', department),
      ...staff.map((p) => person(p, 'staff', department)),
    ]),
  ];
}

/** Setup lists the CS manager and the GM of the default roster (SPEC §1: managers receive the reports). */
function reportRecipientRows(lang: Lang): Row[] {
  return defaultStaffRows(lang)
    .filter((person) => person.role === 'manager' || person.role === 'gm')
    .map((person) => ({
      name: person.name,
      email: person.email,
      weekly: true,
      monthly: true,
      quarterly: true,
      annual: true,
    }));
}

/** ⚙ SLA policy rows, with units in the sheet's language. */
export function defaultSlaPolicyRows(lang: Lang = 'en'): Row[] {
  return DEFAULT_SLA_POLICY_ROWS.map((policyRow) => ({
    type: policyRow.type,
    severity: policyRow.severity,
    ack: render(lang, formatDuration(policyRow.stages.ack)),
    transfer: render(lang, formatDuration(policyRow.stages.transfer)),
    feedback: render(lang, formatDuration(policyRow.stages.feedback)),
    resolve: render(lang, formatDuration(policyRow.stages.resolve)),
    callbackOpen: render(lang, formatDuration(policyRow.callbackOpen)),
    callbackDue: render(lang, formatDuration(policyRow.callbackDue)),
    sampleRate: policyRow.sampleRate,
    escalateTo: policyRow.escalation.reach,
    escalationMail: policyRow.escalation.notice,
  }));
}
