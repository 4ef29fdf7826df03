/**
 * End-to-end harness: the real bundle (dist/Code.js, built once per run by global-setup) loaded into
 * the emulator, driven through the entry points Google calls.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Emulator } from '../../scripts/emulator';

let bundle: string | null = null;

export function bundleCode(): string {
  if (bundle === null) bundle = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
  return bundle;
}

export interface DeskOptions {
  /** Simulated start; defaults to Mon 2026-03-02 10:00 in Shanghai. */
  start?: Date;
  lang?: 'zh-CN' | 'en';
  /** The spreadsheet's locale; defaults to en_US for en and zh_CN for zh-CN. */
  locale?: string;
  timeZone?: string;
  mailQuota?: number;
  user?: string;
  /** Google account kind: who Google discloses to triggers (default 'workspace'). */
  accounts?: 'consumer' | 'workspace';
}

export const OWNER = 'owner@example.com';

/** A fresh emulated spreadsheet with the bundle loaded (not set up). */
export function newEmulator(options: DeskOptions = {}): Emulator {
  const emu = new Emulator({
    start: options.start ?? new Date('2026-03-02T02:00:00Z'),
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    locale: options.locale ?? ((options.lang ?? 'en') === 'en' ? 'en_US' : 'zh_CN'),
    user: options.user ?? OWNER,
    mailQuota: options.mailQuota ?? 1500,
    accounts: options.accounts,
    addOn: true,
    // The end-to-end tests read run times on the hour (Google would pick some minute at creation).
    hourlyMinute: 0,
    // Service calls take Google-like time, so time budgets, cursors and the 6-minute limit are exercised.
    latency: 'google',
  });
  emu.load(bundleCode());
  for (const [name, html] of htmlFiles()) emu.htmlFiles.set(name, html);
  return emu;
}

let pages: Map<string, string> | null = null;

/** The project's HTML files as clasp pushes them: dist/<Name>.html is the file `Name`. */
export function htmlFiles(): Map<string, string> {
  if (pages === null) {
    const dist = join(__dirname, '../../dist');
    pages = new Map(
      readdirSync(dist)
        .filter((file) => file.endsWith('.html'))
        .map((file) => [file.slice(0, -'.html'.length), readFileSync(join(dist, file), 'utf8')]),
    );
  }
  return pages;
}

const setUp = new Map<string, Emulator>();

/**
 * A spreadsheet after the setup menu action: sheets, forms, triggers. Setup runs once per test file and
 * set of options; each call gets its own copy of that desk (Emulator.clone), exactly as setup left it.
 */
export function newDesk(options: DeskOptions = {}): Emulator {
  const key = JSON.stringify(options);
  let desk = setUp.get(key);
  if (!desk) {
    desk = newEmulator(options);
    // The manager's one-off setup takes no simulated time here, so the tests' clock stays on the hour.
    desk.setLatency('none');
    desk.run('menuSetup', undefined, { interactive: true });
    desk.setLatency('google');
    setUp.set(key, desk);
  }
  return desk.clone();
}

/**
 * When the last execution started: the time of the event it handled (an edit, a panel action, a form
 * submit), which the product stamps. Service calls take time (latency 'google'), so by the time the test
 * looks, the clock has moved on.
 */
export function lastRunAt(emu: Emulator): Date {
  const last = emu.executions.at(-1);
  if (!last) throw new Error('no execution has run yet');
  return last.at;
}

/** The id of the form registered by setup under a document-property key ('form.intake'…). */
export function formId(emu: Emulator, key: string): string {
  const saved = documentProperties(emu).get(key);
  if (!saved) throw new Error(`no ${key} in document properties`);
  return (JSON.parse(saved) as { id: string }).id;
}

/** Rows of a sheet as objects keyed by header text (uncounted harness access). */
export function rowsOf(emu: Emulator, sheetName: string): Array<Record<string, unknown>> {
  const values = emu.spreadsheet.sheet(sheetName).values();
  const keys = (values[0] ?? []).map(String);
  // A plain loop, not Object.fromEntries: 100,000 rows of 48 columns take seconds that way.
  const records: Array<Record<string, unknown>> = new Array(Math.max(values.length - 1, 0));
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const record: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === '__proto__')
        Object.defineProperty(record, keys[i], {
          value: row[i],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else record[keys[i]] = row[i];
    }
    records[r - 1] = record;
  }
  return records;
}

/** The header row of a sheet (uncounted; reads row 1 only). */
export function headerOf(emu: Emulator, sheetName: string): unknown[] {
  return emu.spreadsheet.sheet(sheetName).row(1);
}

/** The spreadsheet's document properties (uncounted). */
export function documentProperties(emu: Emulator): Map<string, string> {
  return emu.properties.document.get(emu.spreadsheet.id) ?? new Map();
}

/** A1 address of a row's cell in the column with this header. */
export function cellOf(emu: Emulator, sheetName: string, header: string, row: number): string {
  const index = headerOf(emu, sheetName).indexOf(header);
  if (index < 0) throw new Error(`no column "${header}" in ${sheetName}`);
  let column = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    column = String.fromCharCode(65 + ((n - 1) % 26)) + column;
  return `${column}${row}`;
}

/** The note of a row's cell in the column with this header. */
export function noteOf(emu: Emulator, sheetName: string, header: string, row: number): string {
  const sheet = emu.spreadsheet.sheet(sheetName);
  const column = headerOf(emu, sheetName).indexOf(header) + 1;
  // As notes() shows them: only within the last row and column with content.
  if (column < 1 || row > sheet.lastRow() || column > sheet.lastColumn()) return '';
  return String(sheet.cell(row, column)?.note ?? '');
}
