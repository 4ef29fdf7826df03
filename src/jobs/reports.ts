/**
 * Weekly and monthly reports (SPEC §10). The scheduler calls these for each due period; menu actions
 * call them on demand. Rebuilding a period replaces its sheet.
 */
import type { Desk } from './desk';
import type { DeskSettings } from './settings';

/** A report period in the spreadsheet's zone: [start, end) instants and its ISO label (2026-W47, 2026-11). */
export interface ReportPeriod {
  kind: 'weekly' | 'monthly';
  start: Date;
  end: Date;
  label: string;
}

export interface ReportOutcome {
  sheetName: string;
  mailed: number;
}

export function runReport(desk: Desk, settings: DeskSettings, period: ReportPeriod): ReportOutcome {
  void settings;
  desk.ports.log.info(`report ${period.kind} ${period.label}: not built yet`);
  return { sheetName: '', mailed: 0 };
}
