/**
 * Signals across registers for the reports: blind spots (an area whose linked ticket category keeps
 * getting complaints while its inspections all pass — "inspections pass, complaints keep coming") and
 * the month's best areas (score ≥ 95 % and no complaint in the linked category; top 10 % of the areas
 * inspected, at most 3, at least 0 — after seed 000 L835–837's monthly excellent-site award).
 */

import { normalizeLabel } from '../text';
import type { AreaSetting } from './areas';
import { areaKey } from './areas';

/** One inspection as the reports count it. */
export interface InspectionFact {
  id: string;
  at: number;
  area: string;
  template: string;
  scorePercent: number | null;
  passed: boolean;
}

/** One complaint as the signals count it. */
export interface ComplaintFact {
  id: string;
  category: string;
}

export interface BlindSpot {
  area: string;
  category: string;
  complaints: string[];
  inspections: string[];
}

/** Complaints of a category counted by its label or by its parent ("Repair / Plumbing" counts for "Repair"). */
function inCategory(complaint: string, linked: string): boolean {
  const a = normalizeLabel(complaint);
  const b = normalizeLabel(linked);
  return a === b || a.startsWith(`${b}/`);
}

export function blindSpots(
  areas: readonly AreaSetting[],
  inspections: readonly InspectionFact[],
  complaints: readonly ComplaintFact[],
  minComplaints: number,
): BlindSpot[] {
  const spots: BlindSpot[] = [];
  const seen = new Set<string>();
  for (const area of areas) {
    const key = areaKey(area.area);
    if (area.linkedCategory === '' || seen.has(key)) continue;
    seen.add(key);
    const own = inspections.filter((inspection) => areaKey(inspection.area) === key);
    if (own.length === 0 || own.some((inspection) => !inspection.passed)) continue;
    const hits = complaints.filter((complaint) => inCategory(complaint.category, area.linkedCategory));
    if (hits.length < minComplaints) continue;
    spots.push({
      area: area.area,
      category: area.linkedCategory,
      complaints: hits.map((complaint) => complaint.id),
      inspections: own.map((inspection) => inspection.id),
    });
  }
  return spots;
}

export interface BestArea {
  area: string;
  averagePercent: number;
  inspections: number;
}

export interface BestAreaRule {
  minScore: number;
  /** Share of the inspected areas that may be named, in percent. */
  sharePercent: number;
  max: number;
}

/** Areas ranked by average score; quota = round(share × areas inspected), capped at max. */
export function bestAreas(
  areas: readonly AreaSetting[],
  inspections: readonly InspectionFact[],
  complaints: readonly ComplaintFact[],
  rule: BestAreaRule,
): BestArea[] {
  const byArea = new Map<string, { area: string; scores: number[] }>();
  for (const inspection of inspections) {
    if (inspection.scorePercent === null) continue;
    const key = areaKey(inspection.area);
    const entry = byArea.get(key) ?? { area: inspection.area, scores: [] };
    entry.scores.push(inspection.scorePercent);
    byArea.set(key, entry);
  }
  const quota = Math.min(rule.max, Math.round((byArea.size * rule.sharePercent) / 100));
  const candidates: BestArea[] = [];
  for (const [key, entry] of byArea) {
    const average = entry.scores.reduce((sum, score) => sum + score, 0) / entry.scores.length;
    if (average < rule.minScore) continue;
    const linked = areas.filter((area) => areaKey(area.area) === key && area.linkedCategory !== '');
    const complained = linked.some((area) =>
      complaints.some((complaint) => inCategory(complaint.category, area.linkedCategory)),
    );
    if (complained) continue;
    candidates.push({ area: entry.area, averagePercent: average, inspections: entry.scores.length });
  }
  return candidates
    .sort((a, b) => b.averagePercent - a.averagePercent || a.area.localeCompare(b.area))
    .slice(0, Math.max(0, quota));
}
