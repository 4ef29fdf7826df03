/**
 * The ⚙ settings of this spreadsheet, read through the table layer and validated by core parsers.
 * Raw rows are cached (CacheService) so an intake does not spend Sheets calls on six settings sheets;
 * any edit of a ⚙ sheet (onEdit) and every setup drop the cache.
 */
import { type BusinessCalendar, parseCalendarSettings } from '../core/calendar';
import type { CellValue, KeyedRow, SettingsIssue } from '../core/cells';
import {
  type CategorySetting,
  type GeneralSettings,
  type StaffMember,
  parseCategories,
  parseGeneral,
  parseStaff,
} from '../core/settings';
import { type ReportRecipient, parseReportRecipients } from '../core/settings/report-recipients';
import { type ReportTargets, parseTargets } from '../core/settings/targets';
import { type SlaPolicy, parseSlaPolicy } from '../core/sla';
import { t } from '../i18n';
import type { CachePort } from '../ports';
import type { SheetSchema } from '../workbook/schema';
import { CALENDAR, CATEGORIES, GENERAL, HOLIDAYS, REPORT_RECIPIENTS, SLA_POLICY, STAFF, TARGETS } from '../workbook/schemas';
import type { Desk } from './desk';

export interface DeskSettings {
  timeZone: string;
  general: GeneralSettings;
  calendar: BusinessCalendar;
  sla: SlaPolicy;
  categories: CategorySetting[];
  staff: StaffMember[];
  /** ⚙ Targets: KPI targets and list settings of the reports (SPEC §10). */
  targets: ReportTargets;
  /** ⚙ Report recipients (SPEC §10). */
  reportRecipients: ReportRecipient[];
  /** Bad rows and missing sheets, each with sheet, row and reason (shown by the health check). */
  issues: SettingsIssue[];
}

export const SETTINGS_SCHEMAS: readonly SheetSchema[] = [GENERAL, CALENDAR, HOLIDAYS, SLA_POLICY, CATEGORIES, STAFF, TARGETS, REPORT_RECIPIENTS];

const CACHE_KEY = 'settings.rows.v1';
const CACHE_SECONDS = 6 * 60 * 60;

type RawSettings = { timeZone: string; sheets: Record<string, KeyedRow[] | null> };

/** JSON keeps Dates as tagged numbers so cached rows read back exactly as Sheets gave them. */
function encode(raw: RawSettings): string {
  return JSON.stringify(raw, function replacer(this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.getTime() } : value;
  });
}

function decode(text: string): RawSettings {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && '$date' in value) {
      return new Date((value as { $date: number }).$date);
    }
    return value;
  }) as RawSettings;
}

function readRaw(desk: Desk): RawSettings {
  const sheets: Record<string, KeyedRow[] | null> = {};
  for (const schema of SETTINGS_SCHEMAS) {
    if (!desk.findSheet(schema)) {
      sheets[schema.key] = null;
      continue;
    }
    const table = desk.table<Record<string, CellValue>>(schema);
    const { rows } = table.readRows(schema.columns.map((column) => column.key));
    sheets[schema.key] = rows.map((row) => ({ row: row.row, values: row.values }));
  }
  return { timeZone: desk.ports.workbook.timeZone(), sheets };
}

function rawSettings(desk: Desk): RawSettings {
  const cached = desk.ports.cache.get(CACHE_KEY);
  if (cached) return decode(cached);
  const raw = readRaw(desk);
  const text = encode(raw);
  desk.ports.cache.put(CACHE_KEY, text, CACHE_SECONDS);
  return raw;
}

export function invalidateSettings(cache: CachePort): void {
  cache.remove(CACHE_KEY);
}

/** Parses every ⚙ table; a missing sheet or bad row is reported and its defaults are used. Never throws. */
export function loadSettings(desk: Desk): DeskSettings {
  const { lang } = desk;
  const raw = rawSettings(desk);
  const issues: SettingsIssue[] = [];
  const rowsOf = (schema: SheetSchema): KeyedRow[] => {
    const rows = raw.sheets[schema.key];
    if (rows) return rows;
    issues.push({ sheet: t(lang, schema.title), row: 0, reason: t(lang, 'setup.issue.sheetMissing') });
    return [];
  };
  const general = parseGeneral(rowsOf(GENERAL), lang);
  const calendar = parseCalendarSettings(
    rowsOf(CALENDAR),
    rowsOf(HOLIDAYS),
    raw.timeZone,
    { calendar: t(lang, CALENDAR.title), holidays: t(lang, HOLIDAYS.title) },
    lang,
  );
  const sla = parseSlaPolicy(rowsOf(SLA_POLICY), t(lang, SLA_POLICY.title), lang);
  const categories = parseCategories(rowsOf(CATEGORIES), lang);
  const staff = parseStaff(rowsOf(STAFF), lang);
  const targets = parseTargets(rowsOf(TARGETS), lang);
  const reportRecipients = parseReportRecipients(rowsOf(REPORT_RECIPIENTS), lang);
  issues.push(...general.issues, ...calendar.issues, ...sla.issues, ...categories.issues, ...staff.issues);
  issues.push(...targets.issues, ...reportRecipients.issues);
  return {
    timeZone: calendar.calendar.config.timeZone,
    general: general.value,
    calendar: calendar.calendar,
    sla: sla.policy,
    categories: categories.value,
    staff: staff.value,
    targets: targets.value,
    reportRecipients: reportRecipients.value,
    issues,
  };
}
