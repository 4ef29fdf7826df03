/**
 * The inbox: one way in for every form (SPEC §4, §14). A form response row is the durable record until
 * it has its ticket (or callback attempt, audit, inspection…): the form-submit trigger processes it at
 * once, and every hourly run reconciles the response rows of every linked form that still have none —
 * oldest first, a bounded number per run, within the run's time budget — so a response whose processing
 * failed for any reason (the lock was busy, a required column was missing, Sheets failed, the execution
 * was killed) becomes its record, with its original submit time, in the next run after the cause is gone.
 *
 * Exactly once: each response sheet has a ledger (./ledger.ts) of the rows done, kept under the document
 * lock in the same step as the record is written. A row is claimed before its record is written; only a
 * claimed row that did not finish can have a partial record, so only then does the handler look for it
 * (by response id) before trying again.
 *
 * A new register plugs in with one handler (./handlers.ts): its form key and a function that writes the
 * record of one response, plus how to find a record by response id. Nothing else changes here.
 */
import { AppError, errorText } from '../../core/errors';
import type { Budget } from '../../core/schedule';
import { type MessageKey, t } from '../../i18n';
import type { FormSubmission } from '../../ports';
import type { JobContext } from '../context';
import { type InboxHandler, type LinkedForm, linkedForms } from './handlers';
import {
  claim,
  clearArrival,
  clearFailure,
  failuresOf,
  isDone,
  type Ledger,
  markDone,
  markRescan,
  needsRescan,
  readCheck,
  readLedger,
  recordArrival,
  recordFailure,
  reportedRows,
  seedLedger,
  waitingRows,
  writeCheck,
  writeLedger,
} from './ledger';
import { responseSheet, submissionOf } from './responses';

/** At most this many waiting responses are processed per hourly run (the rest wait for the next). */
export const RECONCILE_MAX_PER_RUN = 50;
const LOCK_MS = 30_000;

/** The response row identifies a response for good: code never edits or deletes response sheets. */
export function responseIdOf(submission: Pick<FormSubmission, 'sheetId' | 'row'>): string {
  return `${submission.sheetId}:${submission.row}`;
}

export type InboxOutcome =
  | { kind: 'processed'; log: string }
  | { kind: 'duplicate'; responseId: string }
  | { kind: 'unknownForm' };

function formOf(ctx: JobContext, sheetId: number): LinkedForm | null {
  return linkedForms(ctx).find((form) => form.responseSheetId === sheetId) ?? null;
}

/** The ledger, built once from the records themselves when this sheet has none yet. */
function ledgerOf(ctx: JobContext, handler: InboxHandler, sheetId: number, lastRow: () => number): Ledger {
  const existing = readLedger(ctx.ports.store, sheetId);
  if (existing) return existing;
  const recorded = handler.recordedResponseIds(ctx);
  const ledger = seedLedger(lastRow(), (row) => recorded.has(responseIdOf({ sheetId, row })));
  writeLedger(ctx.ports.store, sheetId, ledger);
  return ledger;
}

/**
 * Processes one response exactly once, under the document lock. A failure is recorded against the row
 * (the health check shows it; the next hourly run retries it) and thrown on.
 */
function processResponse(
  ctx: JobContext,
  key: string,
  handler: InboxHandler,
  submission: FormSubmission,
  lastRow: () => number,
): InboxOutcome {
  const { store } = ctx.ports;
  const { sheetId, row } = submission;
  const responseId = responseIdOf(submission);
  try {
    return ctx.ports.lock.withDocumentLock(LOCK_MS, () => {
      let ledger = ledgerOf(ctx, handler, sheetId, lastRow);
      if (isDone(ledger, row)) {
        clearArrival(store, sheetId, row);
        return { kind: 'duplicate' as const, responseId };
      }
      if (ledger.claimed.includes(row) && handler.hasRecord(ctx, responseId)) {
        // An earlier attempt wrote the record and died before marking it: finish its step, then mark.
        handler.complete?.(ctx, { key, submission, responseId });
        writeLedger(store, sheetId, markDone(ledger, row));
        clearArrival(store, sheetId, row);
        clearFailure(store, sheetId, row);
        return { kind: 'duplicate' as const, responseId };
      }
      ledger = claim(ledger, row);
      writeLedger(store, sheetId, ledger);
      const log = handler.process(ctx, { key, submission, responseId });
      writeLedger(store, sheetId, markDone(ledger, row));
      clearArrival(store, sheetId, row);
      clearFailure(store, sheetId, row);
      return { kind: 'processed' as const, log };
    });
  } catch (error) {
    try {
      recordFailure(store, sheetId, row, reasonText(ctx, error), ctx.now());
    } catch (storeError) {
      ctx.ports.log.error('inbox: the failure could not be recorded', storeError);
    }
    throw error;
  }
}

/** The form-submit trigger: the response just appended to a linked form's response sheet. */
export function receiveResponse(ctx: JobContext, submission: FormSubmission): InboxOutcome {
  const form = formOf(ctx, submission.sheetId);
  if (!form) return { kind: 'unknownForm' };
  // Before anything that can fail: the hourly run now knows this row waits, whatever happens next.
  recordArrival(ctx.ports.store, submission.sheetId, submission.row);
  // The row just arrived, so the sheet's last row is at least this one (no Sheets call needed to seed).
  return processResponse(ctx, form.key, form.handler, submission, () => submission.row);
}

/** Why a response waits, as the health check shows it: our own errors in the spreadsheet's language. */
function reasonText(ctx: JobContext, error: unknown): string {
  if (error instanceof AppError) return t(ctx.lang, error.messageKey as MessageKey, error.params);
  return errorText(error);
}

export interface ReconcileCounts {
  processed: number;
  failed: number;
  /** Still waiting after this run (failed again, over the per-run bound or out of time). */
  waiting: number;
}

/** Which form's response sheet the next run scans whole (one per run, in turn). */
const SCAN_KEY = 'inbox.scan';

/**
 * Whether the form holds a response whose row no trigger reported, asked of the form itself (two Forms
 * calls, no Sheets call): the responses submitted since its last check take the rows after the row it
 * established, in order; each of those rows must be done or reported (arrived, failed, claimed). When
 * they are, the check moves on. A form without a check yet, or gone from Forms, says nothing here: the
 * rotating scan reads its sheet.
 */
function holdsUnreported(
  ctx: JobContext,
  info: LinkedForm,
  ledger: Ledger,
  reported: ReadonlySet<number>,
): boolean {
  const { store } = ctx.ports;
  const check = readCheck(store, info.responseSheetId);
  if (!check || info.formId === '') return false;
  const askedAt = ctx.now();
  let count: number | null;
  try {
    count = ctx.ports.forms.responsesSince(info.formId, new Date(check.since));
  } catch (error) {
    // Forms could not answer (a permission taken away, an outage): the rotating scan still reads the sheet.
    ctx.ports.log.error(`inbox: the form of ${info.key} could not be asked for its responses`, error);
    return false;
  }
  if (count === null) return false;
  for (let row = check.row + 1; row <= check.row + count; row++)
    if (!isDone(ledger, row) && !reported.has(row)) return true;
  if (count > 0)
    writeCheck(store, info.responseSheetId, { since: askedAt.toISOString(), row: check.row + count });
  return false;
}

/**
 * The hourly reconciliation, oldest first, at most RECONCILE_MAX_PER_RUN per run, within the run's
 * budget. Rows a trigger reported (arrived, failed, or claimed and unfinished) are known from document
 * properties, at no Sheets call when there are none. Rows no trigger ever reported (the trigger was
 * dropped, or died at its first calls) are found by asking every linked form how many responses it
 * holds since its last check (two Forms calls a form, no Sheets call): a form with more responses than
 * reported rows has its response sheet scanned in this run. As a backstop (a form without a check yet,
 * gone from Forms, or a row that reached its sheet only after the check), one form's response sheet is
 * also scanned per run, in turn: three Sheets calls (SPEC §15 sweep budget). One response failing
 * does not stop the others; it is recorded and retried next run.
 */
export function reconcileInbox(ctx: JobContext, budget: Budget): ReconcileCounts {
  const { store } = ctx.ports;
  const counts: ReconcileCounts = { processed: 0, failed: 0, waiting: 0 };
  const forms = linkedForms(ctx).map((info) => ({ key: info.key, info, handler: info.handler }));
  if (forms.length === 0) return counts;
  const scanned = (Number(store.get(SCAN_KEY)) || 0) % forms.length;
  store.set(SCAN_KEY, String((scanned + 1) % forms.length));
  const keys = store.keys();
  forms.forEach(({ key, info, handler }, index) => {
    const sheetId = info.responseSheetId;
    const known = reportedRows(keys, sheetId);
    const saved = readLedger(store, sheetId);
    for (const row of saved?.claimed ?? []) known.add(row);
    const scan =
      index === scanned || !saved || needsRescan(keys, sheetId) || holdsUnreported(ctx, info, saved, known);
    if (!scan && known.size === 0) return;
    const sheet = responseSheet(ctx, info);
    if (!sheet) return;
    const scannedAt = ctx.now();
    const lastRow = sheet.lastRow();
    const ledger = ctx.ports.lock.withDocumentLock(LOCK_MS, () =>
      ledgerOf(ctx, handler, sheetId, () => lastRow),
    );
    // Every row up to lastRow is now done or waits below (reported by its failure if it fails again).
    // A check that already ends at lastRow stays as it is (no response came since it was made).
    if (scan && readCheck(store, sheetId)?.row !== lastRow)
      writeCheck(store, sheetId, { since: scannedAt.toISOString(), row: lastRow });
    const rows = scan
      ? waitingRows(ledger, lastRow)
      : [...known].filter((row) => row >= 2 && row <= lastRow && !isDone(ledger, row)).sort((a, b) => a - b);
    for (const row of known) if (row > lastRow || isDone(ledger, row)) clearArrival(store, sheetId, row);
    // Rows left for the next run (over the per-run bound, out of time) are unreported: scan again then.
    const leaveForNextRun = (left: number) => {
      counts.waiting += left;
      if (scan) markRescan(store, keys, sheetId, left > 0);
    };
    if (rows.length === 0) {
      leaveForNextRun(0);
      return;
    }
    const batch = rows.slice(0, RECONCILE_MAX_PER_RUN);
    const width = sheet.lastColumn();
    const header = sheet.read(1, 1, 1, width)[0] ?? [];
    const first = batch[0];
    const block = sheet.read(first, 1, batch[batch.length - 1] - first + 1, width);
    let handled = 0;
    for (const row of batch) {
      if (budget.exhausted()) break;
      handled += 1;
      try {
        const submission = submissionOf(sheetId, row, header, block[row - first] ?? []);
        const outcome = processResponse(ctx, key, handler, submission, () => lastRow);
        if (outcome.kind === 'processed') {
          counts.processed += 1;
          ctx.ports.log.info(`inbox: ${outcome.log} (reconciled)`);
        }
      } catch (error) {
        counts.failed += 1;
        counts.waiting += 1;
        ctx.ports.log.error(`inbox: response ${responseIdOf({ sheetId, row })} failed`, error);
      }
    }
    leaveForNextRun(rows.length - handled);
  });
  return counts;
}

export interface WaitingResponse {
  form: string;
  row: number;
  /** Why it is waiting: the last error, or '' when it never ran (the trigger did not fire). */
  reason: string;
  attempts: number;
}

/** Responses without their record yet, with the reason per row (health check). Two calls per form. */
export function waitingResponses(ctx: JobContext): WaitingResponse[] {
  const waiting: WaitingResponse[] = [];
  for (const info of linkedForms(ctx)) {
    const { key } = info;
    const sheet = responseSheet(ctx, info);
    if (!sheet) continue;
    const ledger = readLedger(ctx.ports.store, info.responseSheetId);
    const failures = failuresOf(ctx.ports.store, info.responseSheetId);
    if (!ledger) {
      for (const [row, failure] of failures)
        waiting.push({ form: key, row, reason: failure.reason, attempts: failure.attempts });
      continue;
    }
    for (const row of waitingRows(ledger, sheet.lastRow())) {
      const failure = failures.get(row);
      waiting.push({ form: key, row, reason: failure?.reason ?? '', attempts: failure?.attempts ?? 0 });
    }
  }
  return waiting;
}

/**
 * Setup (under the document lock): every linked form gets its ledger now, built from its register's
 * response ids where it has none yet (a new form, or one linked before ledgers existed), so no hourly
 * run pays for it; and its first check, when every row of its sheet is done (else the rotating scan
 * makes it once the rows are done).
 */
export function seedLedgers(ctx: JobContext): void {
  const { store } = ctx.ports;
  for (const form of linkedForms(ctx)) {
    const sheetId = form.responseSheetId;
    if (readLedger(store, sheetId) && readCheck(store, sheetId)) continue;
    const sheet = responseSheet(ctx, form);
    if (!sheet) continue;
    const at = ctx.now();
    const lastRow = sheet.lastRow();
    const ledger = ledgerOf(ctx, form.handler, sheetId, () => lastRow);
    if (!readCheck(store, sheetId) && waitingRows(ledger, lastRow).length === 0)
      writeCheck(store, sheetId, { since: at.toISOString(), row: lastRow });
  }
}
