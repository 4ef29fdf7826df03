/** The shape of a rubric and of the answers scored against it (see index.ts for the rules). */

/** `scored` counts in the score; `critical` counts too and fails the rubric (or its section) when failed; `bonus` adds to the numerator only. */
export type ItemKind = 'scored' | 'critical' | 'bonus';

/**
 * How an item is answered: points 0..max; yes/no (yes = max); a scale 1..5 mapped linearly onto 0..max
 * (Zendesk QA: 1 → 0 %, 3 → 50 %, 5 → 100 %); a pass rate in percent (e.g. 分项合格率), mapped onto 0..max.
 */
export type AnswerKind = 'points' | 'yesNo' | 'scale' | 'passRate';

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export interface RubricItem {
  /** Unique within the rubric; results are keyed by it. */
  key: string;
  /** Points the item is worth (> 0; a yes/no item earns all of it or nothing). */
  max: number;
  /** Multiplier of both earned and max (≥ 0). Scaling every weight by the same factor never changes a score. */
  weight: number;
  kind: ItemKind;
  answerKind: AnswerKind;
  /** Whether "not applicable" is an accepted answer. */
  allowNa: boolean;
}

export interface RubricSection {
  key: string;
  items: readonly RubricItem[];
}

export interface Rubric {
  sections: readonly RubricSection[];
  /** What a failed critical item fails: the whole rubric (final 0 %) or only its own section (section earns 0). */
  criticalScope: 'rubric' | 'section';
  /**
   * A critical item fails when it earns less than this share of its max, in percent (default 50, as
   * Zendesk QA's "critical category rated below 50 %"). A yes/no critical item therefore fails on "no".
   */
  criticalPassPercent?: number;
  /**
   * Optional outcome rule: any answered scored or critical item below this percent of its max fails the
   * rubric's outcome (an inspection's "any item below 85 % fails", seed 000 L833). The score is kept.
   */
  itemFailBelowPercent?: number;
}

/** One answer. `na` is "not applicable"; an item with no answer at all is "missing" and simply excluded. */
export type Answer =
  | { type: 'na' }
  | { type: 'points'; points: number }
  | { type: 'yesNo'; yes: boolean }
  | { type: 'scale'; level: number }
  | { type: 'passRate'; percent: number };

export type Answers = Readonly<Record<string, Answer | undefined>>;
