/** Calibration: how closely one grader's answers match a benchmark's (MaestroQA grader alignment). */

import type { ItemResult } from './score';

export interface ItemAlignment {
  key: string;
  /** 1 − |grader − benchmark| / max, in percent. */
  percent: number;
  max: number;
}

export interface Alignment {
  /** Σ item alignment × item max / Σ max over items both scored, in percent; null when none. */
  percent: number | null;
  items: ItemAlignment[];
}

/**
 * Aligns `grader`'s item results with `benchmark`'s. Only items scored by both count (N/A or missing on
 * either side is skipped). Example: 10 vs 7 of 15 points → 1 − 3/15 = 80 % aligned.
 */
export function alignment(benchmark: readonly ItemResult[], grader: readonly ItemResult[]): Alignment {
  const byKey = new Map(benchmark.map((item) => [item.key, item]));
  const items: ItemAlignment[] = [];
  let weighted = 0;
  let total = 0;
  for (const g of grader) {
    const b = byKey.get(g.key);
    if (b?.status !== 'scored' || g.status !== 'scored' || g.max <= 0) continue;
    const percent = (1 - Math.abs(g.earned - b.earned) / g.max) * 100;
    items.push({ key: g.key, percent, max: g.max });
    weighted += percent * g.max;
    total += g.max;
  }
  return { percent: total > 0 ? weighted / total : null, items };
}
