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
  /**
   * Append under the cached header map, without reading row 1 first (see Table.appendRecord): only
   * for intake and the ticket panel, whose call budgets (SPEC §15 and issue 19: an intake ≤ 15, a panel
   * action ≤ 15) have no room for the check. Every hourly run checks History's header (scheduler).
   */
  { trustCachedHeader = false }: { trustCachedHeader?: boolean } = {},
): void {
  if (entries.length === 0) return;
  const at = ctx.now();
  const rows: Array<Partial<HistoryRow>> = entries.map((entry) => ({ ...entry, at, source }));
  const table = ctx.table<HistoryRow>(HISTORY);
  // The common case (one change) costs a single appendRow.
  if (rows.length === 1) table.appendRecord(rows[0], { trustCache: trustCachedHeader });
  else table.appendRecords(rows, { trustCache: trustCachedHeader });
}
