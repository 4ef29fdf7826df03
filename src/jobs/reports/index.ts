/**
 * Weekly and monthly reports (SPEC §10). The scheduler calls runReport for each due period; menu actions
 * call it on demand. Rebuilding a period replaces its sheet. One read of Tickets, the pure aggregation
 * of core/reports, one block per write, then one email to the period's ⚙ Report recipients, enqueued
 * in the same locked step as the Report log rows that say it went out.
 */
import {
  buildReport,
  lastCompletedPeriod,
  previousPeriod,
  type ReportKind,
  type ReportPeriod,
} from '../../core/reports';
import { t } from '../../i18n';
import type { Ports } from '../../ports';
import { readAssessmentReport } from '../assessment/report-read';
import { JobContext } from '../context';
import { spreadsheetLang } from '../entry';
import { readReportInspections } from '../inspections/report-read';
import { enqueueMail, reportMail } from '../mail';
import { type DeskSettings, loadSettings } from '../settings';
import { layoutReport } from './layout';
import { appendBuild, readBuilds, reportKey } from './log';
import {
  readReportAudits,
  readReportCallbacks,
  readReportNotes,
  readReportResolutions,
  readReportTickets,
} from './read';
import { writeReportSheet } from './sheet';

export interface ReportOutcome {
  sheetName: string;
  /** Emails sent now. */
  mailed: number;
  /** Emails left in the Outbox (quota, or a failed send). */
  queued: number;
}

/** Long enough to wait out an intake or a sweep; a report that cannot get it fails and is retried next hour. */
const REPORT_LOCK_MS = 60_000;

export function runReport(
  ctx: JobContext,
  settings: DeskSettings,
  period: ReportPeriod,
  { scheduled = false }: { scheduled?: boolean } = {},
): ReportOutcome {
  const { calendar } = settings;
  const previous = previousPeriod(calendar.zone, period);
  const builds = readBuilds(ctx, [period, previous]);
  // The scheduled report of a period already mailed is done (a run that died before its schedule
  // mark): rebuilding it now would mail a needless revision.
  if (scheduled && (builds.get(reportKey(period)) ?? []).some((build) => build.mailed))
    return { sheetName: '', mailed: 0, queued: 0 };
  const model = buildReport({
    tickets: readReportTickets(ctx),
    callbacks: readReportCallbacks(ctx),
    resolutions: readReportResolutions(ctx, previous.start.getTime() - 1),
    managers: settings.staff
      .filter((member) => member.role === 'manager' || member.role === 'gm')
      .map((member) => member.name),
    builds: { current: builds.get(reportKey(period)) ?? [], previous: builds.get(reportKey(previous)) ?? [] },
    period,
    previous,
    calendar,
    targets: settings.targets,
    now: ctx.now().getTime(),
    audits: readReportAudits(ctx, settings.general.qaConsecutiveLimit),
    inspections: readReportInspections(ctx, settings),
    notes: readReportNotes(ctx),
    assessment: readAssessmentReport(ctx),
  });
  const layout = layoutReport(ctx.lang, calendar, model);
  // A scheduler run and a menu build of the same period must not interleave their writes.
  const sheet = ctx.ports.lock.withDocumentLock(REPORT_LOCK_MS, () => writeReportSheet(ctx, period, layout));
  ctx.ports.workbook.flush();
  const baseUrl = ctx.ports.store.get('spreadsheet.url') ?? ctx.ports.workbook.url();
  const messages = reportMail(
    {
      lang: ctx.lang,
      calendar,
      recipients: settings.reportRecipients,
      sheetName: sheet.name,
      sheetUrl: `${baseUrl}#gid=${sheet.id()}`,
    },
    model,
  );
  // The figures of this build, whether it went out, and the mail itself: one locked step.
  // The mail first: a kill before the log rows leaves the period unlogged, so the next run builds it
  // again and its enqueue of the same key is a no-op; the other order could log a mail never enqueued.
  const delivery = ctx.ports.lock.withDocumentLock(REPORT_LOCK_MS, () => {
    const enqueued = enqueueMail(ctx, messages);
    appendBuild(ctx, model, messages.length > 0);
    ctx.ports.workbook.flush();
    return enqueued;
  });
  ctx.rememberHeaders();
  ctx.ports.log.info(
    `report ${period.kind} ${period.label}: sheet "${sheet.name}", ${delivery.sent} sent, ${delivery.queued} queued`,
  );
  return { sheetName: sheet.name, mailed: delivery.sent, queued: delivery.queued };
}

/** Menu action: builds the last completed week or month now and says where it is. */
export function buildLastReport(ports: Ports, kind: ReportKind): ReportOutcome {
  const ctx = new JobContext(ports, spreadsheetLang(ports));
  const settings = loadSettings(ctx);
  const period = lastCompletedPeriod(kind, settings.calendar.zone, ctx.now().getTime());
  const outcome = runReport(ctx, settings, period);
  ports.ui.alert(
    t(ctx.lang, 'menu.title'),
    t(ctx.lang, 'reports.menu.done', {
      sheet: outcome.sheetName,
      sent: outcome.mailed,
      queued: outcome.queued,
    }),
  );
  return outcome;
}
