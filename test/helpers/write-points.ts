/**
 * The crash points of a scenario that leave distinct states. A kill at call n means calls 1…n-1
 * happened and nothing after: two kill points leave the same world when only reads lie between them
 * (a read changes nothing a later execution can see). So killing right after each call that changes
 * something — a write to a sheet, a property, the cache, a lock, a mail sent — and at the first call
 * covers every state a kill can leave, with far fewer runs than every call (everyCrashPoint's
 * `points`). A call not known as a read counts as a change, so the set errs on the side of more points.
 */
import type { Emulator } from '../../scripts/emulator';
import { type CrashScenario, freshWorld } from './crash-points';

/** Calls that change nothing outside the execution (getters, searches, service handles). */
const READ =
  /^(\w+\.(get|find|has|is|matchEntireCell|useRegularExpression|matchCase|createTextFinder)\w*|Utilities\.\w+|console\.\w+)$/;

function changes(call: string): boolean {
  return !READ.test(call);
}

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
  const points = calls.flatMap((_call, i) => (i === 0 ? [1] : changes(calls[i - 1]) ? [i + 1] : []));
  return { calls, points: [...new Set(points)], described };
}
