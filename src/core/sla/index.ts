/** SLA: policy per (type, severity), due dates, stage states, escalation, explanations (SPEC §5). */
export {
  type DueDateInput,
  type DueDates,
  type PausedTime,
  type StatusChange,
  accumulatePausedTime,
  computeDueDates,
} from './due-dates';
export { type DueExplanationInput, explainDue, formatLocalDateTime } from './explain';
export {
  DEFAULT_SLA_POLICY,
  DEFAULT_SLA_POLICY_ROWS,
  SLA_STAGES,
  type SeverityOrAny,
  type SlaPolicy,
  type SlaPolicyRow,
  type SlaStage,
  type SlaTarget,
  slaTargetFor,
} from './policy';
export { type SlaPolicySettings, defaultSlaPolicyRows, parseSlaPolicy } from './policy-settings';
export {
  type EscalationLevel,
  type OpenStage,
  type SlaStatus,
  type SlaTicket,
  type StageProgress,
  type StageState,
  escalationLevel,
  evaluateSla,
  stageState,
  ticketSlaState,
} from './state';
