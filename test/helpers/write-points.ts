/**
 * The crash points of a scenario that leave distinct states (crash-points.ts distinctPoints), with
 * each call's first argument, for tests that pick a job's own calls among them (everyCrashPoint's
 * `points`; a test that wants them all passes `changesOnly` instead).
 */
import type { Emulator } from '../../scripts/emulator';
import { type CrashScenario, distinctPoints, freshWorld } from './crash-points';

export interface WritePoints {
  /** Every service call of the clean run, in order ('Service.method'). */
  calls: string[];
  /** 1-based kill points: the first call and the call after each change. */
  points: number[];
  /** Each call with its first argument ('Properties.setProperty some.key'), to find a job's own calls. */
  described: string[];
}

/** Runs the scenario once on a fresh world (freshWorld), tracing its calls, and picks the distinct kill points. */
export function writePoints(scenario: CrashScenario): WritePoints {
  const emu: Emulator = freshWorld(scenario);
  const calls: string[] = [];
  const described: string[] = [];
  const faults = emu.faults as unknown as {
    _beforeCall: (execution: { name: string }, key: string, args: unknown[]) => void;
  };
  const before = faults._beforeCall.bind(emu.faults);
  faults._beforeCall = (execution, key, args) => {
    if (scenario.handler === undefined || execution.name === scenario.handler) {
      calls.push(key);
      described.push(`${key} ${String(args[0] ?? '')}`);
    }
    before(execution, key, args);
  };
  try {
    scenario.run(emu);
  } finally {
    faults._beforeCall = before;
  }
  return { calls, points: distinctPoints(calls), described };
}
