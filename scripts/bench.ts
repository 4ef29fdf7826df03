/**
 * `npm run bench`: the SPEC §15 table — Sheets calls and CPU time of intake, the hourly sweep and the
 * weekly report at 1k / 10k / 100k tickets, business-time computations per second, and a naive per-row
 * sweep measured in the same run for contrast. Prints the table and writes out/bench.json.
 * `--sizes 1000,10000` measures other ticket counts; `--out DIR` writes elsewhere.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { measureAt, type Result } from './bench/operations';
import { formatTable } from './bench/table';
import { benchCalendar } from './bench-calendar';
import { benchImport, formatImportBench } from './sheets-api/testing/bench-import';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const CALENDAR_ITERATIONS = 1_000_000;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function sizes(): number[] {
  const text = option('--sizes');
  if (text === undefined) return DEFAULT_SIZES;
  const parsed = text.split(',').map(Number);
  if (parsed.some((size) => !Number.isInteger(size) || size < 0)) {
    console.error(`npm run bench: --sizes takes whole numbers separated by commas, got "${text}"`);
    process.exit(2);
  }
  return parsed;
}

async function main(): Promise<void> {
  const chosen = sizes();
  const out = option('--out') ?? 'out';
  const results: Result[] = [];
  for (const size of chosen) {
    process.stdout.write(`measuring at ${size.toLocaleString('en-US')} tickets…\n`);
    results.push(...measureAt(size));
  }
  const dueDatesPerSecond = benchCalendar(CALENDAR_ITERATIONS);
  console.log(`\n${formatTable(results, chosen, dueDatesPerSecond)}`);
  process.stdout.write('\nmeasuring the import of 10,000 historic rows…\n');
  const importBench = await benchImport(10_000);
  console.log(formatImportBench(importBench));
  mkdirSync(out, { recursive: true });
  const report = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    sizes: chosen,
    results,
    businessTime: { dueDatesPerSecond, iterations: CALENDAR_ITERATIONS },
    import: importBench,
  };
  writeFileSync(join(out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${join(out, 'bench.json')}`);
}

void main();
