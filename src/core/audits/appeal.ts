/**
 * Appeals (申诉, SPEC §8.1): the audited person disputes items within N working days of the audit; a
 * reviewer who is not the auditor decides accept / partly / reject with new item scores. Pure: the
 * re-scoring of an audit with new points per item, and reading the reviewer's "Item: points" lines.
 */
import { type Answer, type Answers, gradeOf, type RubricResult, roundPercent, scoreRubric } from '../scoring';
import type { Scorecard, ScorecardItem } from './scorecards';

/** Points (unweighted) of an item as scored; null for N/A. */
export type ItemPoints = ReadonlyMap<string, number | null>;

/** An earned value back into an answer of the item's kind (yes/no: full marks is yes). */
function answerFor(item: ScorecardItem, points: number | null): Answer {
  if (points === null) return { type: 'na' };
  switch (item.answerKind) {
    case 'points':
      return { type: 'points', points };
    case 'yesNo':
      return { type: 'yesNo', yes: points >= item.max };
    case 'scale':
      return { type: 'scale', level: Math.round(1 + (4 * points) / item.max) };
    case 'passRate':
      return { type: 'passRate', percent: (100 * points) / item.max };
  }
}

export interface Rescored {
  result: RubricResult;
  rawPercent: number | null;
  finalPercent: number | null;
  grade: string;
}

/** The audit scored again with `points` per item key (items not in the map keep no answer). */
export function rescore(
  scorecard: Scorecard,
  points: ItemPoints,
  bands: { gradeA: number; gradeB: number; gradeC: number },
): Rescored {
  const answers: Record<string, Answer> = {};
  for (const item of scorecard.items) {
    if (points.has(item.key)) answers[item.key] = answerFor(item, points.get(item.key) ?? null);
  }
  const result = scoreRubric(scorecard.rubric, answers as Answers);
  const rawPercent = result.rawPercent === null ? null : roundPercent(result.rawPercent);
  const finalPercent = result.finalPercent === null ? null : roundPercent(result.finalPercent);
  const grade =
    finalPercent === null
      ? ''
      : gradeOf(
          [
            { grade: 'A', min: bands.gradeA },
            { grade: 'B', min: bands.gradeB },
            { grade: 'C', min: bands.gradeC },
          ],
          'D',
          finalPercent,
        );
  return { result, rawPercent, finalPercent, grade };
}

export interface NewScores {
  /** By item key: the reviewer's points (clamped to 0..max). */
  points: Map<string, number>;
  /** Lines that name no item of the scorecard or give no number. */
  unread: string[];
}

/**
 * The reviewer's new scores, one per line: "Item: points" or "Section — Item: points" (the item text as
 * in the result mail), with ':' or '：' or '='.
 */
export function parseNewScores(text: string, scorecard: Scorecard): NewScores {
  const points = new Map<string, number>();
  const unread: string[] = [];
  for (const raw of text.split(/\n|;|；/)) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^(.*?)[:：=]\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(line);
    const name = match ? match[1].trim().toLowerCase() : '';
    const item = scorecard.items.find(
      (i) => i.text.toLowerCase() === name || `${i.section} — ${i.text}`.toLowerCase() === name,
    );
    if (!match || !item) {
      unread.push(line);
      continue;
    }
    points.set(item.key, Math.min(item.max, Math.max(0, Number(match[2]))));
  }
  return { points, unread };
}
