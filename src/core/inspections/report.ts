/** What the weekly and monthly reports read about inspections (core/reports/sections/inspections.ts). */
import type { AreaSetting } from './areas';
import type { ComplianceThresholds } from './schedule';
import type { BestAreaRule, InspectionFact } from './signals';

/** One row of the Inspections register, as the report counts it. */
export interface ReportInspection extends InspectionFact {
  failedItems: number;
  recheckOf: string;
  failStreak: number;
  consequence: string;
  repeatFindings: string;
  rectificationTickets: string[];
}

export interface InspectionReportInput {
  inspections: readonly ReportInspection[];
  areas: readonly AreaSetting[];
  /** Slot keys (slotKey) a manager excused with a reason. */
  excused: ReadonlySet<string>;
  /** Slots that start from here count (the register's first setup): no day before it is "missed". */
  since: number;
  compliance: ComplianceThresholds;
  blindSpotComplaints: number;
  bestAreas: BestAreaRule;
}
