/**
 * Durations with a unit, as managers type them in ⚙ SLA policy: '3 bh', '1 wd', '24 h', '7 d', '15 min',
 * or in Chinese '3 工作小时', '1 工作日', '24 小时', '7 天', '15 分钟'. '—', '-' or an empty cell means
 * "no target". Minutes are wall-clock time, kept as a fraction of an hour ('15 min' = 0.25 h), so the
 * arithmetic and an existing sheet that says '0.25 h' are unchanged; a wall-clock duration under an hour
 * is written back in minutes ('15 min', not '0.25 h').
 */
import type { MessageKey } from '../../i18n';
import { type Labels, list, type MessageParam, message } from '../message';

export type DurationUnit = 'bh' | 'wd' | 'h' | 'd';
export const DURATION_UNITS: readonly DurationUnit[] = ['bh', 'wd', 'h', 'd'];

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export type DurationError = 'badFormat' | 'badUnit' | 'notWhole';

export type DurationParse = { ok: true; duration: Duration | null } | { ok: false; error: DurationError };

const UNIT_KEYS: Record<DurationUnit, MessageKey> = {
  bh: 'sla.unit.bh',
  wd: 'sla.unit.wd',
  h: 'sla.unit.h',
  d: 'sla.unit.d',
};

/** Wall-clock minutes: parsed into hours ('h'), shown in minutes when under an hour. */
const MINUTE_KEY: MessageKey = 'sla.unit.min';
const MINUTES = 'min';

/** Spelled-out English forms accepted besides each language's display unit. */
const LONG_ENGLISH: Record<string, DurationUnit> = {
  'business hour': 'bh',
  'business hours': 'bh',
  'working hour': 'bh',
  'working hours': 'bh',
  'working day': 'wd',
  'working days': 'wd',
  hour: 'h',
  hours: 'h',
  day: 'd',
  days: 'd',
  日: 'd',
};

const LONG_MINUTES = ['mins', 'minute', 'minutes', '分', '分钟'];

/** One index per source of labels (in practice one: i18n's bothLanguages). */
const unitIndexes = new WeakMap<Labels, Map<string, DurationUnit | typeof MINUTES>>();
function unitOf(labels: Labels, text: string): DurationUnit | typeof MINUTES | undefined {
  let unitsByText = unitIndexes.get(labels);
  if (!unitsByText) {
    unitsByText = new Map<string, DurationUnit | typeof MINUTES>(Object.entries(LONG_ENGLISH));
    for (const unit of DURATION_UNITS) {
      for (const spelling of labels(UNIT_KEYS[unit])) unitsByText.set(spelling.toLowerCase(), unit);
    }
    for (const spelling of [...labels(MINUTE_KEY), ...LONG_MINUTES])
      unitsByText.set(spelling.toLowerCase(), MINUTES);
    unitIndexes.set(labels, unitsByText);
  }
  return unitsByText.get(text.toLowerCase().replace(/\s+/g, ' '));
}

const NO_TARGET = new Set(['', '-', '—', '–', '——']);

/** `labels` gives each unit's display spelling in every language ('bh', '工作小时'…). */
export function parseDuration(text: string, labels: Labels): DurationParse {
  const trimmed = text.trim();
  if (NO_TARGET.has(trimmed)) return { ok: true, duration: null };
  const match = /^(\d+(?:\.\d+)?)\s*(\S.*)$/.exec(trimmed);
  if (!match) return { ok: false, error: 'badFormat' };
  const unit = unitOf(labels, match[2].trim());
  if (!unit) return { ok: false, error: 'badUnit' };
  const amount = Number(match[1]);
  // Working and calendar days count whole days; a fraction of a "wd" has no agreed meaning; nor does
  // a fraction of a minute.
  if ((unit === 'wd' || unit === 'd' || unit === MINUTES) && !Number.isInteger(amount))
    return { ok: false, error: 'notWhole' };
  if (unit === MINUTES) return { ok: true, duration: { amount: amount / 60, unit: 'h' } };
  return { ok: true, duration: { amount, unit } };
}

/** Whole minutes, when a wall-clock duration reads better in minutes: under an hour, or 100 min. */
function inMinutes(duration: Duration): number | null {
  if (duration.unit !== 'h') return null;
  const minutes = Math.round(duration.amount * 60);
  if (minutes <= 0 || Math.abs(duration.amount * 60 - minutes) > 1e-6) return null;
  const hoursReadable = Math.abs(duration.amount * 100 - Math.round(duration.amount * 100)) < 1e-6;
  return duration.amount < 1 || !hoursReadable ? minutes : null;
}

/** '3 bh' / '3 工作小时', '15 min' / '15 分钟' once rendered; '—' for no target. */
export function formatDuration(duration: Duration | null): MessageParam {
  if (!duration) return '—';
  const minutes = inMinutes(duration);
  if (minutes !== null) return list([minutes, message(MINUTE_KEY)], ' ');
  return list([duration.amount, message(UNIT_KEYS[duration.unit])], ' ');
}
