/**
 * Edits of the sheet that the ledger follows: Substantiated or Person complained about on a complaint
 * (the automatic demerit, or its reversal). Runs inside the edit job's document lock.
 */
import type { CellEdit } from '../../ports';
import type { TicketRow } from '../../workbook/schemas';
import type { Table } from '../../workbook/table';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import { complaintJudged } from './automatic';

/** The Tickets columns whose edit can change a complaint's demerit. */
export const JUDGED_KEYS = ['substantiated', 'personComplained', 'type'] as const;

export function judgeEditedComplaints(
  ctx: JobContext,
  settings: DeskSettings,
  tickets: Table<TicketRow>,
  edit: CellEdit,
  actor: string,
): string[] {
  const { rows } = tickets.readRowsAt(edit.row, edit.numRows, [
    'id',
    'type',
    'substantiated',
    'personComplained',
  ]);
  return rows.flatMap(({ values }) => complaintJudged(ctx, settings, values, actor));
}
