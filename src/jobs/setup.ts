/**
 * Set up / repair (SPEC §3, §4, §13): creates or repairs every sheet, the forms and the three
 * triggers. Idempotent: a second run creates nothing that exists, adds back what is missing, and never
 * deletes a trigger it did not create.
 */
import type { CellValue } from '../core/cells';
import { callbackFormSpec } from '../forms/callback';
import { customerFormSpec, intakeFormSpec } from '../forms/intake';
import { TRIGGER_HANDLERS } from '../handlers';
import { enumLabels, type Lang, t } from '../i18n';
import type { Ports, SheetPort, TriggerKind } from '../ports';
import { type ColumnSpec, columnLabel, headerRow, type SheetSchema } from '../workbook/schema';
import { SCHEMAS } from '../workbook/schemas';
import { syncAssessmentAppealForm } from './assessment/appeals';
import { syncAppealForm } from './audits/appeals';
import { startFinalising } from './audits/finalise';
import { syncAuditForms } from './audits/forms';
import { JobContext } from './context';
import { defaultRows, yesNoSettingRows } from './default-rows';
import { spreadsheetLang } from './entry';
import { seedLedgers } from './inbox';
import { syncInspectionForms } from './inspections/forms';
import { ensureLinkedForm } from './linked-form';
import { emailsWithRole } from './mail';
import { syncMeritForm } from './merits/form';
import { type DeskSettings, invalidateSettings, loadSettings } from './settings';

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const DAY_FORMAT = 'yyyy-mm-dd';
/** Elapsed hours and minutes (2:15, 31:00), not a time of day. */
const DURATION_FORMAT = '[h]:mm';

export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
  forms: string[];
  installedTriggers: TriggerKind[];
  /** Kinds another script's trigger holds (add-ons get one trigger per kind), with its handler. */
  blockedTriggers: Array<{ kind: TriggerKind; handler: string }>;
}

function enumChoices(column: ColumnSpec, lang: Lang): string[] {
  if (column.type === 'bool') return enumLabels(lang, 'yesNo');
  if (column.type !== 'enum' || !column.enum) return [];
  const labels = enumLabels(lang, column.enum);
  return column.allowAny ? [t(lang, 'sheet.value.any'), ...labels] : labels;
}

/**
 * Who may edit system columns: null (everyone, after a warning) by default; in strict mode (⚙ General)
 * only the CS managers and the GM of ⚙ Staff, besides the owner (SPEC §3).
 */
function protectionEditors(ctx: JobContext): string[] | null {
  if (!ctx.findSheet(SCHEMAS.general)) return null;
  const settings = loadSettings(ctx);
  return settings.general.strictProtection ? emailsWithRole(settings.staff, ['manager', 'gm']) : null;
}

/** Collapsible groups over each run of columns of the same group; the system group starts collapsed. */
function groupColumns(sheet: SheetPort, schema: SheetSchema): void {
  let start = 0;
  while (start < schema.columns.length) {
    const group = schema.columns[start].group;
    let end = start;
    while (end + 1 < schema.columns.length && schema.columns[end + 1].group === group) end += 1;
    if (group) sheet.groupColumns(start + 1, end - start + 1, group === 'system');
    start = end + 1;
  }
}

/** Runs of adjacent column indexes, so one protection covers each run of system columns. */
function runsOf(indexes: number[]): Array<{ first: number; count: number }> {
  const runs: Array<{ first: number; count: number }> = [];
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === index) last.count += 1;
    else runs.push({ first: index, count: 1 });
  }
  return runs;
}

/** Header, widths, formats, dropdowns and protections for the columns at the given positions. */
function formatColumns(
  sheet: SheetPort,
  columns: Array<{ spec: ColumnSpec; index: number }>,
  lang: Lang,
  editors: string[] | null,
): void {
  const dataRows = 999;
  for (const { spec, index } of columns) {
    sheet.setColumnWidth(index, spec.width);
    if (spec.hidden) sheet.hideColumn(index);
    if (spec.type === 'date')
      sheet.setNumberFormat(2, index, dataRows, 1, spec.key === 'date' ? DAY_FORMAT : DATE_FORMAT);
    if (spec.type === 'duration') sheet.setNumberFormat(2, index, dataRows, 1, DURATION_FORMAT);
    const choices = enumChoices(spec, lang);
    if (choices.length > 0) sheet.setListValidation(2, index, dataRows, choices, false);
  }
  const systemIndexes = columns.filter(({ spec }) => spec.system).map(({ index }) => index);
  for (const run of runsOf(systemIndexes)) {
    sheet.protectColumns(run.first, run.count, t(lang, 'setup.note.systemColumns'), editors);
  }
}

function createSheet(ctx: JobContext, schema: SheetSchema, editors: string[] | null): SheetPort {
  const { lang } = ctx;
  const sheet = ctx.ports.workbook.createSheet(t(lang, schema.title));
  const header = headerRow(schema, lang);
  // New sheets have 26 columns; Sheets refuses ranges beyond them.
  if (header.length > sheet.maxColumns())
    sheet.insertColumnsAfter(sheet.maxColumns(), header.length - sheet.maxColumns());
  sheet.write(1, 1, [header]);
  sheet.setHeaderStyle(header.length);
  sheet.freezeRows(1);
  formatColumns(
    sheet,
    schema.columns.map((spec, i) => ({ spec, index: i + 1 })),
    lang,
    editors,
  );
  groupColumns(sheet, schema);
  const rows = defaultRows(schema.key, lang, ctx.ports.workbook.timeZone());
  if (rows.length > 0) ctx.table<Record<string, CellValue>>(schema).appendRecords(rows);
  // A yes/no setting of a key/value sheet: a Yes/No (是/否) dropdown on its value cell.
  const valueColumn = schema.columns.findIndex((column) => column.key === 'value') + 1;
  const yesNo = [t(lang, 'enum.yesNo.yes'), t(lang, 'enum.yesNo.no')];
  for (const offset of yesNoSettingRows(schema.key))
    sheet.setListValidation(2 + offset, valueColumn, 1, yesNo, false);
  return sheet;
}

/** Appends the schema's columns the sheet lacks (deleted or never there), after its last column. */
function addMissingColumns(
  ctx: JobContext,
  sheet: SheetPort,
  schema: SheetSchema,
  editors: string[] | null,
): string[] {
  const map = ctx.table<Record<string, CellValue>>(schema).headerMap();
  const missing = schema.columns.filter((column) => map.columns[column.key] === undefined);
  if (missing.length === 0) return [];
  const first = Math.max(sheet.lastColumn(), map.headers.length) + 1;
  if (first + missing.length - 1 > sheet.maxColumns())
    sheet.insertColumnsAfter(sheet.maxColumns(), missing.length);
  sheet.write(1, first, [missing.map((column) => columnLabel(column, ctx.lang))]);
  formatColumns(
    sheet,
    missing.map((spec, i) => ({ spec, index: first + i })),
    ctx.lang,
    editors,
  );
  return missing.map((column) => `${t(ctx.lang, schema.title)}: ${columnLabel(column, ctx.lang)}`);
}

const TRIGGER_KINDS: readonly TriggerKind[] = ['formSubmit', 'edit', 'hourly', 'change'];

/**
 * One trigger of each kind with our handler. Extra copies of our own are removed; triggers of other
 * handlers are left alone, and if one of them holds the kind (add-ons get one per kind), it is reported.
 */
function ensureTriggers(ports: Ports, report: SetupReport): void {
  const existing = ports.triggers.list();
  for (const kind of TRIGGER_KINDS) {
    const handler = TRIGGER_HANDLERS[kind];
    const ours = existing.filter((trigger) => trigger.kind === kind && trigger.handler === handler);
    for (const duplicate of ours.slice(1)) ports.triggers.remove(duplicate.id);
    if (ours.length > 0) continue;
    const other = existing.find((trigger) => trigger.kind === kind);
    try {
      ports.triggers.install(kind, handler);
      report.installedTriggers.push(kind);
    } catch (error) {
      if (!other) throw error;
      report.blockedTriggers.push({ kind, handler: other.handler });
    }
  }
}

/** The first sheet a new spreadsheet comes with, by locale (Sheets names it "Sheet1" / "工作表1"). */
const DEFAULT_SHEET_NAMES = ['Sheet1', '工作表1'];

/** An empty default sheet left beside the registers only confuses people: remove it (never one with content). */
function removeEmptyDefaultSheet(ports: Ports): void {
  for (const name of DEFAULT_SHEET_NAMES) {
    const sheet = ports.workbook.sheet(name);
    if (sheet && sheet.lastRow() === 0 && sheet.lastColumn() === 0 && ports.workbook.sheetNames().length > 1)
      ports.workbook.deleteSheet(name);
  }
}

/**
 * Under the document lock: two setups at once (two managers, or a double click) cannot create two sets
 * of forms, and no intake writes while sheets and columns are being repaired.
 */
export function runSetup(ports: Ports): SetupReport {
  return ports.lock.withDocumentLock(SETUP_LOCK_MS, () => setUpUnderLock(ports));
}

const SETUP_LOCK_MS = 30_000;

function setUpUnderLock(ports: Ports): SetupReport {
  const lang = spreadsheetLang(ports);
  ports.store.set('lang', lang);
  const ctx = new JobContext(ports, lang);
  const report: SetupReport = {
    createdSheets: [],
    addedColumns: [],
    forms: [],
    installedTriggers: [],
    blockedTriggers: [],
  };
  invalidateSettings(ports);
  const editors = protectionEditors(ctx);
  for (const schema of Object.values(SCHEMAS)) {
    const sheet = ctx.findSheet(schema);
    if (sheet) report.addedColumns.push(...addMissingColumns(ctx, sheet, schema, editors));
    else {
      const created = createSheet(ctx, schema, editors);
      if (schema.hidden) created.hide();
      report.createdSheets.push(t(lang, schema.title));
    }
  }
  removeEmptyDefaultSheet(ports);
  ports.workbook.flush();
  invalidateSettings(ports);
  const settings: DeskSettings = loadSettings(ctx);
  report.forms.push(
    ensureLinkedForm(ports, 'form.intake', intakeFormSpec(lang, settings.categories, settings.staff)).id,
  );
  if (settings.general.customerFormEnabled) {
    report.forms.push(
      ensureLinkedForm(ports, 'form.customer', customerFormSpec(lang, settings.categories)).id,
    );
  }
  report.forms.push(ensureLinkedForm(ports, 'form.callback', callbackFormSpec(lang, settings.staff)).id);
  report.forms.push(...syncInspectionForms(ctx, settings));
  report.forms.push(...syncAuditForms(ctx, settings).map((form) => form.formId));
  report.forms.push(syncAppealForm(ctx, settings).id);
  startFinalising(ctx);
  report.forms.push(syncMeritForm(ctx, settings).id);
  report.forms.push(syncAssessmentAppealForm(ctx, settings).id);
  // Every form's inbox ledger exists before its first response (SPEC §14: the response row is the record).
  ports.workbook.flush();
  seedLedgers(ctx);
  ensureTriggers(ports, report);
  ports.store.set('setup.owner', ports.session.effectiveUserEmail());
  // Emails link to the sheet; keeping the URL here saves every later job a Sheets call.
  ports.store.set('spreadsheet.url', ports.workbook.url());
  ports.store.set('setup.at', ports.clock.now().toISOString());
  ctx.rememberHeaders();
  return report;
}

/** The menu action: runs setup and tells the user what it did, in their language. */
export function menuSetup(ports: Ports): void {
  const report = runSetup(ports);
  const lang = spreadsheetLang(ports);
  const message = [
    t(lang, 'setup.done', {
      sheets: Object.keys(SCHEMAS).length,
      forms: report.forms.length,
      triggers: TRIGGER_KINDS.length - report.blockedTriggers.length,
    }),
    ...report.blockedTriggers.map((blocked) => t(lang, 'setup.triggerBlocked', blocked)),
  ].join('\n');
  ports.ui.alert(t(lang, 'menu.title'), message);
}
