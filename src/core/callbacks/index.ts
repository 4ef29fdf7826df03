/** Callbacks (回访, SPEC §7): who is called back, with which window, and the rules of each attempt. */
export {
  type AttemptContext,
  type CallbackAnswers,
  type CallbackTicket,
  cycleAttempts,
  judgeAttempt,
  type RecordedAttempt,
} from './attempts';
export { callbackOwnerOf } from './owner';
export { callbackRequirement, SAMPLED_WINDOW } from './requirement';
export { isSampled, sampleBucket } from './sampling';
export { SATISFACTION_SCALE, type Satisfaction } from './satisfaction';
export { windowStateAt } from './window-state';
