/**
 * The inbox ledger of one response sheet, in document properties: which response rows already have
 * their record, without reading a column of every ticket (SPEC §15: intake reads a bounded amount).
 *
 * - `upTo`: every row from 2 to `upTo` has its record (the watermark);
 * - `done`: rows above the watermark that have theirs (responses are not always processed in order:
 *   one that failed waits while later ones go through);
 * - `claimed`: rows whose processing started and did not finish (the execution died or threw). Only
 *   these may have a partial record, so only these need the handler's record check before a retry;
 *   a row never claimed is processed straight away.
 *
 * Read and written only under the document lock. A missing ledger (a form linked before the ledger
 * existed) is built once from the records themselves (`seedLedger`).
 *
 * Failures are kept under their own key per row (`inbox.fail.<sheet>.<row>`), because a response whose
 * processing could not get the lock must still say why without writing the shared ledger. Likewise
 * every trigger run notes its row's arrival (`inbox.arrived.<sheet>.<row>`) before anything else and
 * removes it in the step that marks the row done: the hourly run finds the rows whose trigger died
 * without reading any sheet.
 *
 * The hourly check of each form (`inbox.check.<sheet>`) keeps what it last established: every response
 * submitted before `since` has its row at or above `row`, and each of rows 2…row was done or reported.
 */
import type { StorePort } from '../../ports';

export interface Ledger {
  upTo: number;
  done: number[];
  claimed: number[];
}

export interface Failure {
  reason: string;
  at: string;
  attempts: number;
}

/** Properties hold at most 9 KB per value: reasons are kept short. */
const REASON_LENGTH = 300;

function ledgerKey(sheetId: number): string {
  return `inbox.${sheetId}`;
}

function failurePrefix(sheetId: number): string {
  return `inbox.fail.${sheetId}.`;
}

export function readLedger(store: StorePort, sheetId: number): Ledger | null {
  const saved = store.get(ledgerKey(sheetId));
  if (!saved) return null;
  try {
    const parsed = JSON.parse(saved) as Partial<Ledger>;
    if (typeof parsed.upTo !== 'number') return null;
    return {
      upTo: parsed.upTo,
      done: Array.isArray(parsed.done) ? parsed.done.filter((row) => typeof row === 'number') : [],
      claimed: Array.isArray(parsed.claimed) ? parsed.claimed.filter((row) => typeof row === 'number') : [],
    };
  } catch {
    return null;
  }
}

export function writeLedger(store: StorePort, sheetId: number, ledger: Ledger): void {
  store.set(ledgerKey(sheetId), JSON.stringify(ledger));
}

export function isDone(ledger: Ledger, row: number): boolean {
  return row <= ledger.upTo || ledger.done.includes(row);
}

export function claim(ledger: Ledger, row: number): Ledger {
  return ledger.claimed.includes(row) ? ledger : { ...ledger, claimed: [...ledger.claimed, row] };
}

/** Marks a row done and moves the watermark over every contiguous done row. */
export function markDone(ledger: Ledger, row: number): Ledger {
  const done = new Set([...ledger.done, row]);
  let upTo = ledger.upTo;
  while (done.has(upTo + 1)) {
    upTo += 1;
    done.delete(upTo);
  }
  return {
    upTo,
    done: [...done].filter((r) => r > upTo).sort((a, b) => a - b),
    claimed: ledger.claimed.filter((r) => r !== row),
  };
}

/** The ledger of a sheet whose rows 2…lastRow are known to have records or not (one-time seeding). */
export function seedLedger(lastRow: number, hasRecord: (row: number) => boolean): Ledger {
  let ledger: Ledger = { upTo: 1, done: [], claimed: [] };
  for (let row = 2; row <= lastRow; row++) if (hasRecord(row)) ledger = markDone(ledger, row);
  return ledger;
}

/** Rows of 2…lastRow still without their record, oldest first. */
export function waitingRows(ledger: Ledger, lastRow: number): number[] {
  const rows: number[] = [];
  for (let row = ledger.upTo + 1; row <= lastRow; row++) if (!ledger.done.includes(row)) rows.push(row);
  return rows;
}

function arrivalKey(sheetId: number, row: number): string {
  return `inbox.arrived.${sheetId}.${row}`;
}

export function recordArrival(store: StorePort, sheetId: number, row: number): void {
  store.set(arrivalKey(sheetId, row), '1');
}

export function clearArrival(store: StorePort, sheetId: number, row: number): void {
  if (store.get(arrivalKey(sheetId, row)) !== null) store.delete(arrivalKey(sheetId, row));
}

/** Rows of a sheet some trigger reported (arrived, or failed) and that are not known to be done. */
export function reportedRows(keys: readonly string[], sheetId: number): Set<number> {
  const rows = new Set<number>();
  for (const prefix of [`inbox.arrived.${sheetId}.`, failurePrefix(sheetId)]) {
    for (const key of keys) if (key.startsWith(prefix)) rows.add(Number(key.slice(prefix.length)));
  }
  return rows;
}

export function recordFailure(
  store: StorePort,
  sheetId: number,
  row: number,
  reason: string,
  at: Date,
): void {
  const key = `${failurePrefix(sheetId)}${row}`;
  const previous = readFailure(store, key);
  const failure: Failure = {
    reason: reason.slice(0, REASON_LENGTH),
    at: at.toISOString(),
    attempts: (previous?.attempts ?? 0) + 1,
  };
  store.set(key, JSON.stringify(failure));
}

export function clearFailure(store: StorePort, sheetId: number, row: number): void {
  const key = `${failurePrefix(sheetId)}${row}`;
  if (store.get(key) !== null) store.delete(key);
}

function readFailure(store: StorePort, key: string): Failure | null {
  const saved = store.get(key);
  if (!saved) return null;
  try {
    return JSON.parse(saved) as Failure;
  } catch {
    return null;
  }
}

/** Every recorded failure of a sheet, by row. */
export function failuresOf(store: StorePort, sheetId: number): Map<number, Failure> {
  const prefix = failurePrefix(sheetId);
  const failures = new Map<number, Failure>();
  for (const key of store.keys()) {
    if (!key.startsWith(prefix)) continue;
    const failure = readFailure(store, key);
    if (failure) failures.set(Number(key.slice(prefix.length)), failure);
  }
  return failures;
}

export interface FormCheck {
  /** ISO instant: responses submitted from then on are the ones not yet accounted for. */
  since: string;
  row: number;
}

function checkKey(sheetId: number): string {
  return `inbox.check.${sheetId}`;
}

export function readCheck(store: StorePort, sheetId: number): FormCheck | null {
  try {
    const parsed = JSON.parse(store.get(checkKey(sheetId)) ?? 'null') as Partial<FormCheck> | null;
    return parsed &&
      typeof parsed.since === 'string' &&
      typeof parsed.row === 'number' &&
      !Number.isNaN(Date.parse(parsed.since))
      ? { since: parsed.since, row: parsed.row }
      : null;
  } catch {
    return null;
  }
}

export function writeCheck(store: StorePort, sheetId: number, check: FormCheck): void {
  store.set(checkKey(sheetId), JSON.stringify(check));
}

function rescanKey(sheetId: number): string {
  return `inbox.rescan.${sheetId}`;
}

/** Whether a scan left rows of this sheet for the next run (known from the property keys: no call). */
export function needsRescan(keys: readonly string[], sheetId: number): boolean {
  return keys.includes(rescanKey(sheetId));
}

export function markRescan(store: StorePort, keys: readonly string[], sheetId: number, on: boolean): void {
  if (on) store.set(rescanKey(sheetId), '1');
  else if (needsRescan(keys, sheetId)) store.delete(rescanKey(sheetId));
}
