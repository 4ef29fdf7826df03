/**
 * Automatic entries made inside a form submission whose call budget has no room for a ledger append
 * (an inspection: 25 calls; an audit and an intake: 15) are numbered in the submission's locked step and
 * journaled in document properties — no Sheets call — and the next hourly run (or the monthly
 * assessment, before it counts) appends them with the IDs and times they were given. Nothing is lost:
 * the journal is written in the same step as the record; nothing twice: an entry already in the ledger
 * (a run killed after the append) is recognised by its ID and not appended again.
 */
import type { MeritRow } from '../../workbook/schemas';
import { MERITS } from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import { type MeritDraft, numberDrafts, writeRows } from './ledger';

const QUEUE_KEY = 'merits.queue';

type Stored = Omit<Partial<MeritRow>, 'at'> & { at?: string };

function readQueue(ctx: JobContext): Array<Partial<MeritRow>> {
  const saved = ctx.ports.store.get(QUEUE_KEY);
  if (!saved) return [];
  try {
    const stored = JSON.parse(saved) as Stored[];
    return Array.isArray(stored) ? stored.map((row) => ({ ...row, at: row.at ? new Date(row.at) : '' })) : [];
  } catch (error) {
    // A hand-edited property: its entries are reported, never guessed.
    ctx.ports.log.error('merits: the queued ledger entries could not be read', error);
    return [];
  }
}

/** Numbers the drafts now and journals them for the next hourly run; returns their Entry IDs. */
export function queueEntries(
  ctx: JobContext,
  settings: DeskSettings,
  drafts: readonly MeritDraft[],
): string[] {
  const rows = numberDrafts(ctx, settings, drafts);
  if (rows.length === 0) return [];
  const stored: Stored[] = [...readQueue(ctx), ...rows].map((row) => ({
    ...row,
    at: row.at instanceof Date ? row.at.toISOString() : undefined,
  }));
  ctx.ports.store.set(QUEUE_KEY, JSON.stringify(stored));
  return rows.map((row) => row.entryId ?? '');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Appends the journaled entries not yet in the ledger; under the caller's document lock. 0 calls when none. */
export function flushMeritQueue(ctx: JobContext): number {
  const queued = readQueue(ctx);
  if (queued.length === 0) return 0;
  const table = ctx.table<MeritRow>(MERITS);
  table.requireColumnsForAppend();
  const ids = queued.map((row) => row.entryId ?? '').filter((id) => id !== '');
  const found = table.findRows(['entryId'], `^(${ids.map(escapeRegex).join('|')})$`, { regex: true });
  const present = new Set(table.readRowList(found, ['entryId']).rows.map((row) => row.values.entryId));
  const missing = queued.filter((row) => !present.has(row.entryId ?? ''));
  writeRows(ctx, missing, 'scheduler');
  ctx.ports.store.delete(QUEUE_KEY);
  ctx.ports.workbook.flush();
  return missing.length;
}

/** Entry IDs waiting in the journal for this evidence (a resumed submission asks before it queues again). */
export function queuedEntryIds(ctx: JobContext, evidence: string): string[] {
  return readQueue(ctx)
    .filter((row) => row.evidence === evidence)
    .map((row) => row.entryId ?? '')
    .filter((id) => id !== '');
}
