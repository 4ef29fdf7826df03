/**
 * The one rubric engine (SPEC §8): scores any checklist — QA scorecards, inspection checklists, the
 * monthly assessment's rubric parts. Pure: no I/O, no text (problems are { key, params }).
 *
 * A Rubric is sections → items. Each item has a max, a weight, a kind and an answer kind:
 *   kind        scored | critical | bonus
 *   answerKind  points (0..max) | yesNo (yes = max) | scale (1..5 → 0..max linearly) | passRate (% of max)
 *   allowNa     whether "not applicable" is accepted (otherwise N/A is an invalid answer)
 *
 * scoreRubric(rubric, answers) → RubricResult:
 *   rawPercent   = (Σ earned×weight + Σ bonus earned×weight) / Σ max×weight over scored and critical items
 *                  that were answered and not N/A (N/A removes the item's max: 16/30, not 16/35). Bonus
 *                  adds to the numerator only, so a score may exceed 100 %. Missing or invalid answers are
 *                  excluded like N/A and reported in `problems` / item `status`.
 *   finalPercent = rawPercent after the critical rules: a critical item earning < criticalPassPercent
 *                  (default 50 %) of its max sets final to 0 (criticalScope 'rubric') or zeroes only its
 *                  section (criticalScope 'section'); criticalFail is true either way, raw stays visible.
 *   itemsBelowThreshold / passed: with itemFailBelowPercent set, any scored/critical item below it fails
 *                  the outcome while the score is kept (inspections: "any item below 85 % fails").
 *   items[]      per item: status scored|na|missing|invalid, earned, max, weight, percent, criticalFailed,
 *                  belowThreshold, problem. sections[]: earned, possible, bonus, raw/final %, zeroed.
 *
 * gradeOf(bands, fallback, percent) grades by half-open bands (A ≥ 93, B ≥ 80, C ≥ 70, else D);
 * roundPercent rounds for storage; alignment(benchmarkItems, graderItems) is MaestroQA's calibration
 * alignment (1 − |grader − benchmark| / max, weighted by max).
 *
 * Properties (test/core/scoring-properties.test.ts): adding an N/A item never changes a score; scaling
 * every weight never changes it; final ≤ raw unless bonus; monotone in each earned value.
 */
export { type Alignment, alignment, type ItemAlignment } from './alignment';
export { type GradeBand, gradeOf, roundPercent } from './grades';
export type { Answer, AnswerKind, Answers, ItemKind, Rubric, RubricItem, RubricSection } from './rubric';
export { SCALE_MAX, SCALE_MIN } from './rubric';
export {
  type AnswerProblem,
  DEFAULT_CRITICAL_PASS_PERCENT,
  type ItemResult,
  type ItemStatus,
  type RubricResult,
  type SectionResult,
  scoreRubric,
} from './score';
