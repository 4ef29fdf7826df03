/**
 * The running state of each schedule (area × template) — fail streak, last failed items, open
 * rectifications, recent form responses — in document properties, so a submission needs no read of the
 * Inspections register however long it grows (issue 17 budget: ≤ 5,000 cells read at 10k inspections).
 * Read and written under the document lock, in the same step as the rows it describes.
 *
 * Size: one open rectification per item key, so the state grows with the checklist — about 220 bytes
 * per open item with Chinese item names (test/e2e/large-state.test.ts: 80 open items ≈ 18 KB), more
 * than one property's 9 KB from about 40 open items. State and journal are therefore kept with
 * ../chunked-store.ts: as one property while they fit, in chunks written by one call when they do not.
 */
import { EMPTY_STATE, type ScheduleState, scheduleKey } from '../../core/inspections';
import type { LogPort, StorePort } from '../../ports';
import { ChunkedValueError, deleteChunked, readChunked, writeChunked } from '../chunked-store';

/** How many recent response IDs a schedule remembers to skip duplicate trigger fires. */
const RECENT_RESPONSES = 20;
/** How many recent inspection instants a schedule remembers: enough for the daily missed-slot check. */
const RECENT_INSPECTIONS = 60;

export interface StoredState extends ScheduleState {
  recentResponses: string[];
  /** When the schedule's latest inspections were done (the daily check of missed slots reads these). */
  recentAt: number[];
  /** Row hint of the last inspection with open items, by inspection ID (checked against the ID there). */
  inspectionRows: Record<string, number>;
}

/**
 * The journal of the one submission being recorded for this schedule (./index.ts), in a property of its
 * own (kept in chunks too when a long checklist's tickets outgrow one value):
 * what its first attempt decided before it wrote anything, so an attempt killed at any call is finished
 * by the next with the same numbers, time and old statuses; and the steps that cannot tell by
 * themselves whether they ran. Removed right after the step's last write (the schedule's new state,
 * which remembers the response): one left behind for a response the state remembers is stale.
 */
export interface InFlight {
  responseId: string;
  /** The inspection's number in its year's series. */
  n: number;
  /** The checklist version the response is scored on (absent in journals made before versions were kept). */
  version?: number;
  /** When the first attempt started: every row and deadline of the submission carries it. */
  at: number;
  /** Rectification ticket ID by item key, allocated before the counters moved. */
  tickets: Record<string, string>;
  /** Status before this re-inspection closed it, by ticket ID (History's old value). */
  closes: Record<string, string>;
  /** Steps done that leave no mark to look for cheaply. */
  done: Array<'history' | 'fault'>;
  /** The fault's ledger Entry IDs, once the fault step is done. */
  faultEntries: string[];
}

function storeKey(area: string, template: string): string {
  return `inspection.schedule.${scheduleKey(area, template)}`;
}

export function loadState(store: StorePort, area: string, template: string): StoredState {
  const saved = readChunked(store, storeKey(area, template));
  const empty: StoredState = {
    ...EMPTY_STATE,
    recentResponses: [],
    recentAt: [],
    inspectionRows: {},
  };
  if (!saved) return empty;
  try {
    const parsed = JSON.parse(saved) as Partial<StoredState>;
    return { ...empty, ...parsed };
  } catch {
    return empty;
  }
}

/**
 * The state for a job that only reports on it (the daily digest): null, with the reason logged, when
 * the stored value is damaged — that schedule is left out and every other one still reported. The
 * submission reads with loadState, which refuses a damaged state instead.
 */
export function loadStateToReport(
  store: StorePort,
  log: LogPort,
  area: string,
  template: string,
): StoredState | null {
  try {
    return loadState(store, area, template);
  } catch (error) {
    if (!(error instanceof ChunkedValueError)) throw error;
    log.error(`inspection schedule ${area} / ${template} left out: its state is damaged`, error);
    return null;
  }
}

function journalKey(area: string, template: string): string {
  return `inspection.inflight.${scheduleKey(area, template)}`;
}

export function loadJournal(store: StorePort, area: string, template: string): InFlight | null {
  // A torn journal throws (ChunkedValueError) rather than being taken for none: numbers would be skipped.
  const saved = readChunked(store, journalKey(area, template));
  let value: unknown = null;
  try {
    value = JSON.parse(saved ?? 'null');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const journal = value as Partial<InFlight>;
  if (
    typeof journal.responseId !== 'string' ||
    typeof journal.n !== 'number' ||
    typeof journal.at !== 'number'
  )
    return null;
  return {
    responseId: journal.responseId,
    n: journal.n,
    ...(typeof journal.version === 'number' ? { version: journal.version } : {}),
    at: journal.at,
    tickets: journal.tickets ?? {},
    closes: journal.closes ?? {},
    done: Array.isArray(journal.done) ? journal.done : [],
    faultEntries: Array.isArray(journal.faultEntries) ? journal.faultEntries : [],
  };
}

export function saveState(store: StorePort, area: string, template: string, state: StoredState): void {
  const openIds = new Set(state.open.map((open) => open.inspectionId));
  const inspectionRows = Object.fromEntries(
    Object.entries(state.inspectionRows).filter(([id]) => openIds.has(id)),
  );
  const trimmed: StoredState = {
    ...state,
    recentResponses: state.recentResponses.slice(-RECENT_RESPONSES),
    recentAt: state.recentAt.slice(-RECENT_INSPECTIONS),
    inspectionRows,
  };
  writeChunked(store, storeKey(area, template), JSON.stringify(trimmed));
}

export function saveJournal(store: StorePort, area: string, template: string, journal: InFlight): void {
  writeChunked(store, journalKey(area, template), JSON.stringify(journal));
}

export function clearJournal(store: StorePort, area: string, template: string): void {
  deleteChunked(store, journalKey(area, template));
}
