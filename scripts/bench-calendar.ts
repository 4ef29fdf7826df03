/**
 * Business-time arithmetic benchmark (SPEC §15: ≥ 200,000 due-date computations per second on Node).
 * Mixed bh / wd targets from random instants across 2025–2026 on the default China calendar.
 * `npx tsx scripts/bench-calendar.ts [iterations]` prints ops/s; `benchCalendar` is reused by `npm run bench`.
 */
import { addDuration, createCalendar, type Duration, defaultCalendarConfig } from '../src/core/calendar';

const TARGETS: Duration[] = [
  { amount: 3, unit: 'bh' },
  { amount: 1, unit: 'wd' },
  { amount: 3, unit: 'wd' },
  { amount: 7, unit: 'wd' },
  { amount: 24, unit: 'bh' },
];

/** Due-date computations per second over `iterations` random (start, target) pairs. */
export function benchCalendar(iterations: number): number {
  const cal = createCalendar(defaultCalendarConfig());
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2027, 0, 1) - from;
  // A fixed linear congruential sequence keeps runs comparable.
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const starts = Array.from({ length: iterations }, () => from + Math.floor(random() * span));
  let checksum = 0;
  const began = performance.now();
  for (let i = 0; i < iterations; i++)
    checksum += addDuration(cal, starts[i], TARGETS[i % TARGETS.length]) % 7;
  const seconds = (performance.now() - began) / 1000;
  if (checksum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return Math.round(iterations / seconds);
}

if (process.argv[1]?.endsWith('bench-calendar.ts')) {
  const iterations = Number(process.argv[2] ?? 1_000_000);
  console.log(`${benchCalendar(iterations).toLocaleString('en-US')} due-date computations per second`);
}
