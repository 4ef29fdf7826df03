/**
 * Simulated time each service call takes. Google publishes no per-call latencies; the 'google' table is
 * an order of magnitude from practice (issue 12's figures for range reads/writes, mail and flush; the
 * rest assumed and listed in README.md), enough for time budgets, cursors and the 6-minute limit to be
 * exercised. Call-count tests are unaffected: latency moves the clock, never the counts.
 */

export interface CallInfo {
  service: string;
  method: string;
  /** Cells the call read or wrote (see CallCounter.cells). */
  cells: number;
}

/** Milliseconds of simulated time for one call. */
export type LatencyModel = (call: CallInfo) => number;

/** Per-family costs in ms: a number, or a base plus a cost per 1,000 cells moved. */
export interface LatencyTable {
  /** A call that reads or writes cells (getValues, setValues, appendRow…): base + per 1,000 cells. */
  sheetsData: { base: number; perThousandCells: number };
  /** A Sheets call that changes structure or format without moving cell values (insertRows, sort…). */
  sheetsChange: number;
  /** A Sheets getter that moves no cells (getSheetByName, getLastRow, getRange…). */
  sheetsMeta: number;
  /** A Range.createTextFinder search (findAll/findNext), per call: base + per 1,000 cells searched. */
  textFinder: { base: number; perThousandCells: number };
  flush: number;
  mail: number;
  forms: number;
  properties: number;
  cache: number;
  lock: number;
  triggers: number;
  /** Ui, HtmlService, Session, Utilities (except sleep), Logger, console, Blob, builders. */
  local: number;
}

export const GOOGLE_LATENCY: LatencyTable = {
  sheetsData: { base: 20, perThousandCells: 1 },
  sheetsChange: 20,
  sheetsMeta: 2,
  textFinder: { base: 30, perThousandCells: 0.1 },
  flush: 50,
  mail: 100,
  forms: 30,
  properties: 10,
  cache: 5,
  lock: 5,
  triggers: 50,
  local: 0,
};

const SHEETS = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
  'Group',
  'Filter',
  'EmbeddedChart',
]);
const FORMS = /^(FormApp|Form|FormResponse|ItemResponse|.*Item)$/;
const CHANGE =
  /^(insert|delete|sort|clear|set|protect|create|append|copy|move|hide|show|activate|autoResize|remove|add|update|shift|collapse|expand|merge|break|rename|trim|uncheck|check)/;

export type LatencyOption = 'none' | 'google' | LatencyModel | Partial<LatencyTable>;

export function latencyModel(option: LatencyOption | undefined): LatencyModel {
  if (option === undefined || option === 'none') return () => 0;
  if (typeof option === 'function') return option;
  const t: LatencyTable = option === 'google' ? GOOGLE_LATENCY : { ...GOOGLE_LATENCY, ...option };
  return ({ service, method, cells }) => {
    if (service === 'SpreadsheetApp' && method === 'flush') return t.flush;
    if (service === 'TextFinder') return t.textFinder.base + (cells / 1000) * t.textFinder.perThousandCells;
    if (SHEETS.has(service)) {
      if (cells > 0) return t.sheetsData.base + (cells / 1000) * t.sheetsData.perThousandCells;
      return CHANGE.test(method) ? t.sheetsChange : t.sheetsMeta;
    }
    if (service === 'MailApp') return method === 'sendEmail' ? t.mail : t.properties;
    if (FORMS.test(service)) return t.forms;
    if (service === 'Properties' || service === 'PropertiesService') return t.properties;
    if (service === 'Cache' || service === 'CacheService') return t.cache;
    if (service === 'Lock' || service === 'LockService') return t.lock;
    if (service === 'ScriptApp' || /^Trigger/.test(service) || service.endsWith('TriggerBuilder'))
      return t.triggers;
    return t.local;
  };
}
