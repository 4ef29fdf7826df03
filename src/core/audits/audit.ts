/**
 * One audit (SPEC §8.1) planned from its form answers: scored by core/scoring, graded by the ⚙ General
 * bands, checked for bad input (kept and flagged, never dropped) and for warnings. Pure: the job reads
 * the rows it needs, calls planAudit, and writes what it returns.
 */
import { type Answer, type Answers, gradeOf, type RubricResult, roundPercent, scoreRubric } from '../scoring';
import type { StaffMember } from '../settings';
import type { Scorecard, ScorecardItem } from './scorecards';

/** An answer as read from the form: scorable, or text that could not be read as the item's answer kind. */
export type FormAnswer = Answer | { type: 'unreadable'; text: string };

export interface AuditAnswers {
  staff: string;
  auditor: string;
  ticketId: string;
  /** By item key; an item with no answer is absent. */
  items: Readonly<Record<string, FormAnswer | undefined>>;
  /** The text of each answer as given, by item key (stored on Audit items). */
  texts: Readonly<Record<string, string>>;
  rootCauses: string[];
  /** By section name. */
  comments: Readonly<Record<string, string>>;
  /** Question titles of the form that match no item of the scorecard (a form older than the scorecard). */
  unknownQuestions: number;
  /** The calibration session this answers ('' for a normal audit). */
  calibration?: string;
}

export interface AuditRules {
  bands: { gradeA: number; gradeB: number; gradeC: number };
  /** Final % below this gets a warning (seed 000 L751: 80). */
  warningBelow: number;
  /** This many normal audits in a row below warningBelow bring the consequence (seed 000 L757: 3). */
  consecutiveLimit: number;
  consequence: string;
}

export interface AuditContext {
  staff: readonly StaffMember[];
  /** null when no ticket ID was given; else whether the Tickets sheet has it. */
  ticketFound: boolean | null;
  /** How many of the person's latest normal audits in a row scored below the warning score. */
  runBelowBefore: number;
  rules: AuditRules;
}

/** A reason to review the audit, as a message key (the job renders it). */
export interface AuditReview {
  key:
    | 'audits.review.unknownStaff'
    | 'audits.review.unknownAuditor'
    | 'audits.review.selfAudit'
    | 'audits.review.unknownTicket'
    | 'audits.review.noRootCause'
    | 'audits.review.badAnswer'
    | 'audits.review.naNotAllowed'
    | 'audits.review.nothingScored'
    | 'audits.review.versionChanged';
  params: Record<string, string | number>;
}

export type AuditWarning =
  | { key: 'audits.warning.below'; params: { threshold: number } }
  | { key: 'audits.warning.consecutive'; params: { count: number; threshold: number; consequence: string } };

export interface PlannedItem {
  item: ScorecardItem;
  answer: string;
  /** Unweighted points earned; null when N/A, missing or unreadable. */
  points: number | null;
  na: boolean;
  /** The root causes of the audit, on each item below half. */
  rootCause: string;
  comment: string;
}

export interface AuditPlan {
  result: RubricResult;
  /** Rounded to one decimal for the sheet; null when nothing could be scored. */
  rawPercent: number | null;
  finalPercent: number | null;
  grade: string;
  department: string;
  reviews: AuditReview[];
  warning: AuditWarning | null;
  /** Position in the current run of audits below the warning score (0 when not below). */
  runBelow: number;
  items: PlannedItem[];
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Below half of its max, an item needs a root cause (SPEC §8.1). */
const ROOT_CAUSE_BELOW_PERCENT = 50;

export function planAudit(scorecard: Scorecard, answers: AuditAnswers, context: AuditContext): AuditPlan {
  const reviews: AuditReview[] = [];
  const scorable: Record<string, Answer> = {};
  for (const item of scorecard.items) {
    const answer = answers.items[item.key];
    if (answer === undefined) continue;
    if (answer.type === 'unreadable') {
      reviews.push({ key: 'audits.review.badAnswer', params: { item: item.text, answer: answer.text } });
      continue;
    }
    scorable[item.key] = answer;
  }
  const result = scoreRubric(scorecard.rubric, scorable as Answers);
  for (const problem of result.problems) {
    const item = scorecard.items.find((i) => i.key === problem.params.item);
    const text = item?.text ?? problem.params.item;
    if (problem.key === 'scoring.problem.naNotAllowed')
      reviews.push({ key: 'audits.review.naNotAllowed', params: { item: text } });
    else
      reviews.push({
        key: 'audits.review.badAnswer',
        params: { item: text, answer: answers.texts[problem.params.item] ?? '' },
      });
  }
  if (result.finalPercent === null) reviews.push({ key: 'audits.review.nothingScored', params: {} });

  const staff = context.staff.find((member) => sameName(member.name, answers.staff));
  if (!staff) reviews.push({ key: 'audits.review.unknownStaff', params: { name: answers.staff } });
  if (!context.staff.some((member) => sameName(member.name, answers.auditor)))
    reviews.push({ key: 'audits.review.unknownAuditor', params: { name: answers.auditor } });
  if (answers.staff.trim() !== '' && sameName(answers.staff, answers.auditor))
    reviews.push({ key: 'audits.review.selfAudit', params: {} });
  if (context.ticketFound === false)
    reviews.push({ key: 'audits.review.unknownTicket', params: { id: answers.ticketId } });
  if (answers.unknownQuestions > 0)
    reviews.push({ key: 'audits.review.versionChanged', params: { version: scorecard.version } });

  const low = result.items.filter(
    (i) => i.status === 'scored' && i.kind !== 'bonus' && (i.percent ?? 100) < ROOT_CAUSE_BELOW_PERCENT,
  );
  if (low.length > 0 && answers.rootCauses.length === 0)
    reviews.push({ key: 'audits.review.noRootCause', params: {} });
  const lowKeys = new Set(low.map((i) => i.key));
  const rootCause = answers.rootCauses.join(', ');

  const rawPercent = result.rawPercent === null ? null : roundPercent(result.rawPercent);
  const finalPercent = result.finalPercent === null ? null : roundPercent(result.finalPercent);
  const { rules } = context;
  const bands = [
    { grade: 'A', min: rules.bands.gradeA },
    { grade: 'B', min: rules.bands.gradeB },
    { grade: 'C', min: rules.bands.gradeC },
  ];
  const grade = finalPercent === null ? '' : gradeOf(bands, 'D', finalPercent);

  // A run of audits below the warning score restarts after each consequence (seed 000 L757: "连续3次").
  let runBelow = 0;
  let warning: AuditWarning | null = null;
  if (finalPercent !== null && finalPercent < rules.warningBelow) {
    runBelow = context.runBelowBefore + 1;
    warning =
      runBelow % rules.consecutiveLimit === 0
        ? {
            key: 'audits.warning.consecutive',
            params: {
              count: rules.consecutiveLimit,
              threshold: rules.warningBelow,
              consequence: rules.consequence,
            },
          }
        : { key: 'audits.warning.below', params: { threshold: rules.warningBelow } };
  }

  const items: PlannedItem[] = result.items.map((r, i) => {
    const item = scorecard.items[i];
    return {
      item,
      answer: answers.texts[item.key] ?? '',
      points: r.status === 'scored' ? Math.round(r.earned * 100) / 100 : null,
      na: r.status === 'na',
      rootCause: lowKeys.has(item.key) ? rootCause : '',
      comment: answers.comments[item.section] ?? '',
    };
  });

  return {
    result,
    rawPercent,
    finalPercent,
    grade,
    department: staff?.department ?? '',
    reviews,
    warning,
    runBelow,
    items,
  };
}

/** Audit IDs `QA-YYYY-NNNNN` (prefix from ⚙ General); the counter lives in document properties. */
export function auditCounterKey(prefix: string, year: number): string {
  return `auditCounter.${prefix}.${year}`;
}
