/** Command-line options of `npm start` (SPEC §11): parsed strictly, so a typo never runs a wrong month. */
import type { Lang } from '../../src/i18n';

export interface SimOptions {
  days: number;
  perDay: number;
  lang: Lang;
  seed: number;
  /** First simulated day, YYYY-MM-DD in the desk's time zone. */
  start: string;
  out: string;
}

export const DEFAULT_OPTIONS: SimOptions = {
  // To 1 June 09:00: all of May, with its monthly report and assessment on the morning of 1 June.
  days: 35,
  perDay: 30,
  lang: 'zh-CN',
  seed: 1,
  // A Monday, so that Labour Day (2026-05-01..05) and its 调休 Saturday 2026-05-09 fall inside.
  start: '2026-04-27',
  out: 'out',
};

export const USAGE = `Usage: npm start -- [options]
  --days N          simulated days (1-366, default ${DEFAULT_OPTIONS.days})
  --per-day N       contacts on a working day (0-500, default ${DEFAULT_OPTIONS.perDay})
  --lang zh-CN|en   language of the desk (default ${DEFAULT_OPTIONS.lang})
  --seed N          random seed; the same seed gives the same output (default ${DEFAULT_OPTIONS.seed})
  --start DATE      first day, YYYY-MM-DD (default ${DEFAULT_OPTIONS.start})
  --out DIR         output folder (default ${DEFAULT_OPTIONS.out})`;

/** A bad command line: the message says what was wrong; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max)
    throw new UsageError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function date(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parsed = match ? new Date(`${text}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--start must be a real date as YYYY-MM-DD, got "${text}"`);
  }
  return text;
}

function language(text: string): Lang {
  if (text === 'zh-CN' || text === 'en') return text;
  throw new UsageError(`--lang must be zh-CN or en, got "${text}"`);
}

/** Accepts `--name value` and `--name=value`. */
export function parseOptions(argv: readonly string[]): SimOptions {
  const options = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
    }
    switch (name) {
      case '--days':
        options.days = integer(name, value, 1, 366);
        break;
      case '--per-day':
        options.perDay = integer(name, value, 0, 500);
        break;
      case '--lang':
        options.lang = language(value);
        break;
      case '--seed':
        options.seed = integer(name, value, 0, 2 ** 32 - 1);
        break;
      case '--start':
        options.start = date(value);
        break;
      case '--out':
        if (value.trim() === '') throw new UsageError('--out needs a folder name');
        options.out = value;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  return options;
}
