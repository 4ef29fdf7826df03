/**
 * Scoring and grading one inspection (SPEC §9) on the one rubric engine (core/scoring): the template
 * becomes a rubric, the answers become the engine's answers, and the engine's item results decide which
 * items failed. What is inspection-specific lives here: the pass mark, the item pass line ("any item
 * below 85 % fails", seed 000 L833), the grade bands typed in ⚙ Checklists.
 */

import { type Answer, type Rubric, type RubricResult, roundPercent, scoreRubric } from '../scoring';
import type { ChecklistItem, ChecklistTemplate } from './checklists';
import { sectionsOf } from './checklists';

/** One answer on an inspection form. */
export type InspectionAnswer =
  | { type: 'pass' }
  | { type: 'fail' }
  | { type: 'na' }
  | { type: 'score'; points: number }
  | { type: 'passRate'; percent: number };

/** The grade on the row: a band label the manager typed, or plain Pass / Fail (rendered by the job). */
export type InspectionGrade = { kind: 'band'; label: string } | { kind: 'pass' } | { kind: 'fail' };

export interface ItemOutcome {
  item: ChecklistItem;
  answer: InspectionAnswer | null;
  /** Score of the item in percent of its maximum (null when N/A or not answered). */
  percent: number | null;
  /** Points earned, unweighted (pass = 1, a score item its points, a pass-rate item rate/100). */
  earned: number | null;
  failed: boolean;
}

export interface InspectionEvaluation {
  /** Before the critical rule, rounded to one decimal (null when nothing could be scored). */
  rawPercent: number | null;
  /** After it: 0 when a critical item failed. */
  scorePercent: number | null;
  criticalFail: boolean;
  passed: boolean;
  grade: InspectionGrade;
  items: ItemOutcome[];
  failedItems: ItemOutcome[];
  /** Items with no usable answer (keys of the template): the row is flagged for review. */
  unanswered: string[];
}

export function rubricOf(template: ChecklistTemplate): Rubric {
  return {
    sections: sectionsOf(template).map((section) => ({
      key: section.name,
      items: section.items.map((item) => ({
        key: item.key,
        max: item.max,
        weight: item.weight,
        kind: item.critical ? ('critical' as const) : ('scored' as const),
        answerKind:
          item.kind === 'passFail'
            ? ('yesNo' as const)
            : item.kind === 'score'
              ? ('points' as const)
              : ('passRate' as const),
        allowNa: true,
      })),
    })),
    criticalScope: 'rubric',
    // A critical item fails below the same line as any item (a pass/fail item on "fail").
    criticalPassPercent: template.itemPassPercent,
    itemFailBelowPercent: template.itemPassPercent,
  };
}

function engineAnswer(item: ChecklistItem, answer: InspectionAnswer): Answer {
  switch (answer.type) {
    case 'na':
      return { type: 'na' };
    case 'pass':
    case 'fail':
      // A pass/fail answer on a score or pass-rate item means full marks or none.
      if (item.kind === 'score') return { type: 'points', points: answer.type === 'pass' ? item.max : 0 };
      if (item.kind === 'passRate') return { type: 'passRate', percent: answer.type === 'pass' ? 100 : 0 };
      return { type: 'yesNo', yes: answer.type === 'pass' };
    case 'score':
      return { type: 'points', points: answer.points };
    case 'passRate':
      return { type: 'passRate', percent: answer.percent };
  }
}

export function inspectionGrade(
  template: ChecklistTemplate,
  passed: boolean,
  score: number | null,
): InspectionGrade {
  if (!passed || score === null) return { kind: 'fail' };
  const band = template.grades.find((grade) => score >= grade.min);
  return band ? { kind: 'band', label: band.label } : { kind: 'pass' };
}

/**
 * Scores the answers (keyed by item key). Fails on: a critical item failed; the score below the pass
 * mark; any failed item when the template says one failed item fails it; nothing scorable at all.
 */
export function evaluateInspection(
  template: ChecklistTemplate,
  answers: Readonly<Record<string, InspectionAnswer | undefined>>,
): InspectionEvaluation {
  const engineAnswers: Record<string, Answer> = {};
  for (const item of template.items) {
    const answer = answers[item.key];
    if (answer) engineAnswers[item.key] = engineAnswer(item, answer);
  }
  const result: RubricResult = scoreRubric(rubricOf(template), engineAnswers);
  const byKey = new Map(result.items.map((item) => [item.key, item]));
  const items: ItemOutcome[] = template.items.map((item) => {
    const scored = byKey.get(item.key);
    const ok = scored?.status === 'scored';
    return {
      item,
      answer: answers[item.key] ?? null,
      percent: ok && scored.percent !== null ? roundPercent(scored.percent) : null,
      earned: ok ? scored.earned : null,
      failed: ok && scored.belowThreshold,
    };
  });
  const unanswered = result.items
    .filter((item) => item.status === 'missing' || item.status === 'invalid')
    .map((item) => item.key);
  const rawPercent = result.rawPercent === null ? null : roundPercent(result.rawPercent);
  const scorePercent = result.finalPercent === null ? null : roundPercent(result.finalPercent);
  const failedItems = items.filter((item) => item.failed);
  // Bands are half-open on the exact score: 84.96 % is below an 85 % pass mark even though it shows as 85.0.
  const exact = result.finalPercent;
  const passed =
    exact !== null &&
    !result.criticalFail &&
    exact >= template.passMark &&
    !(template.anyItemFails && failedItems.length > 0);
  return {
    rawPercent,
    scorePercent,
    criticalFail: result.criticalFail,
    passed,
    grade: inspectionGrade(template, passed, exact),
    items,
    failedItems,
    unanswered,
  };
}
