/**
 * The monthly staff assessment (月度考核, SPEC §8.3): produced by the hourly run for the month just
 * ended (with the monthly report) and on demand from the menu. A month is Provisional for N working
 * days (⚙ General): each person is mailed their own breakdown, appeals are decided, an upheld one
 * recomputes the month (a new revision; the earlier detail rows stay as they were sent). Then the month
 * is Final and frozen: computing it again changes nothing, and a later ledger entry counts in the month
 * it is made.
 *
 * Plan (core/assessment assessMonth) then a short apply: one read per log, the month's Assessment rows
 * updated in place or appended, its detail rows appended in one write, then the mails.
 */
import { type AssessPerson, assessMonth, type PersonAssessment, personKey } from '../../core/assessment';
import { addWorkingDays } from '../../core/calendar';
import { dayNumberOf } from '../../core/calendar/civil';
import { lastCompletedPeriod, type ReportPeriod } from '../../core/reports';
import { assessmentAppealPrefill } from '../../forms/assessment-appeal';
import { registeredForm } from '../../forms/registry';
import { bothLanguages, LANGS, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { Ports } from '../../ports';
import {
  ASSESSMENT,
  ASSESSMENT_DETAILS,
  type AssessmentDetailRow,
  type AssessmentRow,
} from '../../workbook/schemas';
import type { RowChange } from '../../workbook/table';
import { JobContext } from '../context';
import { spreadsheetLang } from '../entry';
import { enqueueMail } from '../mail';
import { flushMeritQueue } from '../merits/queue';
import { type DeskSettings, loadSettings } from '../settings';
import { type AppealLink, assessmentMails, detailRuleText } from './mail';
import {
  readAssessAudits,
  readAssessCallbacks,
  readAssessMerits,
  readAssessments,
  readAssessTickets,
  type StoredAssessment,
} from './read';
import {
  assessmentWrite,
  dropAssessmentWrite,
  finishAssessmentWrite,
  provisionalMonth,
  setAssessmentWrite,
  setProvisionalMonth,
} from './state';

/** A cell holds at most 50,000 characters; the IDs behind a figure are cut well before that. */
const EVIDENCE_MAX_CHARS = 40_000;

export type AssessmentOutcome =
  | { kind: 'computed'; month: string; people: number; details: number; revision: number; mailed: number }
  | { kind: 'frozen'; month: string }
  /** Already computed (a scheduled run retried after a kill): left as it is. */
  | { kind: 'done'; month: string };

/** Who is assessed: active staff and supervisors (the CS manager and the GM assess, they are not ranked). */
export function assessedPeople(settings: DeskSettings): AssessPerson[] {
  return settings.staff
    .filter((member) => member.active && (member.role === 'staff' || member.role === 'supervisor'))
    .map((member) => ({ name: member.name, department: member.department, role: member.role }));
}

function wasLast(flags: string): boolean {
  return LANGS.some((lang) => flags.includes(t(lang, 'assessment.flag.lastPlace')));
}

function previousMonthLabel(month: ReportPeriod, settings: DeskSettings): string {
  return lastCompletedPeriod('monthly', settings.calendar.zone, month.start.getTime()).label;
}

function evidenceText(ids: readonly string[]): string {
  const text = ids.join(', ');
  return text.length <= EVIDENCE_MAX_CHARS ? text : `${text.slice(0, EVIDENCE_MAX_CHARS)} …`;
}

function assessmentRow(
  ctx: JobContext,
  month: string,
  person: PersonAssessment,
  extra: Pick<AssessmentRow, 'state' | 'finalOn' | 'revision' | 'computedAt'>,
): Partial<AssessmentRow> {
  const { metrics } = person;
  const value = (v: number | null) => v ?? '';
  return {
    month,
    staff: person.staff,
    department: person.department,
    base: person.base,
    resolveBreached: value(metrics.resolveBreached.value),
    resolvePoints: metrics.resolveBreached.points,
    callbackMissed: value(metrics.callbackMissed.value),
    callbackPoints: metrics.callbackMissed.points,
    satisfaction: value(metrics.satisfaction.value),
    satisfactionPoints: metrics.satisfaction.points,
    registrations: value(metrics.registrations.value),
    registrationPoints: metrics.registrations.points,
    qaAverage: value(metrics.qaAverage.value),
    qaPoints: metrics.qaAverage.points,
    merits: person.merits,
    demerits: person.demerits,
    total: person.total,
    grade: person.grade,
    rank: person.rank,
    flags: person.flags.map((flag) => render(ctx.lang, flag)).join('; '),
    ...extra,
  };
}

function detailRows(ctx: JobContext, month: string, person: PersonAssessment, revision: number) {
  return person.details.map(
    (detail): Partial<AssessmentDetailRow> => ({
      month,
      staff: person.staff,
      rule: detailRuleText(ctx.lang, detail),
      metric: detail.metric ?? '',
      count: detail.count ?? '',
      points: detail.points,
      evidence: evidenceText(detail.ids),
      revision,
      note: render(ctx.lang, detail.note),
    }),
  );
}

/** The month's figures from the logs (no write). */
export function computeMonth(
  ctx: JobContext,
  settings: DeskSettings,
  month: ReportPeriod,
  stored: readonly StoredAssessment[],
): PersonAssessment[] {
  const previous = previousMonthLabel(month, settings);
  const lastPlaceBefore = new Set(
    stored.filter((row) => row.month === previous && wasLast(row.flags)).map((row) => personKey(row.staff)),
  );
  return assessMonth({
    ...monthLogs(ctx, settings, month),
    lastPlaceBefore,
    lastPlaceConsequence: settings.general.assessmentLastPlaceConsequence,
  });
}

/** What a month is computed from: the people assessed, the four logs (one read each) and the rules. */
export function monthLogs(
  ctx: JobContext,
  settings: DeskSettings,
  month: { label: string; start: Date; end: Date },
) {
  const window = { from: month.start.getTime(), to: month.end.getTime() };
  const callbacks = readAssessCallbacks(ctx, window);
  // The tickets whose attempts are scored in the month: their assignee's satisfaction.
  const scored = new Set(
    callbacks
      .filter(
        (callback) => callback.satisfaction !== null && callback.at >= window.from && callback.at < window.to,
      )
      .map((callback) => callback.ticketId),
  );
  return {
    month: { label: month.label, start: window.from, end: window.to },
    people: assessedPeople(settings),
    tickets: readAssessTickets(ctx, settings, window, scored),
    callbacks,
    audits: readAssessAudits(ctx, window),
    merits: readAssessMerits(ctx, month.label),
    rules: settings.assessmentRules,
    base: settings.general.assessmentBase,
    minimumTotal:
      settings.general.assessmentMinimumTotal === '' ? null : settings.general.assessmentMinimumTotal,
    bands: settings.general,
    labels: bothLanguages,
  };
}

/** When a month computed now stops being provisional: N working days after the month's end. */
export function finalOnOf(settings: DeskSettings, month: ReportPeriod): Date {
  return new Date(
    addWorkingDays(settings.calendar, month.end.getTime(), settings.general.assessmentProvisionalDays),
  );
}

/** A pre-filled appeal link per person (none when the appeal form is missing or the link fails). */
function appealLinkOf(ctx: JobContext, month: ReportPeriod): AppealLink {
  const { ports } = ctx;
  const appeal = registeredForm(ports.store, 'form.assessmentAppeal');
  return (person: PersonAssessment): string | null => {
    if (!appeal) return null;
    try {
      return ports.forms.prefilledUrl(
        appeal.id,
        assessmentAppealPrefill(ctx.lang, person.staff, month.label),
      );
    } catch (error) {
      ports.log.error('assessment appeal link failed', error);
      return null;
    }
  };
}

/**
 * Computes (or recomputes, while provisional) one month and mails each person their own breakdown.
 * A final month is frozen. Under the document lock: the writes and the mails' enqueue in one step.
 * `once` (the scheduled run at the month boundary): a month already computed is left as it is, so a
 * run killed after the assessment and retried an hour later does not compute it again.
 */
export function runAssessment(
  ctx: JobContext,
  settings: DeskSettings,
  month: ReportPeriod,
  { once = false }: { once?: boolean } = {},
): AssessmentOutcome {
  const { ports } = ctx;
  const result = ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    // Entries journaled by form submissions count before the month is computed.
    flushMeritQueue(ctx, settings);
    // A write of another month that a kill left unfinished is finished first (its detail rows come
    // before this month's).
    const unfinished = assessmentWrite(ports.store);
    if (unfinished && unfinished.month !== month.label)
      writeMonth(ctx, settings, periodOfMonth(settings, unfinished.month), false);
    return writeMonth(ctx, settings, month, once);
  });
  ctx.rememberHeaders();
  if (result.kind !== 'computed') return result;
  return {
    kind: 'computed',
    month: month.label,
    people: result.people.length,
    details: result.details,
    revision: result.revision,
    mailed: result.mailed,
  };
}

/** Blanks the detail rows a killed write appended from `from` on (the resumed write appends them again). */
function clearDetailsFrom(ctx: JobContext, from: number): void {
  const sheet = ctx.findSheet(ASSESSMENT_DETAILS);
  if (!sheet) return;
  const last = sheet.lastRow();
  if (last < from) return;
  const width = sheet.lastColumn();
  sheet.write(
    from,
    1,
    Array.from({ length: last - from + 1 }, () => new Array<string>(width).fill('')),
  );
}

/**
 * One month's write, under the document lock. Nothing lost, nothing twice: the revision and the first
 * detail row are marked (document properties) before the first write; the mails are enqueued first,
 * with keys of the revision; then the Assessment rows (updated in place, appended when new) and the
 * detail rows; then the mark is cleared. A kill anywhere leaves the mark, and the next computation of
 * the month resumes it: the same revision (its mails' keys make a second enqueue a no-op), the rows
 * written again in place, the detail rows the killed write appended blanked and appended again.
 */
function writeMonth(ctx: JobContext, settings: DeskSettings, month: ReportPeriod, once: boolean) {
  const { ports } = ctx;
  const stored = readAssessments(ctx);
  const ofMonth = stored.filter((row) => row.month === month.label);
  const unfinished = assessmentWrite(ports.store);
  const resumed = unfinished?.month === month.label ? unfinished : null;
  if (resumed) clearDetailsFrom(ctx, resumed.detailsFrom);
  if (ofMonth.some((row) => row.state === 'final')) {
    if (resumed) dropAssessmentWrite(ports.store);
    return { kind: 'frozen' as const, month: month.label };
  }
  if (once && !resumed && ofMonth.length > 0) return { kind: 'done' as const, month: month.label };
  // An earlier month still provisional (a window longer than a month) is final once the next is made.
  const pending = provisionalMonth(ports.store);
  if (pending && pending.month !== month.label) finalizeRows(ctx, stored, pending.month);
  const people = computeMonth(ctx, settings, month, stored);
  const revision = resumed?.revision ?? Math.max(0, ...ofMonth.map((row) => Number(row.revision) || 0)) + 1;
  const detailsTable = ctx.table<AssessmentDetailRow>(ASSESSMENT_DETAILS);
  if (!resumed)
    setAssessmentWrite(ports.store, {
      month: month.label,
      revision,
      detailsFrom: (ctx.findSheet(ASSESSMENT_DETAILS)?.lastRow() ?? 1) + 1,
    });
  const finalOn = finalOnOf(settings, month);
  const extra = { state: 'provisional' as const, finalOn, revision, computedAt: ctx.now() };
  // A recomputed month mails only the people whose total moved (everyone the first time), with keys of
  // the revision: a resumed write (rows not yet written) finds the same people and keys, so a mail
  // already enqueued is not enqueued again; once the rows are written, every mail was enqueued.
  const before = new Map(ofMonth.map((row) => [personKey(row.staff), row.total]));
  const changed = people.filter((person) => before.get(personKey(person.staff)) !== person.total);
  const mails = assessmentMails(
    ctx,
    settings,
    month.label,
    changed,
    finalOn,
    revision,
    appealLinkOf(ctx, month),
  );
  enqueueMail(ctx, mails);
  const rowOf = new Map(ofMonth.map((row) => [personKey(row.staff), row.row]));
  const updates: Array<RowChange<AssessmentRow>> = [];
  const appends: Array<Partial<AssessmentRow>> = [];
  for (const person of people) {
    const values = assessmentRow(ctx, month.label, person, extra);
    const row = rowOf.get(personKey(person.staff));
    if (row === undefined) appends.push(values);
    else updates.push({ row, values });
  }
  const table = ctx.table<AssessmentRow>(ASSESSMENT);
  if (updates.length > 0) table.updateRows(updates);
  table.appendRecords(appends);
  const details = people.flatMap((person) => detailRows(ctx, month.label, person, revision));
  detailsTable.appendRecords(details);
  ports.workbook.flush();
  finishAssessmentWrite(ports.store, { month: month.label, finalOn: finalOn.toISOString(), dirty: false });
  return { kind: 'computed' as const, people, revision, details: details.length, mailed: mails.length };
}

/**
 * The hourly step: an unfinished write is finished; a provisional month a ledger entry landed in since
 * it was computed (an upheld appeal) is computed again; one whose N working days have passed becomes
 * Final (one read and one write of the month's State column). Nothing pending → no Sheets call.
 */
export function settleAssessments(
  ctx: JobContext,
  settings: DeskSettings,
): { recomputed: number; finalized: number } {
  // A write a kill left unfinished (even between its last write and its mark's removal) is finished
  // first: resumed, it writes the same revision again and enqueues nothing twice.
  const unfinished = assessmentWrite(ctx.ports.store);
  let recomputed = 0;
  if (
    unfinished &&
    runAssessment(ctx, settings, periodOfMonth(settings, unfinished.month)).kind === 'computed'
  )
    recomputed = 1;
  const pending = provisionalMonth(ctx.ports.store);
  if (!pending) return { recomputed, finalized: 0 };
  if (
    pending.dirty &&
    runAssessment(ctx, settings, periodOfMonth(settings, pending.month)).kind === 'computed'
  )
    recomputed = 1;
  if (ctx.now().getTime() < Date.parse(pending.finalOn)) return { recomputed, finalized: 0 };
  const finalized = ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const count = finalizeRows(ctx, readAssessments(ctx), pending.month);
    setProvisionalMonth(ctx.ports.store, null);
    ctx.ports.workbook.flush();
    return count;
  });
  ctx.rememberHeaders();
  return { recomputed, finalized };
}

function finalizeRows(ctx: JobContext, stored: readonly StoredAssessment[], month: string): number {
  const rows = stored.filter((row) => row.month === month && row.state !== 'final');
  ctx
    .table<AssessmentRow>(ASSESSMENT)
    .updateRows(rows.map((row) => ({ row: row.row, values: { state: 'final' } })));
  return rows.length;
}

/** The period of a month label (2026-03): the month completed at the first instant of the next. */
function periodOfMonth(settings: DeskSettings, label: string): ReportPeriod {
  const [year, month] = label.split('-').map(Number);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return lastCompletedPeriod(
    'monthly',
    settings.calendar.zone,
    settings.calendar.zone.toInstant(dayNumberOf(next.year, next.month, 1), 0),
  );
}

/** The menu action: assess the month just ended (again, while it is provisional) and say what was done. */
export function menuAssessLastMonth(ports: Ports): void {
  const ctx = new JobContext(ports, spreadsheetLang(ports));
  const settings = loadSettings(ctx);
  const month = lastCompletedPeriod('monthly', settings.calendar.zone, ctx.now().getTime());
  const outcome = runAssessment(ctx, settings, month);
  const text =
    outcome.kind !== 'computed' // the menu always computes: only a final month is not
      ? t(ctx.lang, 'assessment.menu.frozen', { month: outcome.month })
      : t(ctx.lang, 'assessment.menu.done', {
          month: outcome.month,
          staff: outcome.people,
          entries: outcome.details,
          state: t(ctx.lang, 'enum.assessmentState.provisional'),
        });
  ports.ui.alert(t(ctx.lang, 'menu.title'), text);
}
