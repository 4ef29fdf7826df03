/**
 * The satisfaction scale (SPEC §7): 5 很满意, 4 满意, 3 一般, 2 不满意, 1 很不满意 (the usual Chinese
 * five-point scale; seed 000 L837 names the top two). "Satisfied" = 4–5 (counted by core/reports).
 */
export type Satisfaction = 1 | 2 | 3 | 4 | 5;

export const SATISFACTION_SCALE: readonly Satisfaction[] = [5, 4, 3, 2, 1];
