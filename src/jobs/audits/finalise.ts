/**
 * The hourly run makes audits final once their appeal window (⚙ General, working days on the business
 * calendar) has closed without an appeal (core/audits/finalise.ts). Costs no Sheets call until an
 * audit's window closes: the cursor (first row not yet past its window, and when that row's window
 * closes) lives in one document property, which each submission sets when it is empty.
 */
import { type FinaliseCandidate, planFinalising } from '../../core/audits';
import { enumLabel, t } from '../../i18n';
import type { StorePort } from '../../ports';
import { AUDITS, type AuditRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { appendHistory } from '../history';
import type { DeskSettings } from '../settings';
import { appealDue } from './appeals';

const CURSOR_KEY = 'audits.finalise';
/** Rows walked per run at most; a longer backlog continues in the next run. */
const BLOCK_ROWS = 2_000;
const KEYS = ['auditId', 'at', 'kind', 'state'] as const;

interface Cursor {
  row: number;
  /** When the window of the audit at `row` closes (ms); null when no audit after the cursor is known. */
  next: number | null;
}

function readCursor(store: StorePort): Cursor {
  try {
    const parsed = JSON.parse(store.get(CURSOR_KEY) ?? '{}') as Partial<Cursor>;
    return {
      row: typeof parsed.row === 'number' && parsed.row >= 2 ? parsed.row : 2,
      next: typeof parsed.next === 'number' ? parsed.next : null,
    };
  } catch {
    return { row: 2, next: null };
  }
}

function writeCursor(store: StorePort, cursor: Cursor): void {
  store.set(CURSOR_KEY, JSON.stringify(cursor));
}

/**
 * A new audit's window: the next walk is due when it closes, unless an earlier audit already waits.
 * Called under the document lock, in the step that appends the audit.
 */
export function noteAuditForFinalising(store: StorePort, settings: DeskSettings, at: Date): void {
  const cursor = readCursor(store);
  if (cursor.next !== null) return;
  writeCursor(store, { row: cursor.row, next: appealDue(settings, at).getTime() });
}

/**
 * Setup: audits made before this step existed (no cursor yet) are walked by the next hourly run; a
 * desk without audits costs nothing.
 */
export function startFinalising(ctx: JobContext): void {
  const { store } = ctx.ports;
  if (store.get(CURSOR_KEY) !== null) return;
  const sheet = ctx.findSheet(AUDITS);
  const hasAudits = sheet !== null && sheet.lastRow() > 1;
  writeCursor(store, { row: 2, next: hasAudits ? ctx.now().getTime() : null });
}

/** Makes final every audit whose window closed; null when no window has closed since the last walk. */
export function finaliseAudits(ctx: JobContext, settings: DeskSettings): { finalised: number } | null {
  const { ports, lang } = ctx;
  const now = ctx.now().getTime();
  const waiting = readCursor(ports.store);
  if (waiting.next === null || waiting.next > now) return null;
  return ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const cursor = readCursor(ports.store);
    if (!ctx.findSheet(AUDITS)) return { finalised: 0 };
    const audits = ctx.table<AuditRow>(AUDITS);
    const rows = audits.readRowsAt(cursor.row, BLOCK_ROWS, KEYS).rows;
    const candidates: FinaliseCandidate[] = rows.map(({ row, values }) => ({
      row,
      auditId: values.auditId,
      at: values.at instanceof Date ? values.at : null,
      kind: values.kind,
      state: values.state,
    }));
    const plan = planFinalising(candidates, cursor.row, now, (at) => appealDue(settings, at).getTime());
    audits.updateRows(plan.lock.map(({ row }) => ({ row, values: { state: 'locked' as const } })));
    appendHistory(
      ctx,
      'scheduler',
      plan.lock.map((audit) => ({
        actor: t(lang, 'history.actor.system'),
        recordId: audit.auditId,
        field: t(lang, 'audits.history.state'),
        oldValue: audit.state === '' ? '' : enumLabel(lang, 'auditState', audit.state),
        newValue: enumLabel(lang, 'auditState', 'locked'),
      })),
    );
    // A full block may have more rows below it: walk on in the next run.
    const next = plan.nextDue ?? (rows.length === BLOCK_ROWS ? now : null);
    writeCursor(ports.store, { row: plan.nextRow, next });
    ports.workbook.flush();
    return { finalised: plan.lock.length };
  });
}
