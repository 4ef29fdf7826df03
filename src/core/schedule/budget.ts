/**
 * The execution-time budget of one scheduler run (SPEC §2: 6 minutes per execution). Jobs ask before
 * each unit of work; a job that is told to stop saves a cursor and continues on the next run (SPEC §6).
 */

/** 4.5 of Google's 6 minutes: the rest covers the writes, mail and run log that follow the last unit. */
export const RUN_BUDGET_MS = 4.5 * 60_000;

export class Budget {
  constructor(
    private readonly clock: () => number,
    private readonly startedAt: number,
    private readonly limitMs: number = RUN_BUDGET_MS,
  ) {}

  elapsedMs(): number {
    return this.clock() - this.startedAt;
  }

  exhausted(): boolean {
    return this.elapsedMs() >= this.limitMs;
  }
}
