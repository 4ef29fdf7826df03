/**
 * The simulated clock. Its value lives in a SharedArrayBuffer so that worker executions read the same
 * time as the main thread without a round trip (Date.now() is called far more often than services).
 */
export class Clock {
  readonly buffer: SharedArrayBuffer;
  private readonly cell: Float64Array;

  constructor(start: Date, buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(8);
    this.cell = new Float64Array(this.buffer);
    if (!buffer) this.cell[0] = start.getTime();
  }

  now(): Date {
    return new Date(this.cell[0]);
  }

  ms(): number {
    return this.cell[0];
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('clock.advance: the simulated clock never goes backwards');
    this.cell[0] += ms;
  }

  set(date: Date): void {
    if (date.getTime() < this.cell[0]) throw new Error('clock.set: the simulated clock never goes backwards');
    this.cell[0] = date.getTime();
  }
}
