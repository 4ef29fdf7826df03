/** Callbacks (回访, SPEC §7): who is called back, with which window, and the rules of each attempt. */
export {
  type AttemptContext,
  type AttemptVerdict,
  type CallbackAnswers,
  type CallbackRules,
  type CallbackTicket,
  cycleAttempts,
  type Flag,
  judgeAttempt,
  type RecordedAttempt,
  type TicketOutcome,
} from './attempts';
export { type CallbackRequirement, callbackRequirement, SAMPLED_WINDOW } from './requirement';
export { isSampled, sampleBucket } from './sampling';
export { SATISFACTION_SCALE, type Satisfaction } from './satisfaction';
export { windowStateAt } from './window-state';
