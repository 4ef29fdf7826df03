/** SLA targets per (ticket type, severity) and their defaults (SPEC §5). */
import type { Duration } from '../calendar';
import type { EnumCode, Severity, TicketType } from '../enums';

export type SlaStage = 'ack' | 'transfer' | 'feedback' | 'resolve';
export const SLA_STAGES: readonly SlaStage[] = ['ack', 'transfer', 'feedback', 'resolve'];

export type SeverityOrAny = Severity | 'any';

/** How far a ticket escalates: 'none' = level 0 … 'management' = level 3 (SPEC §5 ladder). */
export type EscalationReach = EnumCode<'escalationReach'>;
/** How a level reached is mailed: at once, or in the recipients' daily escalation summary. */
export type EscalationNotice = EnumCode<'escalationNotice'>;

export const REACH_LEVEL: Record<EscalationReach, 0 | 1 | 2 | 3> = {
  none: 0,
  assignee: 1,
  department: 2,
  management: 3,
};

/** Per type and severity: the highest level, and whether its mails go at once or in the day's summary. */
export interface EscalationRule {
  reach: EscalationReach;
  notice: EscalationNotice;
}

export interface SlaTarget {
  /** Target per stage, measured from Received; null = the stage has no target. */
  stages: Record<SlaStage, Duration | null>;
  /** Callback window measured from Resolved; null = no callback for this row. */
  callbackOpen: Duration | null;
  callbackDue: Duration | null;
  /** Share of resolved tickets called back, 0 … 100. */
  sampleRate: number;
  escalation: EscalationRule;
}

export interface SlaPolicyRow extends SlaTarget {
  type: TicketType;
  severity: SeverityOrAny;
}

export interface SlaPolicy {
  /** Rows from ⚙ SLA policy; a (type, severity) without a valid row uses DEFAULT_SLA_POLICY_ROWS. */
  rows: readonly SlaPolicyRow[];
}

const h = (amount: number): Duration => ({ amount, unit: 'h' });
const bh = (amount: number): Duration => ({ amount, unit: 'bh' });
const wd = (amount: number): Duration => ({ amount, unit: 'wd' });
const d = (amount: number): Duration => ({ amount, unit: 'd' });

function row(
  type: TicketType,
  severity: SeverityOrAny,
  [ack, transfer, feedback, resolve]: Array<Duration | null>,
  [callbackOpen, callbackDue]: Array<Duration | null>,
  sampleRate: number,
  [reach, notice]: [EscalationReach, EscalationNotice],
): SlaPolicyRow {
  return {
    type,
    severity,
    stages: { ack, transfer, feedback, resolve },
    callbackOpen,
    callbackDue,
    sampleRate,
    escalation: { reach, notice },
  };
}

/**
 * SPEC §5 defaults. Sources:
 * - ack 24 h for every type: seed 003 L22/L154 (answer the customer within 24 h);
 * - complaint transfer 3 bh and department feedback 48 h: seed 000 L785 (3 h transfer, 48 h feedback);
 * - complaint resolve Major 1 wd / General 3 wd, callback within 1 / 2 weeks: seed 003 L389–390;
 * - repair site survey 1 wd, single trade (General) 3 wd, multi-trade (Major) 7 wd, callback 1 wd after
 *   completion: seed 002 L147 §3.4.5;
 * - inquiry: resolve within 24 h, callbacks sampled at 10 % (SPEC §5 table; no window is given);
 * - suggestion: written reply within 3 d: seed 003 L392; resolve 7 d, callback within 2 weeks;
 * - praise: acknowledge only.
 *
 * Urgent (紧急: a leak, a fire, people stuck in a lift; seed 003 L153: emergency support on weekends and
 * holidays) runs 24×7 in wall-clock hours — acknowledge in 15 min, on site (department feedback) in
 * 30 min, resolved in 4 h, callback within 1 wd — this product's defaults, not the seeds'.
 *
 * Escalation (issue 14 "Noise", SPEC §5 "escalation per type"; this product's defaults, not the seeds'):
 * praise never escalates; inquiries and suggestions stop at the department head; complaints and repairs
 * reach the CS manager and the GM. An Urgent ticket's and a Major complaint's escalation is mailed at once (seed 002 §3.4.7: a
 * major complaint is reported to management at once); every other level goes into the recipients' one
 * escalation summary a day.
 */
export const DEFAULT_SLA_POLICY_ROWS: readonly SlaPolicyRow[] = [
  row('complaint', 'major', [h(24), bh(3), h(48), wd(1)], [d(0), d(7)], 100, ['management', 'immediate']),
  row('complaint', 'general', [h(24), bh(3), h(48), wd(3)], [d(0), d(14)], 100, [
    'management',
    'dailySummary',
  ]),
  row('complaint', 'urgent', [h(0.25), null, h(0.5), h(4)], [wd(0), wd(1)], 100, ['management', 'immediate']),
  row('repair', 'urgent', [h(0.25), null, h(0.5), h(4)], [wd(0), wd(1)], 100, ['management', 'immediate']),
  row('repair', 'major', [h(24), null, wd(1), wd(7)], [wd(0), wd(1)], 100, ['management', 'dailySummary']),
  row('repair', 'general', [h(24), null, wd(1), wd(3)], [wd(0), wd(1)], 100, ['management', 'dailySummary']),
  row('inquiry', 'any', [h(24), null, null, h(24)], [null, null], 10, ['department', 'dailySummary']),
  row('suggestion', 'any', [h(24), null, d(3), d(7)], [d(0), d(14)], 100, ['department', 'dailySummary']),
  row('praise', 'any', [h(24), null, null, null], [null, null], 0, ['none', 'dailySummary']),
];

export const DEFAULT_SLA_POLICY: SlaPolicy = { rows: DEFAULT_SLA_POLICY_ROWS };

function findRow(
  rows: readonly SlaPolicyRow[],
  type: TicketType,
  severity: Severity,
): SlaPolicyRow | undefined {
  return (
    rows.find((r) => r.type === type && r.severity === severity) ??
    rows.find((r) => r.type === type && r.severity === 'any')
  );
}

/** The target for a ticket: the policy's exact row, its 'any' row, then the same from the defaults. */
export function slaTargetFor(policy: SlaPolicy, type: TicketType, severity: Severity): SlaTarget | null {
  return findRow(policy.rows, type, severity) ?? findRow(DEFAULT_SLA_POLICY_ROWS, type, severity) ?? null;
}

/** The escalation rule of a (type, severity) in the defaults: what an empty ⚙ SLA policy cell means. */
export function defaultEscalationRule(type: TicketType, severity: SeverityOrAny): EscalationRule {
  const exact = DEFAULT_SLA_POLICY_ROWS.find((r) => r.type === type && r.severity === severity);
  const ofType = DEFAULT_SLA_POLICY_ROWS.find((r) => r.type === type);
  return (exact ?? ofType)?.escalation ?? { reach: 'management', notice: 'dailySummary' };
}
