/**
 * The Report log (issue 14): each build appends one row per key figure — what it counted and the
 * tickets counted against the target — so a sent report can be reproduced and explained, the next
 * report's "previous period" shows the figures as they were sent, and a rebuild of a sent period is a
 * revision against them. One read per report; one append per build. A spreadsheet set up before the
 * log existed simply has no earlier builds (setup / repair creates the sheet).
 */
import type { ReportFigure, ReportModel, ReportPeriod, StoredBuild } from '../../core/reports';
import { REPORT_LOG, type ReportLogRow } from '../../workbook/schemas';
import type { JobContext } from '../context';

/** The log's name for a period, in no language: weekly 2026-W19, monthly 2026-05. */
export function reportKey(period: ReportPeriod): string {
  return `${period.kind} ${period.label}`;
}

/** Earlier builds of the given periods, by report key. */
export function readBuilds(ctx: JobContext, periods: readonly ReportPeriod[]): Map<string, StoredBuild[]> {
  const wanted = new Set(periods.map(reportKey));
  const builds = new Map<string, Map<number, StoredBuild>>();
  if (!ctx.findSheet(REPORT_LOG)) return new Map();
  const { rows } = ctx
    .table<ReportLogRow>(REPORT_LOG)
    .readRows(['builtAt', 'report', 'revision', 'mailed', 'figure', 'part', 'whole', 'tickets']);
  for (const { values } of rows) {
    if (!wanted.has(values.report) || typeof values.revision !== 'number') continue;
    const byRevision = builds.get(values.report) ?? new Map<number, StoredBuild>();
    const build = byRevision.get(values.revision) ?? {
      revision: values.revision,
      builtAt: values.builtAt instanceof Date ? values.builtAt.getTime() : 0,
      mailed: values.mailed === true,
      figures: {},
    };
    (build.figures as Record<string, ReportFigure>)[values.figure] = {
      id: values.figure,
      part: typeof values.part === 'number' ? values.part : 0,
      whole: typeof values.whole === 'number' ? values.whole : 0,
      against: values.tickets === '' ? [] : values.tickets.split(/,\s*/),
    };
    byRevision.set(values.revision, build);
    builds.set(values.report, byRevision);
  }
  return new Map([...builds].map(([key, byRevision]) => [key, [...byRevision.values()]]));
}

/** Appends this build's figures (one write). */
export function appendBuild(ctx: JobContext, model: ReportModel, mailed: boolean): void {
  if (!ctx.findSheet(REPORT_LOG)) return;
  const report = reportKey(model.period);
  ctx.table<ReportLogRow>(REPORT_LOG).appendRecords(
    model.figures.map((figure) => ({
      builtAt: model.builtAt,
      report,
      revision: model.revision,
      mailed,
      figure: figure.id,
      part: figure.part,
      whole: figure.whole,
      tickets: figure.against.join(', '),
    })),
  );
}
