/**
 * everyCrashPoint: proof that a multi-step job survives being killed at any service call.
 *
 * The scenario runs once to count its service calls K, then K more times on fresh worlds, killed at call
 * 1, 2, … K ("Exceeded maximum execution time", as Google ends an execution; what it wrote stays
 * written), each time followed by the recovery the product offers (typically the next hourly run). The
 * invariant must hold after the clean run and after every crash and recovery.
 *
 * Setup runs once per scenario: every run starts from its own copy (Emulator.clone) of the world setup
 * returned, exactly as setup left it — the same state K + 1 fresh setups would build, without building
 * it K + 1 times (a setup that runs hourly jobs or fills a sheet costs more than the run it prepares).
 */
import type { Emulator, KillRecord } from '../../scripts/emulator';

export interface CrashScenario {
  /** The world before the run: called once; each run gets a copy of it (freshWorld). */
  setup(): Emulator;
  /** The work under test; its service calls are the crash points. Failed executions are fine here. */
  run(emu: Emulator): void;
  /** What the product offers after a crash, e.g. `emu.advance(3_600_000)` for the next hourly run. */
  recover?(emu: Emulator): void;
  /** Count and kill only calls of executions running this function (e.g. 'onFormSubmit'). */
  handler?: string;
}

export interface CrashPoint {
  /** 0 for the clean run, else the call number that was killed. */
  point: number;
  /** The kill, for points > 0: which call of which execution did not happen. */
  kill?: KillRecord;
}

export interface CrashReport {
  /** Service calls in the clean run (the number of crash points). */
  calls: number;
  /** Of those, kills left out as the same as a kept one (`changesOnly`). */
  equivalent?: number;
  /** Crash points exercised. */
  points: number;
  /** How many crash points fell on each 'Service.method'. */
  byCall: Record<string, number>;
}

const setUp = new WeakMap<CrashScenario, Emulator>();

/** A copy of the scenario's world before its run (setup is called once per scenario, then cloned). */
export function freshWorld(scenario: CrashScenario): Emulator {
  let world = setUp.get(scenario);
  if (!world) {
    world = scenario.setup();
    setUp.set(scenario, world);
  }
  return world.clone();
}

/** Calls that change nothing outside the execution (getters, searches, service handles). */
const READ =
  /^(\w+\.(get|find|has|is|matchEntireCell|useRegularExpression|matchCase|createTextFinder)\w*|Utilities\.\w+|console\.\w+)$/;

/**
 * The kill points (1-based) that leave distinct worlds, given the run's calls in order: the first call,
 * and the call after each call that changes something — a write to a sheet, a property, the cache, a
 * lock, a mail sent. A kill at call n means calls 1…n-1 happened and nothing after, so two points with
 * only reads between them leave the same world. A call not known as a read counts as a change, so the
 * set errs on the side of more points.
 */
export function distinctPoints(calls: readonly string[]): number[] {
  const points = calls.flatMap((_call, i) => (i === 0 ? [1] : READ.test(calls[i - 1]) ? [] : [i + 1]));
  return [...new Set(points)];
}

export function everyCrashPoint(
  scenario: CrashScenario,
  invariant: (emu: Emulator, at: CrashPoint) => void,
  /**
   * `points` limits the points; `changesOnly` kills only at the points that leave distinct worlds
   * (distinctPoints): the same worlds as every point, for about a third of the runs.
   */
  options: { points?: number[]; changesOnly?: boolean } = {},
): CrashReport {
  const check = (emu: Emulator, at: CrashPoint): void => {
    try {
      invariant(emu, at);
    } catch (e) {
      const where = at.kill
        ? `after a kill at call ${at.point} (${at.kill.call} in ${at.kill.handler}) and recovery`
        : 'after the clean run';
      if (e instanceof Error) e.message = `everyCrashPoint: invariant fails ${where}:\n${e.message}`;
      throw e;
    }
  };

  const clean = freshWorld(scenario);
  const before = clean.faults.callsMade(scenario.handler);
  const log = clean.faults.recordCalls(scenario.handler);
  scenario.run(clean);
  clean.faults.stopRecording();
  const calls = clean.faults.callsMade(scenario.handler) - before;
  if (log.length !== calls) throw new Error('everyCrashPoint: the call log missed calls');
  if (calls === 0) throw new Error('everyCrashPoint: the scenario made no service calls');
  scenario.recover?.(clean);
  check(clean, { point: 0 });

  const points =
    options.points ??
    (options.changesOnly ? distinctPoints(log) : Array.from({ length: calls }, (_, i) => i + 1));
  const byCall: Record<string, number> = {};
  for (const point of points) {
    if (point < 1 || point > calls) throw new Error(`everyCrashPoint: point ${point} is outside 1..${calls}`);
    const emu = freshWorld(scenario);
    emu.faults.killAtCall(point, { handler: scenario.handler });
    const killsBefore = emu.faults.kills.length;
    try {
      scenario.run(emu);
    } catch {
      // An execution run directly (emu.run) rethrows its kill; trigger runs record it in emu.executions.
    }
    const kill = emu.faults.kills[killsBefore];
    if (!kill)
      throw new Error(
        `everyCrashPoint: call ${point} was never made (the clean run made ${calls}): the scenario is not deterministic`,
      );
    emu.faults.clear();
    byCall[kill.call] = (byCall[kill.call] ?? 0) + 1;
    scenario.recover?.(emu);
    check(emu, { point, kill });
  }
  return {
    calls,
    points: points.length,
    byCall,
    ...(options.changesOnly ? { equivalent: calls - points.length } : {}),
  };
}
