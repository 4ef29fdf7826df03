/**
 * The satisfaction scale (SPEC §7): 5 很满意, 4 满意, 3 一般, 2 不满意, 1 很不满意 (the usual Chinese
 * five-point scale, seed 000 SAT4). "Satisfied" = 4–5.
 */
export type Satisfaction = 1 | 2 | 3 | 4 | 5;

export const SATISFACTION_SCALE: readonly Satisfaction[] = [5, 4, 3, 2, 1];

export function isSatisfaction(value: unknown): value is Satisfaction {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Satisfied for the satisfaction rate (⚙ Targets ≥ 90 %). */
export function isSatisfied(value: Satisfaction): boolean {
  return value >= 4;
}
