/** SLA: policy per (type, severity), due dates, stage states, escalation, explanations (SPEC §5). */
export {
  accumulatePausedTime,
  computeDueDates,
} from './due-dates';
export { explainDue, formatLocalDateTime } from './explain';
export {
  DEFAULT_SLA_POLICY,
  SLA_STAGES,
  type SlaPolicy,
  type SlaStage,
  type SlaTarget,
  slaTargetFor,
} from './policy';
export { parseSlaPolicy } from './policy-settings';
export {
  type EscalationLevel,
  escalationLevel,
  evaluateSla,
  type SlaStatus,
  type StageState,
  stageDoneAt,
  stageState,
  ticketSlaState,
} from './state';
