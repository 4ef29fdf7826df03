/** The append-only History / 操作日志 (SPEC §3): one batched append per job run, never an update. */
import type { HistorySource } from '../core/enums';
import type { HistoryRow } from '../workbook/schemas';
import { HISTORY } from '../workbook/schemas';
import type { JobContext } from './context';

export interface HistoryEntry {
  actor: string;
  recordId: string;
  field: string;
  oldValue: string;
  newValue: string;
}

export function appendHistory(
  ctx: JobContext,
  source: HistorySource,
  entries: readonly HistoryEntry[],
  /** Intake only: append a single row under the cached header map (see Table.appendRecord). */
  { trustCachedHeader = false }: { trustCachedHeader?: boolean } = {},
): void {
  if (entries.length === 0) return;
  const at = ctx.now();
  const rows: Array<Partial<HistoryRow>> = entries.map((entry) => ({ ...entry, at, source }));
  const table = ctx.table<HistoryRow>(HISTORY);
  // The common case (one change) costs a single appendRow.
  if (rows.length === 1) table.appendRecord(rows[0], { trustCache: trustCachedHeader });
  else table.appendRecords(rows);
}
