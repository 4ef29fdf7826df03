/**
 * An audit-form submission (质检, SPEC §8.1) becomes one Audits row and one Audit items row per answer.
 * Follows intake's pattern: under the document lock skip a response already recorded (duplicate trigger
 * fires, SPEC §14), keep bad input and flag it Needs review, allocate the ID, write each register in one
 * append; the result mail goes out after the lock.
 *
 * Bounded I/O at any size of the registers: no column is read. Duplicates are recognised by a list of
 * recent response IDs (and a TextFinder search of Audits for those), a ticket ID by this desk's counters
 * or one TextFinder search of Tickets, and the run of low scores per person is kept in document
 * properties, updated in the same locked step as the rows.
 */
import { type AuditPlan, auditCounterKey, planAudit, type Scorecard } from '../../core/audits';
import { ENUMS } from '../../core/enums';
import { AppError } from '../../core/errors';
import { ticketPrefix } from '../../core/settings';
import { counterKey, formatTicketId, nextCounter, parseTicketId } from '../../core/tickets';
import { type Lang, t } from '../../i18n';
import type { FormSubmission, StorePort } from '../../ports';
import {
  AUDIT_ITEMS,
  AUDITS,
  type AuditItemRow,
  type AuditRow,
  TICKETS,
  type TicketRow,
} from '../../workbook/schemas';
import type { JobContext } from '../context';
import { enqueueMail } from '../mail';
import { auditRunConsequence } from '../merits/automatic';
import { type DeskSettings, loadSettings } from '../settings';
import { auditItemRows, auditRules, readCleanAnswers } from './answers';
import { checkCalibration, recordCalibrationScore } from './calibration';
import { noteAuditForFinalising } from './finalise';
import { type AuditFormEntry, scorecardVersion } from './forms';
import { auditResultMail, warningText } from './mail';

export type AuditOutcome =
  | { kind: 'recorded'; auditId: string; needsReview: boolean; finalPercent: number | null }
  | { kind: 'duplicate'; responseId: string };

const TICKET_TYPES = ENUMS.ticketType;

/** The scorecard a form's version was made from is gone (document properties cleared). */
export class MissingScorecardError extends AppError {
  constructor(name: string, version: number) {
    super(
      'audits.error.noScorecard',
      { scorecard: name, version },
      `no stored scorecard ${name} v${version}`,
    );
  }
}

/**
 * What this job remembers between runs, in one document property written in one call: the response IDs
 * recently taken (a duplicate trigger fire comes within minutes, so only a response listed here costs a
 * search of Audits), and the one being recorded, so a run killed half-way is finished by the next fire
 * of the same response with the same ID, time and run of low scores.
 */
const JOURNAL_KEY = 'audits.journal';
const RECENT_LIMIT = 300;

interface Journal {
  recent: string[];
  inFlight: { responseId: string; n: number; at: string; runBelowBefore: number } | null;
}

function readJournal(store: StorePort): Journal {
  try {
    const parsed = JSON.parse(store.get(JOURNAL_KEY) ?? '{}') as Partial<Journal>;
    return {
      recent: Array.isArray(parsed.recent) ? parsed.recent.filter((id) => typeof id === 'string') : [],
      inFlight: parsed.inFlight && typeof parsed.inFlight.responseId === 'string' ? parsed.inFlight : null,
    };
  } catch {
    return { recent: [], inFlight: null };
  }
}

function writeJournal(store: StorePort, journal: Journal): void {
  store.set(JOURNAL_KEY, JSON.stringify(journal));
}

/**
 * Whether the ticket ID names a ticket. An ID of this desk's own format is checked against its counter
 * (IDs are allocated only as their row is appended, and rows are never deleted by the product); any other
 * ID (e.g. imported history) is searched for in the ID column of Tickets.
 */
function ticketExists(ctx: JobContext, settings: DeskSettings, id: string): boolean {
  const parts = parseTicketId(id);
  const ownPrefixes = TICKET_TYPES.map((type) => ticketPrefix(settings.general, type));
  if (parts && ownPrefixes.includes(parts.prefix)) {
    const allocated = Number(ctx.ports.store.get(counterKey(parts.prefix, parts.year)) ?? '0') || 0;
    return parts.n >= 1 && parts.n <= allocated;
  }
  return ctx.table<TicketRow>(TICKETS).has('id', id);
}

function runKey(staff: string): string {
  return `qa.runBelow.${staff.trim().toLowerCase()}`;
}

function localParts(settings: DeskSettings, instant: Date): { year: number; month: string } {
  const local = new Date(
    instant.getTime() + settings.calendar.zone.offsetAt(instant.getTime()),
  ).toISOString();
  return { year: Number(local.slice(0, 4)), month: local.slice(0, 7) };
}

function reviewNote(lang: Lang, plan: AuditPlan): string {
  return plan.reviews.map((review) => t(lang, review.key, review.params)).join('\n');
}

export function handleAuditSubmission(
  ctx: JobContext,
  submission: FormSubmission,
  responseId: string,
  form: AuditFormEntry,
): AuditOutcome {
  const { ports, lang } = ctx;
  const settings = loadSettings(ctx);
  const scorecard: Scorecard | null = scorecardVersion(ports.store, form.scorecard, form.version);
  if (!scorecard) throw new MissingScorecardError(form.scorecard, form.version);
  const answers = readCleanAnswers(settings, scorecard, submission.namedValues);
  const { general } = settings;
  const result = ports.lock.withDocumentLock(general.lockTimeoutSeconds * 1000, () => {
    const audits = ctx.table<AuditRow>(AUDITS);
    const itemsTable = ctx.table<AuditItemRow>(AUDIT_ITEMS);
    const journal = readJournal(ports.store);
    // Only a response seen before (a duplicate fire, or a retry after a crash) costs searches.
    const retry = journal.recent.includes(responseId);
    const resumed = retry && journal.inFlight?.responseId === responseId ? journal.inFlight : null;
    const rowDone = retry && audits.has('formResponseId', responseId);
    if (rowDone && !resumed) return { kind: 'duplicate' as const };

    const ticketFound = answers.ticketId === '' ? null : ticketExists(ctx, settings, answers.ticketId);
    // A calibration score (the form's session question filled in by the calibration link) never
    // touches the person's run of low scores, warnings or averages; inside its session it stays sealed.
    const calibration = answers.calibration
      ? checkCalibration(ports.store, answers.calibration, answers.auditor, responseId)
      : null;
    const sealed = calibration?.kind === 'sealed' ? calibration : null;
    const key = runKey(answers.staff);
    const runBelowBefore = calibration
      ? 0
      : resumed
        ? resumed.runBelowBefore
        : Number(ports.store.get(key) ?? '0') || 0;
    const plan = planAudit(scorecard, answers, {
      staff: settings.staff,
      ticketFound,
      runBelowBefore,
      rules: auditRules(settings),
    });

    const now = resumed ? new Date(resumed.at) : ctx.now();
    const { year, month } = localParts(settings, now);
    const counter = auditCounterKey(general['prefix.audit'], year);
    const n = resumed ? resumed.n : nextCounter(ports.store.get(counter));
    const auditId = formatTicketId(general['prefix.audit'], year, n);
    // The journal first (one property write), then the counter, the rows and the run: a run killed at
    // any call is finished by the next fire of the same response, with the same ID, time and run.
    if (!resumed) {
      writeJournal(ports.store, {
        recent: [...journal.recent.filter((id) => id !== responseId), responseId].slice(-RECENT_LIMIT),
        inFlight: { responseId, n, at: now.toISOString(), runBelowBefore },
      });
    }
    if (n > (Number(ports.store.get(counter) ?? '0') || 0)) ports.store.set(counter, String(n));
    const reviews = [
      reviewNote(lang, plan),
      calibration?.kind === 'aside' ? t(lang, calibration.review.key, calibration.review.params) : '',
    ].filter((note) => note !== '');
    const needsReview = reviews.length > 0;
    const row: Partial<AuditRow> = {
      auditId,
      at: now,
      period: month,
      staff: answers.staff,
      department: plan.department,
      auditor: answers.auditor,
      scorecard: scorecard.name,
      version: scorecard.version,
      ticketId: answers.ticketId,
      rawPercent: sealed ? '' : (plan.rawPercent ?? ''),
      finalPercent: sealed ? '' : (plan.finalPercent ?? ''),
      criticalFail: sealed ? '' : plan.result.criticalFail,
      grade: sealed ? '' : plan.grade,
      kind: calibration ? 'calibration' : 'normal',
      state: sealed ? 'sealed' : needsReview ? 'needsReview' : 'scored',
      warning: calibration ? '' : warningText(lang, plan),
      runBelow: calibration ? 0 : plan.runBelow,
      needsReview,
      reviewNote: reviews.join('\n'),
      comments: Object.values(answers.comments)
        .filter((c) => c !== '')
        .join('\n'),
      formResponseId: responseId,
    };
    const items = auditItemRows(auditId, plan);
    // Items first, the Audits row last: the row is what marks the response as recorded.
    // A sealed score's items are written when its session closes (they would show the score).
    if (!sealed && !(resumed && itemsTable.has('auditId', auditId))) itemsTable.appendRecords(items);
    // The result mail in this locked step, before the row that marks the response recorded (key
    // audit:<id>:result): a kill before it leaves the response to be redone, mail included; a kill after
    // it makes the resumed run's enqueue a no-op. A calibration score is no result for the person
    // audited: the calibrators hear when its session closes (below).
    if (!calibration) enqueueMail(ctx, auditResultMail(ctx, settings, scorecard, row, plan));
    if (!rowDone) audits.appendRecord(row);
    if (!calibration) noteAuditForFinalising(ports.store, settings, now);
    // An audit that scored nothing leaves the person's run as it was.
    if (!calibration && plan.finalPercent !== null) ports.store.set(key, String(plan.runBelow));
    const closing = sealed ? recordCalibrationScore(ctx, settings, sealed, auditId, responseId) : [];
    enqueueMail(ctx, closing);
    // The consequence of a run of low audits is a ledger entry (SPEC §8.2), once per audit.
    if (!calibration && plan.runBelow > 0 && plan.runBelow % general.qaConsecutiveLimit === 0)
      auditRunConsequence(
        ctx,
        settings,
        { auditId, staff: answers.staff, count: plan.runBelow, fresh: !resumed },
        answers.auditor,
      );
    ports.workbook.flush();
    if (rowDone) return { kind: 'duplicate' as const };
    return { kind: 'recorded' as const, auditId, plan, needsReview };
  });
  ctx.rememberHeaders();
  if (result.kind === 'duplicate') return { kind: 'duplicate', responseId };
  return {
    kind: 'recorded',
    auditId: result.auditId,
    needsReview: result.needsReview,
    finalPercent: result.plan.finalPercent,
  };
}
