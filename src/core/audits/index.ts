/** Service-quality audits (质检, SPEC §8.1): ⚙ Scorecards, planning one audit, its defaults. */

export { parseNewScores, rescore } from './appeal';
export {
  type AuditAnswers,
  type AuditPlan,
  type AuditRules,
  auditCounterKey,
  type FormAnswer,
  planAudit,
} from './audit';
export {
  type CalibrationScore,
  calibrationCounterKey,
  summariseCalibration,
} from './calibration';
export { DEFAULT_SCORECARDS } from './default-scorecards';
export { type FinaliseCandidate, planFinalising } from './finalise';
export {
  itemKey,
  parseScorecards,
  rubricOf,
  type Scorecard,
  type ScorecardItem,
  scorecardFingerprint,
  splitList,
} from './scorecards';
