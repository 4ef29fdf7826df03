/**
 * The hourly scheduler (SPEC §6), the only time-driven handler. Each run: the deadline sweep, then every
 * periodic slot that opened since that job last completed — the daily digest, weekly and monthly
 * reports — in the spreadsheet's time zone. A job's last completed slot is kept in document properties
 * and only advanced when the job finished, so a missed hour is caught up by the next run and a slot is
 * never run twice. Errors in one job are logged and do not stop the others; every job run is one row of
 * the Run log, appended once per run.
 */
import { errorText } from '../core/errors';
import { Budget, dueSlots, PERIODIC_JOBS, type PeriodicJob, type Slot } from '../core/schedule';
import { t } from '../i18n';
import type { Ports } from '../ports';
import { AUDIT_ITEMS, AUDITS, HISTORY, IMPORT } from '../workbook/schemas';
import { runAssessment, settleAssessments } from './assessment';
import { closeDueCalibrations } from './audits/calibration';
import { finaliseAudits } from './audits/finalise';
import { drawWeeklySample } from './audits/sampling';
import { JobContext } from './context';
import { spreadsheetLang } from './entry';
import { runImport } from './import';
import { reconcileInbox } from './inbox';
import { pruneMailIndex } from './mail';
import { runDigest } from './mail/digest';
import { runEscalationSummary } from './mail/escalation-summary';
import { flushMeritQueue } from './merits/queue';
import { runReport } from './reports';
import { type JobName, type RunCounts, RunLog } from './run-log';
import { type DeskSettings, loadSettings } from './settings';
import { runSweep } from './sweep';

/** One run at a time: a run holds this lease (an expiry instant) for at most Google's 6 minutes. */
const LEASE_KEY = 'scheduler.lease';
const LEASE_MS = 6 * 60_000;
const LEASE_LOCK_MS = 10_000;
/** Without a previous digest, managers hear about the last 24 hours. */
const DEFAULT_NEWS_MS = 24 * 3_600_000;

interface JobOutcome {
  counts: RunCounts;
  /** Nothing to report (the inbox had no waiting response): no Run log row, so the log stays readable. */
  quiet?: boolean;
  /** False when the job stopped near the time limit and continues next run. */
  complete: boolean;
}

interface Mark {
  label: string;
  at: number;
}

function markKey(job: PeriodicJob): string {
  return `schedule.${job}`;
}

function readMark(ports: Ports, job: PeriodicJob): Mark | null {
  const saved = ports.store.get(markKey(job));
  if (!saved) return null;
  try {
    const mark = JSON.parse(saved) as Partial<Mark>;
    return typeof mark.at === 'number' ? { label: String(mark.label ?? ''), at: mark.at } : null;
  } catch {
    return null;
  }
}

function writeMark(ports: Ports, job: PeriodicJob, mark: Mark): void {
  ports.store.set(markKey(job), JSON.stringify(mark));
}

/** Before any job has run, slots count from setup (so installing never sends last week's report). */
function baseline(ports: Ports, now: Date): number {
  const setupAt = Date.parse(ports.store.get('setup.at') ?? '');
  return Number.isFinite(setupAt) ? setupAt : now.getTime();
}

function acquireLease(ports: Ports, now: Date): boolean {
  return ports.lock.withDocumentLock(LEASE_LOCK_MS, () => {
    const held = Number(ports.store.get(LEASE_KEY) ?? '0');
    if (held > now.getTime()) return false;
    ports.store.set(LEASE_KEY, String(now.getTime() + LEASE_MS));
    return true;
  });
}

class SchedulerRun {
  readonly log: RunLog;
  readonly budget: Budget;

  constructor(
    readonly ctx: JobContext,
    readonly startedAt: Date,
  ) {
    this.log = new RunLog(ctx, startedAt);
    this.budget = new Budget(() => ctx.ports.clock.now().getTime(), startedAt.getTime());
  }

  /** Runs one job, recording it; an error is logged and recorded, never thrown. Returns null on error. */
  job(job: JobName, period: string, work: () => JobOutcome): JobOutcome | null {
    const startedAt = this.ctx.ports.clock.now();
    try {
      const outcome = work();
      if (outcome.quiet) return outcome;
      this.log.record({
        job,
        period,
        startedAt,
        endedAt: this.ctx.ports.clock.now(),
        result: outcome.complete ? 'ok' : 'partial',
        counts: outcome.counts,
        error: '',
      });
      return outcome;
    } catch (error) {
      this.ctx.ports.log.error(`scheduler: ${job} ${period} failed`, error);
      this.log.record({
        job,
        period,
        startedAt,
        endedAt: this.ctx.ports.clock.now(),
        result: 'error',
        counts: {},
        error: errorText(error),
      });
      return null;
    }
  }

  periodic(settings: DeskSettings, slot: Slot, previous: Mark | null): JobOutcome {
    const { ctx } = this;
    if (slot.job === 'digest') {
      const since = previous && previous.label !== '' ? previous.at : slot.at - DEFAULT_NEWS_MS;
      return runDigest(ctx, settings, { slot, since, now: ctx.now().getTime() }, this.budget);
    }
    if (slot.job === 'escalationSummary') return runEscalationSummary(ctx, settings, slot);
    if (slot.job === 'weekly') {
      // The week's audit sample is drawn with the weekly report (its own Run log row; an error there
      // never stops the report).
      const week = {
        kind: 'weekly' as const,
        start: new Date(slot.start),
        end: new Date(slot.end),
        label: slot.label,
      };
      this.job('qaSample', slot.label, () => ({
        complete: true,
        counts: drawWeeklySample(ctx, settings, week),
      }));
    }
    if (slot.job === 'monthly') {
      // The month's staff assessment, before the monthly report that shows it (its own Run log row).
      const month = {
        kind: 'monthly' as const,
        start: new Date(slot.start),
        end: new Date(slot.end),
        label: slot.label,
      };
      this.job('assessment', slot.label, () => {
        const outcome = runAssessment(ctx, settings, month, { once: true });
        const counts: RunCounts =
          outcome.kind === 'computed' ? { people: outcome.people, mailed: outcome.mailed } : {};
        return { complete: true, counts };
      });
    }
    const report = runReport(
      ctx,
      settings,
      { kind: slot.job, start: new Date(slot.start), end: new Date(slot.end), label: slot.label },
      { scheduled: true },
    );
    return { complete: true, counts: { mailed: report.mailed } };
  }
}

/** The audit sheet whose cached header map this run checks: Audits on even hours, Audit items on odd. */
function auditHeaderToCheck(at: Date): typeof AUDITS | typeof AUDIT_ITEMS {
  return Math.floor(at.getTime() / 3_600_000) % 2 === 0 ? AUDITS : AUDIT_ITEMS;
}

export function runScheduler(ports: Ports): void {
  const ctx = new JobContext(ports, spreadsheetLang(ports));
  const startedAt = ports.clock.now();
  const run = new SchedulerRun(ctx, startedAt);
  if (!acquireLease(ports, startedAt)) {
    run.log.record({
      job: 'scheduler',
      period: '',
      startedAt,
      endedAt: startedAt,
      result: 'skipped',
      counts: {},
      error: t(ctx.lang, 'scheduler.skipped.running'),
    });
    run.log.flush();
    return;
  }
  try {
    let settings: DeskSettings;
    try {
      settings = loadSettings(ctx);
    } catch (error) {
      ports.log.error('scheduler: settings could not be read', error);
      run.log.record({
        job: 'scheduler',
        period: '',
        startedAt,
        endedAt: ctx.now(),
        result: 'error',
        counts: {},
        error: errorText(error),
      });
      return;
    }
    // Intake's History row and audit submissions append under the cached header maps (their call
    // budgets have no room for a check). Every run checks History's header (the sweep appends to it
    // anyway) and one of the two audit sheets, alternating by hour — so a moved audit column is seen
    // within two hours while the whole run stays within its 30 calls at 100,000 tickets.
    for (const schema of [HISTORY, auditHeaderToCheck(startedAt)])
      if (ctx.findSheet(schema)) ctx.table<Record<string, unknown>>(schema).headerMap();
    // Responses that have no record yet (a failed or missed form-submit) before the sweep, so their
    // tickets are swept in the same run.
    run.job('inbox', '', () => {
      const counts = reconcileInbox(ctx, run.budget);
      const quiet = counts.processed === 0 && counts.failed === 0 && counts.waiting === 0;
      return { complete: counts.waiting === 0, quiet, counts: { ...counts } };
    });
    // Ledger entries journaled by form submissions (jobs/merits/queue.ts); no Sheets call when none.
    run.job('merits', '', () => {
      const appended = ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () =>
        flushMeritQueue(ctx, settings),
      );
      return { complete: true, quiet: appended === 0, counts: { appended } };
    });
    run.job('sweep', '', () => runSweep(ctx, settings, run.budget));
    // Audits whose appeal window closed unappealed become final (no Sheets call until one closes).
    run.job('qaFinalise', '', () => {
      const finalised = finaliseAudits(ctx, settings);
      return { complete: true, quiet: finalised === null, counts: finalised ?? {} };
    });
    // Calibration sessions whose deadline passed close with the scores they have.
    run.job('qaCalibration', '', () => {
      const closed = closeDueCalibrations(ctx, settings);
      return { complete: true, quiet: closed === null, counts: closed ?? {} };
    });
    // A provisional assessment is computed again after an upheld appeal, and becomes final after its
    // working days (no Sheets call when nothing is pending).
    run.job('assessment', '', () => {
      const counts = settleAssessments(ctx, settings);
      return { complete: true, quiet: counts.recomputed + counts.finalized === 0, counts: { ...counts } };
    });
    const now = ctx.now().getTime();
    for (const job of PERIODIC_JOBS) {
      let mark = readMark(ports, job);
      if (!mark) {
        mark = { label: '', at: baseline(ports, startedAt) };
        writeMark(ports, job, mark);
      }
      for (const slot of dueSlots(settings.calendar, settings.general, job, mark.at, now)) {
        if (run.budget.exhausted()) break;
        const outcome = run.job(job, slot.label, () => run.periodic(settings, slot, mark));
        if (!outcome?.complete) break;
        mark = { label: slot.label, at: slot.at };
        writeMark(ports, job, mark);
      }
    }
    // Idempotency keys beyond their crash windows or the index's share of document properties (500 KB).
    pruneMailIndex(ctx);
    // Historic rows the googleapis import tool staged: after the desk's own work, in the time left.
    // The googleapis tool creates the Import sheet under the desk's own language (the language of its
    // ⚙ sheets' titles): looking under that title alone spares the run a call (SPEC §15: 30).
    if (!run.budget.exhausted() && ctx.findSheet(IMPORT, { ownLanguageOnly: true }))
      run.job('import', '', () => runImport(ctx, settings, run.budget));
  } finally {
    run.log.flush();
    ctx.rememberHeaders();
    ports.store.delete(LEASE_KEY);
  }
}
