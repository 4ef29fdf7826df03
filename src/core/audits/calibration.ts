/**
 * Blind calibration (校准, SPEC §8.1; ANCHORS: MaestroQA grader alignment, Zendesk QA sessions): several
 * supervisors score the same ticket with the same scorecard, the manager's score is the benchmark. Pure:
 * the job gathers each participant's scored items once the session closes and writes what this returns.
 *
 * - Alignment of a calibrator = Σ (1 − |points − benchmark| / max) × max / Σ max over the items both
 *   scored (core/scoring alignment): 10 vs 7 of 15 points → 80 %.
 * - Strictness = the participant's final % minus the mean final % of everyone who scored the ticket
 *   (negative: stricter than the department, positive: more lenient).
 * - Per item: the benchmark's points, the lowest and highest points given, their spread, and the mean
 *   alignment of the calibrators on that item.
 */
import { alignment, type ItemResult, roundPercent } from '../scoring';
import type { ScorecardItem } from './scorecards';

export interface CalibrationScore {
  name: string;
  role: 'benchmark' | 'calibrator';
  finalPercent: number | null;
  items: readonly ItemResult[];
}

export interface CalibratorResult {
  name: string;
  role: 'benchmark' | 'calibrator';
  finalPercent: number | null;
  /** Null for the benchmark itself, or when the benchmark did not score. */
  alignment: number | null;
  strictness: number | null;
}

export interface CalibrationItemResult {
  item: ScorecardItem;
  benchmark: number | null;
  lowest: number | null;
  highest: number | null;
  spread: number | null;
  alignment: number | null;
}

export interface CalibrationSummary {
  participants: CalibratorResult[];
  items: CalibrationItemResult[];
  /** Mean of the calibrators' alignments; null without a benchmark. */
  alignment: number | null;
  /** Mean final % of everyone who scored. */
  meanFinal: number | null;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function round(value: number | null): number | null {
  return value === null ? null : roundPercent(value);
}

export function summariseCalibration(
  items: readonly ScorecardItem[],
  scores: readonly CalibrationScore[],
): CalibrationSummary {
  const benchmark = scores.find((score) => score.role === 'benchmark') ?? null;
  const finals = scores.flatMap((score) => (score.finalPercent === null ? [] : [score.finalPercent]));
  const meanFinal = mean(finals);
  const participants: CalibratorResult[] = scores.map((score) => ({
    name: score.name,
    role: score.role,
    finalPercent: score.finalPercent,
    alignment:
      score.role === 'calibrator' && benchmark
        ? round(alignment(benchmark.items, score.items).percent)
        : null,
    strictness:
      score.finalPercent === null || meanFinal === null ? null : round(score.finalPercent - meanFinal),
  }));
  const scoredPoints = (score: CalibrationScore, key: string): number | null => {
    const result = score.items.find((item) => item.key === key);
    return result?.status === 'scored' ? result.earned : null;
  };
  const itemResults: CalibrationItemResult[] = items.map((item) => {
    const given = scores.flatMap((score) => {
      const points = scoredPoints(score, item.key);
      return points === null ? [] : [points];
    });
    const bench = benchmark ? scoredPoints(benchmark, item.key) : null;
    const aligned =
      bench === null || item.max <= 0
        ? []
        : scores
            .filter((score) => score.role === 'calibrator')
            .flatMap((score) => {
              const points = scoredPoints(score, item.key);
              return points === null ? [] : [(1 - Math.abs(points - bench) / item.max) * 100];
            });
    const lowest = given.length === 0 ? null : Math.min(...given);
    const highest = given.length === 0 ? null : Math.max(...given);
    return {
      item,
      benchmark: bench,
      lowest,
      highest,
      spread: lowest === null || highest === null ? null : highest - lowest,
      alignment: round(mean(aligned)),
    };
  });
  const calibratorAlignments = participants.flatMap((p) =>
    p.role === 'calibrator' && p.alignment !== null ? [p.alignment] : [],
  );
  return {
    participants,
    items: itemResults,
    alignment: round(mean(calibratorAlignments)),
    meanFinal: round(meanFinal),
  };
}

/** Calibration session IDs `CAL-YYYY-NNNNN`; the counter lives in document properties. */
export function calibrationCounterKey(year: number): string {
  return `calibrationCounter.${year}`;
}
