/**
 * The running state of each schedule (area × template) — fail streak, last failed items, open
 * rectifications, recent form responses — in document properties, so a submission needs no read of the
 * Inspections register however long it grows (issue 17 budget: ≤ 5,000 cells read at 10k inspections).
 * Read and written under the document lock, in the same step as the rows it describes.
 */
import { EMPTY_STATE, type ScheduleState, scheduleKey } from '../../core/inspections';
import type { StorePort } from '../../ports';

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

function storeKey(area: string, template: string): string {
  return `inspection.schedule.${scheduleKey(area, template)}`;
}

export function loadState(store: StorePort, area: string, template: string): StoredState {
  const saved = store.get(storeKey(area, template));
  const empty: StoredState = { ...EMPTY_STATE, recentResponses: [], recentAt: [], inspectionRows: {} };
  if (!saved) return empty;
  try {
    return { ...empty, ...(JSON.parse(saved) as Partial<StoredState>) };
  } catch {
    return empty;
  }
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
  store.set(storeKey(area, template), JSON.stringify(trimmed));
}
