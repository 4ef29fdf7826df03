/** Grade bands: half-open intervals by lower bound, so every decimal has exactly one grade. */

export interface GradeBand<G extends string = string> {
  grade: G;
  /** The band holds scores ≥ min (and below the next band's min). */
  min: number;
}

/**
 * The grade of `percent`: the first band, by descending min, whose min it reaches; else `fallback`
 * (e.g. bands A ≥ 93, B ≥ 80, C ≥ 70 with fallback D, seed 002 §7.2: 92.99 → B, 93 → A, 69.99 → D).
 */
export function gradeOf<G extends string>(bands: readonly GradeBand<G>[], fallback: G, percent: number): G {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const band of sorted) if (percent >= band.min) return band.grade;
  return fallback;
}

/** Rounds a percentage for storage and display (one decimal by default), half away from zero. */
export function roundPercent(percent: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return (Math.sign(percent) * Math.round(Math.abs(percent) * factor + 1e-9)) / factor;
}
