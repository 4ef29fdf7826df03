/**
 * What the weekly and monthly reports count about inspections, each sheet with one batched read: the
 * Inspections register (every inspection, so open rectifications of earlier periods are seen too) and
 * the excuses of Missed inspections.
 */
import type { InspectionReportInput, ReportInspection } from '../../core/inspections';
import {
  INSPECTIONS,
  type InspectionRow,
  MISSED_INSPECTIONS,
  type MissedInspectionRow,
} from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';

const KEYS = [
  'id',
  'at',
  'template',
  'area',
  'scorePercent',
  'result',
  'failedItems',
  'recheckOf',
  'failStreak',
  'consequence',
  'repeatFindings',
  'rectificationTickets',
] as const satisfies ReadonlyArray<keyof InspectionRow>;

export const INSPECTIONS_SINCE_KEY = 'inspection.since';

/** The inspection input of a report, or undefined when the register does not exist (not set up). */
export function readReportInspections(
  ctx: JobContext,
  settings: DeskSettings,
): InspectionReportInput | undefined {
  if (!ctx.findSheet(INSPECTIONS)) return undefined;
  const inspections: ReportInspection[] = [];
  for (const { values } of ctx.table<InspectionRow>(INSPECTIONS).readRows(KEYS).rows) {
    if (values.id === '' || !(values.at instanceof Date)) continue;
    inspections.push({
      id: values.id,
      at: values.at.getTime(),
      template: values.template,
      area: values.area,
      scorePercent: typeof values.scorePercent === 'number' ? values.scorePercent : null,
      passed: values.result === 'pass',
      failedItems: typeof values.failedItems === 'number' ? values.failedItems : 0,
      recheckOf: values.recheckOf,
      failStreak: typeof values.failStreak === 'number' ? values.failStreak : 0,
      consequence: values.consequence,
      repeatFindings: values.repeatFindings,
      rectificationTickets: values.rectificationTickets
        .split(/[,\s]+/)
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    });
  }
  const excused = new Set<string>();
  if (ctx.findSheet(MISSED_INSPECTIONS)) {
    const { rows } = ctx
      .table<MissedInspectionRow>(MISSED_INSPECTIONS)
      .readRows(['key', 'excused', 'reason']);
    for (const { values } of rows)
      if (values.excused === true && values.reason.trim() !== '') excused.add(values.key);
  }
  const since = Number(ctx.ports.store.get(INSPECTIONS_SINCE_KEY) ?? '');
  const { general } = settings;
  return {
    inspections,
    areas: settings.areas,
    excused,
    since: Number.isFinite(since) && since > 0 ? since : 0,
    compliance: {
      compliantPercent: general.inspectionCompliantPercent,
      atRiskPercent: general.inspectionAtRiskPercent,
    },
    blindSpotComplaints: general.blindSpotComplaints,
    bestAreas: {
      minScore: general.bestAreaScore,
      sharePercent: general.bestAreaSharePercent,
      max: general.bestAreaMax,
    },
  };
}
