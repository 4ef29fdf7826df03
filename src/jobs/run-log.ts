/**
 * The Run log / 运行日志 (SPEC §6): every scheduler run records, per job, start, end, result, what it
 * did and any error — appended in one write at the end of the run. The last run of each job is also
 * kept in document properties, so the health check shows it without reading the log.
 */
import { CATALOGS, type Lang, type MessageKey, t } from '../i18n';
import type { StorePort } from '../ports';
import { RUN_LOG, type RunLogRow } from '../workbook/schemas';
import type { JobContext } from './context';

export type JobName =
  | 'inbox'
  | 'sweep'
  | 'digest'
  | 'escalationSummary'
  | 'weekly'
  | 'qaSample'
  | 'qaFinalise'
  | 'qaCalibration'
  | 'assessment'
  | 'merits'
  | 'monthly'
  | 'quarterly'
  | 'annual'
  | 'scheduler'
  | 'formSubmit'
  | 'edit'
  | 'menu'
  | 'import';
export const LOGGED_JOBS: readonly JobName[] = [
  'inbox',
  'sweep',
  'digest',
  'escalationSummary',
  'weekly',
  'monthly',
  'quarterly',
  'annual',
  'qaSample',
  'qaFinalise',
  'qaCalibration',
  'assessment',
  'merits',
  'import',
];
/** Entry points record only their failures (a run log row per form submit would drown the log). */
export const FAILURE_LOGGED_JOBS: readonly JobName[] = ['formSubmit', 'edit', 'menu'];

/** ok; partial = stopped near the time limit, continues next run; error; skipped. */
export type RunResult = 'ok' | 'partial' | 'error' | 'skipped';

export type RunCounts = Record<string, number>;

export interface RunEntry {
  job: JobName;
  /** The period a periodic job ran for (2026-03-02, 2026-W10, 2026-03); '' for the sweep. */
  period: string;
  startedAt: Date;
  endedAt: Date;
  result: RunResult;
  counts: RunCounts;
  error: string;
}

export interface LastRun {
  job: JobName;
  period: string;
  startedAt: string;
  endedAt: string;
  result: RunResult;
  counts: RunCounts;
  error: string;
}

/** Errors are stored whole in the sheet, shortened in properties (9 KB per value). */
const PROPERTY_ERROR_LENGTH = 500;

/** What a run did, in words: "tickets 120 · escalated to level 2: 3" — never JSON (issue 14). */
export function countsText(lang: Lang, counts: RunCounts): string {
  return Object.entries(counts)
    .map(([name, count]) => {
      const key = `scheduler.count.${name}`;
      const label = key in CATALOGS[lang] ? t(lang, key as MessageKey) : name;
      return `${label} ${count}`;
    })
    .join(' · ');
}

function lastRunKey(job: JobName): string {
  return `run.last.${job}`;
}

export class RunLog {
  private readonly entries: RunEntry[] = [];

  constructor(
    private readonly ctx: JobContext,
    readonly runStartedAt: Date,
  ) {}

  record(entry: RunEntry): void {
    this.entries.push(entry);
  }

  /** One append for the whole run; a missing Run log sheet is logged, never fatal. */
  flush(): void {
    if (this.entries.length === 0) return;
    const { ports, lang } = this.ctx;
    for (const entry of this.entries) {
      const last: LastRun = {
        job: entry.job,
        period: entry.period,
        startedAt: entry.startedAt.toISOString(),
        endedAt: entry.endedAt.toISOString(),
        result: entry.result,
        counts: entry.counts,
        error: entry.error.slice(0, PROPERTY_ERROR_LENGTH),
      };
      ports.store.set(lastRunKey(entry.job), JSON.stringify(last));
    }
    if (!this.ctx.findSheet(RUN_LOG)) {
      ports.log.error(`run log sheet missing; ${this.entries.length} entries not recorded`);
      return;
    }
    const rows: Array<Partial<RunLogRow>> = this.entries.map((entry) => {
      const job = t(lang, `scheduler.job.${entry.job}` as MessageKey);
      return {
        at: this.runStartedAt,
        job: entry.period === '' ? job : t(lang, 'scheduler.jobPeriod', { job, period: entry.period }),
        startedAt: entry.startedAt,
        endedAt: entry.endedAt,
        result: t(lang, `scheduler.result.${entry.result}` as MessageKey),
        counts: countsText(lang, entry.counts),
        error: entry.error,
      };
    });
    const table = this.ctx.table<RunLogRow>(RUN_LOG);
    // One row is one appendRow, which Sheets applies whole after the last row (no lock, no getLastRow);
    // several rows take the document lock (Table.appendRecords).
    if (rows.length === 1) table.appendRecord(rows[0]);
    else table.appendRecords(rows);
    this.entries.length = 0;
  }
}

/** The last recorded run of each job (for the health check). */
export function lastRuns(store: StorePort): Partial<Record<JobName, LastRun>> {
  const runs: Partial<Record<JobName, LastRun>> = {};
  for (const job of [...LOGGED_JOBS, 'scheduler' as const, ...FAILURE_LOGGED_JOBS]) {
    const saved = store.get(lastRunKey(job));
    if (!saved) continue;
    try {
      runs[job] = JSON.parse(saved) as LastRun;
    } catch {
      // A hand-edited property is ignored: the next run rewrites it.
    }
  }
  return runs;
}
