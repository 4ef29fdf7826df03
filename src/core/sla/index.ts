/** SLA: policy per (type, severity), due dates, stage states, escalation, explanations (SPEC §5). */
export {
  accumulatePausedTime,
  computeDueDates,
  type DueDateInput,
  type DueDates,
  type PausedTime,
  type StatusChange,
} from './due-dates';
export { type DueExplanationInput, explainDue, formatLocalDateTime } from './explain';
export {
  DEFAULT_SLA_POLICY,
  DEFAULT_SLA_POLICY_ROWS,
  type SeverityOrAny,
  SLA_STAGES,
  type SlaPolicy,
  type SlaPolicyRow,
  type SlaStage,
  type SlaTarget,
  slaTargetFor,
} from './policy';
export { defaultSlaPolicyRows, parseSlaPolicy, type SlaPolicySettings } from './policy-settings';
export {
  type EscalationLevel,
  escalationLevel,
  evaluateSla,
  type OpenStage,
  type SlaStatus,
  type SlaTicket,
  type StageProgress,
  type StageState,
  stageDoneAt,
  stageState,
  ticketSlaState,
} from './state';
