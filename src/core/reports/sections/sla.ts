/**
 * SLA attainment per stage (SPEC §5, §10): of the stages whose outcome became known in the period
 * (see ../input.ts), the share done by their deadline. Stages without a target for a ticket's type
 * (e.g. transfer of a repair) have no deadline and do not count.
 */
import { inWindow, isCancelled, type ReportContext, STAGE_KEYS, stageOutcome } from '../input';
import { label, type ReportSection } from '../model';

export function slaAttainment(context: ReportContext): ReportSection {
  const rows = STAGE_KEYS.map((stage) => {
    let onTime = 0;
    let decided = 0;
    for (const ticket of context.tickets) {
      if (isCancelled(ticket)) continue;
      const outcome = stageOutcome(ticket, stage);
      if (!outcome || !inWindow(outcome.at, context.current)) continue;
      decided += 1;
      if (outcome.onTime) onTime += 1;
    }
    return [
      label(`reports.stage.${stage}`),
      decided === 0 ? null : onTime / decided,
      decided,
      onTime,
      decided - onTime,
    ];
  });
  return {
    id: 'slaAttainment',
    title: 'reports.section.slaAttainment',
    columns: [
      { header: 'reports.col.stage', format: 'text' },
      { header: 'reports.col.attainment', format: 'percent' },
      { header: 'reports.col.decided', format: 'count' },
      { header: 'reports.col.onTime', format: 'count' },
      { header: 'reports.col.late', format: 'count' },
    ],
    rows,
    chart: { kind: 'column', title: 'reports.chart.slaAttainment', series: 1 },
    mailRows: STAGE_KEYS.length,
  };
}
