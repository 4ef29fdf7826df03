/**
 * Edits of the sheet that the ledger follows: Substantiated or Person complained about on a complaint
 * (the automatic demerit, or its reversal). Runs inside the edit job's document lock.
 *
 * The edit only records what the complaint calls for now — one property per ticket, all of the edit's
 * rows in one property write, no Sheets call — and the next hourly run (or the monthly assessment,
 * before it counts) brings the ledger to it (./queue.ts): the demerit, its reversal, or nothing when the
 * ledger already agrees. So an edit stays within the budget of a user's action (SPEC §15: the intake's 15
 * Sheets calls), several edits of one ticket within the hour settle on the last, and an edit killed after
 * its property write is finished by the hourly run. The entries keep the time of the edit.
 */
import type { CellEdit } from '../../ports';
import type { TicketRow } from '../../workbook/schemas';
import type { Table } from '../../workbook/table';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import { type AutomaticEvidence, complaintEvidence } from './automatic';

/** The Tickets columns whose edit can change a complaint's demerit. */
export const JUDGED_KEYS = ['substantiated', 'personComplained', 'type'] as const;

const JUDGED_PREFIX = 'merits.judged.';

/** A complaint as judged by an edit, waiting for the hourly run. */
export interface JudgedComplaint extends Omit<AutomaticEvidence, 'source' | 'fresh'> {
  /** When the edit was made (ISO): the entry's time and month. */
  at: string;
  /** The property that holds it. */
  key: string;
}

export function judgeEditedComplaints(
  ctx: JobContext,
  _settings: DeskSettings,
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
  const at = ctx.now().toISOString();
  const properties: Record<string, string> = {};
  for (const { values } of rows) {
    const evidence = complaintEvidence(ctx, values, actor);
    if (!evidence) continue;
    const key = `${JUDGED_PREFIX}${evidence.evidence}`;
    // The same finding typed again keeps the time it was first made.
    if (sameFinding(ctx.ports.store.get(key), evidence.staff)) continue;
    properties[key] = JSON.stringify({ ...evidence, at });
  }
  if (Object.keys(properties).length > 0) ctx.ports.store.setAll(properties);
  return Object.keys(properties).map((key) => key.slice(JUDGED_PREFIX.length));
}

function sameFinding(saved: string | null, staff: string | null): boolean {
  if (!saved) return false;
  try {
    const parsed = JSON.parse(saved) as { staff?: string | null };
    return (parsed.staff ?? null)?.trim().toLowerCase() === staff?.trim().toLowerCase();
  } catch {
    return false;
  }
}

/** The complaints judged since the last hourly run, oldest first. */
export function judgedComplaints(ctx: JobContext, keys: readonly string[]): JudgedComplaint[] {
  return keys
    .filter((key) => key.startsWith(JUDGED_PREFIX))
    .flatMap((key): JudgedComplaint[] => {
      const saved = ctx.ports.store.get(key);
      try {
        const parsed = JSON.parse(saved ?? '') as Omit<JudgedComplaint, 'key'>;
        if (typeof parsed.evidence !== 'string' || typeof parsed.at !== 'string')
          throw new Error('incomplete');
        return [{ ...parsed, key }];
      } catch (error) {
        // A hand-edited property: reported, never guessed (the next edit of the cell records it again).
        ctx.ports.log.error(`merits: the judged complaint ${key} could not be read`, error);
        return [];
      }
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The judged complaints are in the journal (or needed nothing): taken off (one property call each). */
export function clearJudged(ctx: JobContext, judged: readonly JudgedComplaint[]): void {
  for (const { key } of judged) ctx.ports.store.delete(key);
}
