/** Which scheduled jobs are due and how long a run may work (SPEC §6). */
export { Budget } from './budget';
export {
  dueSlots,
  PERIODIC_JOBS,
  type PeriodicJob,
  type ScheduleConfig,
  type Slot,
  slotsBetween,
} from './slots';
