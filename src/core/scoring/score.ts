/** Scoring one set of answers against a rubric: pure, deterministic, item-level results kept. */

import {
  type Answer,
  type Answers,
  type Rubric,
  type RubricItem,
  type RubricSection,
  SCALE_MAX,
  SCALE_MIN,
} from './rubric';

/** Why an answer could not be scored; the job renders the key in the user's language. */
export type AnswerProblem =
  | { key: 'scoring.problem.wrongType'; params: { item: string; expected: string; got: string } }
  | { key: 'scoring.problem.outOfRange'; params: { item: string; value: number; min: number; max: number } }
  | { key: 'scoring.problem.naNotAllowed'; params: { item: string } };

/** The fate of one item: scored (with its earned points), not applicable, missing, or invalid (excluded, with the problem). */
export type ItemStatus = 'scored' | 'na' | 'missing' | 'invalid';

export interface ItemResult {
  key: string;
  section: string;
  kind: RubricItem['kind'];
  status: ItemStatus;
  /** Unweighted points earned (0..max) when scored, else 0. */
  earned: number;
  max: number;
  weight: number;
  /** earned / max in percent when scored, else null. */
  percent: number | null;
  /** A critical item that earned less than the rubric's critical pass percent. */
  criticalFailed: boolean;
  /** A scored or critical item below the rubric's itemFailBelowPercent. */
  belowThreshold: boolean;
  problem: AnswerProblem | null;
}

export interface SectionResult {
  key: string;
  /** Σ earned × weight of scored and critical items (bonus excluded). */
  earned: number;
  /** Σ max × weight of scored and critical items that were scored (N/A, missing and invalid excluded). */
  possible: number;
  /** Σ earned × weight of bonus items. */
  bonus: number;
  /** (earned + bonus) / possible in percent, before any critical rule; null when nothing was scorable. */
  rawPercent: number | null;
  /** True when a critical item of this section failed and the rubric's scope is `section`. */
  zeroed: boolean;
  /** After the section-scope critical rule (0 when zeroed). */
  finalPercent: number | null;
}

export interface RubricResult {
  /** (Σ earned×weight + Σ bonus×weight) / Σ max×weight over scored, non-N/A items, in percent; null when nothing was scorable. */
  rawPercent: number | null;
  /** rawPercent after the critical rules: 0 on a rubric-scope critical fail; failed sections count 0. */
  finalPercent: number | null;
  /** Any critical item failed (whatever the scope). */
  criticalFail: boolean;
  /** Keys of failed critical items. */
  criticalFailedItems: string[];
  /** Keys of items below itemFailBelowPercent (empty when the rubric has no such rule). */
  itemsBelowThreshold: string[];
  /** Outcome: false on a critical fail or an item below the threshold. */
  passed: boolean;
  sections: SectionResult[];
  items: ItemResult[];
  problems: AnswerProblem[];
}

export const DEFAULT_CRITICAL_PASS_PERCENT = 50;

function describe(answer: Answer): string {
  return answer.type;
}

/** Earned points of one answer, or the reason it cannot be scored. N/A is handled by the caller. */
function earnedFor(item: RubricItem, answer: Exclude<Answer, { type: 'na' }>): number | AnswerProblem {
  const wrongType = (): AnswerProblem => ({
    key: 'scoring.problem.wrongType',
    params: { item: item.key, expected: item.answerKind, got: describe(answer) },
  });
  const outOfRange = (value: number, min: number, max: number): AnswerProblem => ({
    key: 'scoring.problem.outOfRange',
    params: { item: item.key, value, min, max },
  });
  if (answer.type !== item.answerKind) return wrongType();
  switch (answer.type) {
    case 'points':
      if (!Number.isFinite(answer.points) || answer.points < 0 || answer.points > item.max)
        return outOfRange(answer.points, 0, item.max);
      return answer.points;
    case 'yesNo':
      return answer.yes ? item.max : 0;
    case 'scale':
      if (!Number.isInteger(answer.level) || answer.level < SCALE_MIN || answer.level > SCALE_MAX)
        return outOfRange(answer.level, SCALE_MIN, SCALE_MAX);
      return ((answer.level - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)) * item.max;
    case 'passRate':
      if (!Number.isFinite(answer.percent) || answer.percent < 0 || answer.percent > 100)
        return outOfRange(answer.percent, 0, 100);
      return (answer.percent / 100) * item.max;
  }
}

function scoreItem(
  rubric: Rubric,
  section: RubricSection,
  item: RubricItem,
  answer: Answer | undefined,
): ItemResult {
  const base: ItemResult = {
    key: item.key,
    section: section.key,
    kind: item.kind,
    status: 'missing',
    earned: 0,
    max: item.max,
    weight: item.weight,
    percent: null,
    criticalFailed: false,
    belowThreshold: false,
    problem: null,
  };
  if (answer === undefined) return base;
  if (answer.type === 'na') {
    if (item.allowNa) return { ...base, status: 'na' };
    return {
      ...base,
      status: 'invalid',
      problem: { key: 'scoring.problem.naNotAllowed', params: { item: item.key } },
    };
  }
  const earned = earnedFor(item, answer);
  if (typeof earned !== 'number') return { ...base, status: 'invalid', problem: earned };
  const percent = item.max > 0 ? (earned / item.max) * 100 : 100;
  const criticalPass = rubric.criticalPassPercent ?? DEFAULT_CRITICAL_PASS_PERCENT;
  return {
    ...base,
    status: 'scored',
    earned,
    percent,
    criticalFailed: item.kind === 'critical' && percent < criticalPass,
    belowThreshold:
      item.kind !== 'bonus' &&
      rubric.itemFailBelowPercent !== undefined &&
      percent < rubric.itemFailBelowPercent,
  };
}

function percentOf(earned: number, possible: number): number | null {
  return possible > 0 ? (earned / possible) * 100 : null;
}

/** Scores `answers` (keyed by item key) against `rubric`. Never throws: bad answers become problems. */
export function scoreRubric(rubric: Rubric, answers: Answers): RubricResult {
  const items: ItemResult[] = [];
  const sections: SectionResult[] = [];
  let earned = 0;
  let possible = 0;
  let bonus = 0;
  let finalEarned = 0;
  for (const section of rubric.sections) {
    let sEarned = 0;
    let sPossible = 0;
    let sBonus = 0;
    let sCritical = false;
    for (const item of section.items) {
      const result = scoreItem(rubric, section, item, answers[item.key]);
      items.push(result);
      if (result.status !== 'scored') continue;
      if (result.criticalFailed) sCritical = true;
      if (item.kind === 'bonus') sBonus += result.earned * item.weight;
      else {
        sEarned += result.earned * item.weight;
        sPossible += item.max * item.weight;
      }
    }
    const zeroed = sCritical && rubric.criticalScope === 'section';
    const sRaw = percentOf(sEarned + sBonus, sPossible);
    sections.push({
      key: section.key,
      earned: sEarned,
      possible: sPossible,
      bonus: sBonus,
      rawPercent: sRaw,
      zeroed,
      finalPercent: zeroed && sRaw !== null ? 0 : sRaw,
    });
    earned += sEarned;
    possible += sPossible;
    bonus += sBonus;
    if (!zeroed) finalEarned += sEarned + sBonus;
  }
  const criticalFailedItems = items.filter((i) => i.criticalFailed).map((i) => i.key);
  const criticalFail = criticalFailedItems.length > 0;
  const rawPercent = percentOf(earned + bonus, possible);
  let finalPercent = percentOf(finalEarned, possible);
  if (criticalFail && rubric.criticalScope === 'rubric' && finalPercent !== null) finalPercent = 0;
  const itemsBelowThreshold = items.filter((i) => i.belowThreshold).map((i) => i.key);
  return {
    rawPercent,
    finalPercent,
    criticalFail,
    criticalFailedItems,
    itemsBelowThreshold,
    passed: !criticalFail && itemsBelowThreshold.length === 0,
    sections,
    items,
    problems: items.flatMap((i) => (i.problem ? [i.problem] : [])),
  };
}
