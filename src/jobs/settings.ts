/**
 * The ⚙ settings of this spreadsheet, read through the table layer and validated by core parsers.
 * The parsed result is cached (CacheService) so a run spends neither Sheets calls on the settings
 * sheets nor time re-parsing them. The cache is keyed on a fingerprint of the ⚙ sheets, a stamp in
 * document properties that every edit of a ⚙ sheet (onEdit), every change of its structure — rows
 * deleted or inserted, a sort, a sheet added or removed (onChange, which onEdit does not see) — and
 * every setup moves on; a parse cached under an older stamp is not used (an execution that read the
 * sheets just before a change cannot leave its stale parse behind). Reading the ⚙ sheets' sizes
 * instead would cost two Sheets calls per sheet in every execution (SPEC §15: intake ≤ 15 calls).
 */

import { type AssessmentRule, parseAssessmentRules } from '../core/assessment';
import { parseScorecards, type Scorecard } from '../core/audits';
import {
  type BusinessCalendar,
  type CalendarConfig,
  createCalendar,
  type DateKey,
  parseCalendarSettings,
  type SpecialDay,
} from '../core/calendar';
import type { CellValue, KeyedRow, SettingsIssue } from '../core/cells';
import { type AreaSetting, type ChecklistTemplate, parseAreas, parseChecklists } from '../core/inspections';
import { type MeritCatalogItem, parseMeritCatalog } from '../core/merits';
import { message } from '../core/message';
import {
  type CategorySetting,
  type GeneralDefaults,
  type GeneralSettings,
  parseCategories,
  parseGeneral,
  parseStaff,
  type StaffMember,
} from '../core/settings';
import { parseReportRecipients, type ReportRecipient } from '../core/settings/report-recipients';
import { parseTargets, type ReportTargets } from '../core/settings/targets';
import { parseSlaPolicy, type SlaPolicy } from '../core/sla';
import { bothLanguages, LANGS, type Lang, type MessageKey, t } from '../i18n';
import { render } from '../i18n/render';
import type { CachePort, ClockPort, SheetChange, StorePort } from '../ports';
import type { SheetSchema } from '../workbook/schema';
import {
  AREAS,
  ASSESSMENT_RULES,
  CALENDAR,
  CATEGORIES,
  CHECKLISTS,
  GENERAL,
  HOLIDAYS,
  MERIT_CATALOG,
  REPORT_RECIPIENTS,
  SCORECARDS,
  SLA_POLICY,
  STAFF,
  TARGETS,
} from '../workbook/schemas';
import type { JobContext } from './context';

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
  /** ⚙ Checklists and ⚙ Areas: the inspection templates and what is inspected with them (SPEC §9). */
  checklists: ChecklistTemplate[];
  areas: AreaSetting[];
  /** ⚙ Scorecards (SPEC §8.1), each with the version in the sheet. */
  scorecards: Scorecard[];
  /** ⚙ Merit catalog and ⚙ Assessment rules (SPEC §8.2–8.3). */
  meritCatalog: MeritCatalogItem[];
  assessmentRules: AssessmentRule[];
  /** Bad rows and missing sheets, each with sheet, row and reason (shown by the health check). */
  issues: ShownIssue[];
}

/** A settings issue in the sheet's language, as the health check shows it (and the cache keeps it). */
export interface ShownIssue {
  sheet: string;
  row: number;
  reason: string;
}

export function showIssues(lang: Lang, issues: readonly SettingsIssue[]): ShownIssue[] {
  return issues.map(({ sheet, row, reason }) => ({
    sheet: t(lang, sheet),
    row,
    reason: render(lang, reason),
  }));
}

/** ⚙ General's defaults for a spreadsheet in `lang` (its texts worded in that language). */
export function generalDefaults(lang: Lang): GeneralDefaults {
  return {
    language: lang,
    qaConsequence: t(lang, 'audits.default.consequence'),
    assessmentLastPlaceConsequence: t(lang, 'assessment.default.lastPlaceConsequence'),
  };
}

export const SETTINGS_SCHEMAS: readonly SheetSchema[] = [
  GENERAL,
  CALENDAR,
  HOLIDAYS,
  SLA_POLICY,
  CATEGORIES,
  STAFF,
  TARGETS,
  REPORT_RECIPIENTS,
  CHECKLISTS,
  AREAS,
  SCORECARDS,
  MERIT_CATALOG,
  ASSESSMENT_RULES,
];

const CACHE_KEY = 'settings.parsed.v5';
/** The ⚙ sheets' fingerprint: moved on by every change of them (document properties). */
const STAMP_KEY = 'settings.stamp';
const CACHE_SECONDS = 6 * 60 * 60;
/**
 * CacheService refuses a value over 100 KB (UTF-8 bytes): the parse is cached in chunks of at most
 * 30,000 characters (≤ 90 KB even if every character took 3 bytes), all written with one putAll and
 * read with one getAll. A realistic desk (50 staff, a 40-item checklist, scorecards) needs 2–4 chunks;
 * one value alone would not be cached, and every execution would read the 13 ⚙ sheets again.
 */
const CACHE_CHUNK_CHARS = 30_000;
const CACHE_MAX_CHUNKS = 20;
const CHUNK_KEYS = Array.from({ length: CACHE_MAX_CHUNKS }, (_, i) => `${CACHE_KEY}.${i}`);

/** The cached text, if every chunk of it is still cached (CacheService may evict any of them). */
function readCachedText(cache: CachePort): string | null {
  const found = cache.getAll([CACHE_KEY, ...CHUNK_KEYS]);
  const count = Number(found[CACHE_KEY]);
  if (!Number.isInteger(count) || count < 1 || count > CACHE_MAX_CHUNKS) return null;
  const chunks = CHUNK_KEYS.slice(0, count).map((key) => found[key]);
  return chunks.every((chunk) => typeof chunk === 'string') ? chunks.join('') : null;
}

function writeCachedText(cache: CachePort, text: string): void {
  const count = Math.ceil(text.length / CACHE_CHUNK_CHARS);
  if (count > CACHE_MAX_CHUNKS) return;
  const values: Record<string, string> = { [CACHE_KEY]: String(count) };
  for (let i = 0; i < count; i++)
    values[CHUNK_KEYS[i]] = text.slice(i * CACHE_CHUNK_CHARS, (i + 1) * CACHE_CHUNK_CHARS);
  cache.putAll(values, CACHE_SECONDS);
}

/** The parsed settings as plain JSON: the calendar travels as its config, holidays as entries. */
type CachedSettings = Omit<DeskSettings, 'calendar'> & {
  calendar: Omit<CalendarConfig, 'holidays'> & { holidays: Array<[DateKey, SpecialDay]> };
  /** The ⚙ sheets' fingerprint when they were read. */
  stamp: string;
};

function toCache(settings: DeskSettings, stamp: string): string {
  const { config } = settings.calendar;
  const cached: CachedSettings = {
    ...settings,
    calendar: { ...config, holidays: [...config.holidays] },
    stamp,
  };
  return JSON.stringify(cached);
}

/** The cached settings if they were read under this fingerprint, else null. */
function fromCache(text: string, stamp: string): DeskSettings | null {
  let parsed: CachedSettings;
  try {
    parsed = JSON.parse(text) as CachedSettings;
  } catch {
    // Chunks of two different writes (a race between executions): read the sheets instead.
    return null;
  }
  const { stamp: readUnder, ...cached } = parsed;
  if (readUnder !== stamp) return null;
  const config: CalendarConfig = { ...cached.calendar, holidays: new Map(cached.calendar.holidays) };
  return { ...cached, calendar: createCalendar(config) };
}

function readRows(ctx: JobContext): Record<string, KeyedRow[] | null> {
  const sheets: Record<string, KeyedRow[] | null> = {};
  for (const schema of SETTINGS_SCHEMAS) {
    if (!ctx.findSheet(schema)) {
      sheets[schema.key] = null;
      continue;
    }
    const table = ctx.table<Record<string, CellValue>>(schema);
    const { rows } = table.readRows(schema.columns.map((column) => column.key));
    // A column the sheet does not have is left out (not read as blank), so a parser can tell a sheet
    // from before the column existed (⚙ Report recipients' quarterly and annual columns).
    const present = table.headerMap().columns;
    const missing = schema.columns.map((column) => column.key).filter((key) => present[key] === undefined);
    sheets[schema.key] = rows.map((row) => {
      const values: Record<string, CellValue> = { ...row.values };
      for (const key of missing) delete values[key];
      // What was typed where the column wants a number, date, choice…: the parser is given the text
      // itself, so it reports it as typed ("??" is not a percentage…) instead of reading it as empty
      // and quietly using the default.
      for (const [key, typed] of Object.entries(row.unrecognized))
        if (typed !== undefined) values[key] = typed;
      return { row: row.row, values, unrecognized: row.unrecognized };
    });
  }
  return sheets;
}

/** The ⚙ sheets changed: a new fingerprint (so no parse cached before it is used) and the cache dropped. */
export function invalidateSettings(ports: { cache: CachePort; store: StorePort; clock: ClockPort }): void {
  const previous = Number(ports.store.get(STAMP_KEY) ?? 0);
  ports.store.set(STAMP_KEY, String(Math.max(ports.clock.now().getTime(), previous + 1)));
  ports.cache.remove(CACHE_KEY);
}

/** Changes of structure (onChange) that may move or remove ⚙ rows without an edit event. */
const STRUCTURAL: ReadonlySet<string> = new Set([
  'INSERT_ROW',
  'INSERT_COLUMN',
  'REMOVE_ROW',
  'REMOVE_COLUMN',
  'INSERT_GRID',
  'REMOVE_GRID',
  'OTHER',
]);
/** Changes that may concern any sheet (a sheet added, deleted or renamed; "other" includes sorts). */
const ANY_SHEET: ReadonlySet<string> = new Set(['INSERT_GRID', 'REMOVE_GRID', 'OTHER']);

/**
 * The onChange trigger: rows deleted from a ⚙ sheet, a ⚙ sheet sorted or removed… move the ⚙ sheets'
 * fingerprint, so the next run reads them again. Google names the change, not the sheet: the active
 * sheet is where the person acted.
 */
export function handleSheetChange(
  ports: { cache: CachePort; store: StorePort; clock: ClockPort },
  change: SheetChange,
): void {
  if (!STRUCTURAL.has(change.changeType)) return;
  const isSettingsSheet = SETTINGS_SCHEMAS.some((schema) =>
    LANGS.some((lang) => t(lang, schema.title) === change.sheetName),
  );
  if (isSettingsSheet || ANY_SHEET.has(change.changeType)) invalidateSettings(ports);
}

/**
 * The validated settings. Parsing (770 holiday rows among them) happens once per cache lifetime, not in
 * every execution: the parsed result is cached and dropped by any edit of a ⚙ sheet or by setup.
 */
export function loadSettings(ctx: JobContext): DeskSettings {
  // The stamp is read before the sheets: a change after this read moves it, and the parse cached
  // below under the old stamp is then ignored.
  const stamp = ctx.ports.store.get(STAMP_KEY) ?? '';
  const cached = readCachedText(ctx.ports.cache);
  const hit = cached ? fromCache(cached, stamp) : null;
  if (hit) return hit;
  const settings = parseSettings(ctx.lang, readRows(ctx), ctx.ports.workbook.timeZone());
  const text = toCache(settings, stamp);
  writeCachedText(ctx.ports.cache, text);
  return settings;
}

/** Parses every ⚙ table; a missing sheet or bad row is reported and its defaults are used. Never throws. */
function parseSettings(
  lang: Lang,
  sheets: Record<string, KeyedRow[] | null>,
  timeZone: string,
): DeskSettings {
  const issues: SettingsIssue[] = [];
  const rowsOf = (schema: SheetSchema): KeyedRow[] => {
    const rows = sheets[schema.key];
    if (rows) return rows;
    issues.push({ sheet: schema.title, row: 0, reason: message('setup.issue.sheetMissing') });
    return [];
  };
  const labels = bothLanguages;
  const general = parseGeneral(rowsOf(GENERAL), generalDefaults(lang), labels);
  const calendar = parseCalendarSettings(rowsOf(CALENDAR), rowsOf(HOLIDAYS), timeZone);
  const sla = parseSlaPolicy(rowsOf(SLA_POLICY), labels);
  const categories = parseCategories(rowsOf(CATEGORIES), labels);
  const staff = parseStaff(rowsOf(STAFF), labels);
  const targets = parseTargets(rowsOf(TARGETS), labels);
  const reportRecipients = parseReportRecipients(rowsOf(REPORT_RECIPIENTS), labels);
  issues.push(...general.issues, ...calendar.issues, ...sla.issues, ...categories.issues, ...staff.issues);
  issues.push(...targets.issues, ...reportRecipients.issues);
  const checklists = parseChecklists(rowsOf(CHECKLISTS), labels);
  const areas = parseAreas(rowsOf(AREAS), checklists.templates, labels);
  issues.push(...checklists.issues, ...areas.issues);
  const scorecards = parseScorecards(rowsOf(SCORECARDS), labels);
  for (const issue of scorecards.issues) {
    const column = SCORECARDS.columns.find((c) => c.key === issue.column);
    const params = { ...issue.params, column: column ? message(column.label) : '' };
    issues.push({
      sheet: SCORECARDS.title,
      row: issue.row,
      reason: message(issue.key as MessageKey, params),
    });
  }
  const meritCatalog = parseMeritCatalog(rowsOf(MERIT_CATALOG), labels);
  const assessmentRules = parseAssessmentRules(rowsOf(ASSESSMENT_RULES), labels);
  issues.push(...meritCatalog.issues, ...assessmentRules.issues);
  return {
    timeZone: calendar.calendar.config.timeZone,
    general: general.value,
    calendar: calendar.calendar,
    sla: sla.policy,
    categories: categories.value,
    staff: staff.value,
    targets: targets.value,
    reportRecipients: reportRecipients.value,
    checklists: checklists.templates,
    areas: areas.areas,
    scorecards: scorecards.scorecards,
    meritCatalog: meritCatalog.value,
    assessmentRules: assessmentRules.value,
    issues: showIssues(lang, issues),
  };
}
