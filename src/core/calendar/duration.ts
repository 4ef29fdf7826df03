/**
 * Durations with a unit, as managers type them in ⚙ SLA policy: '3 bh', '1 wd', '24 h', '7 d', or in
 * Chinese '3 工作小时', '1 工作日', '24 小时', '7 天'. '—', '-' or an empty cell means "no target".
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

/** One index per source of labels (in practice one: i18n's bothLanguages). */
const unitIndexes = new WeakMap<Labels, Map<string, DurationUnit>>();
function unitOf(labels: Labels, text: string): DurationUnit | undefined {
  let unitsByText = unitIndexes.get(labels);
  if (!unitsByText) {
    unitsByText = new Map(Object.entries(LONG_ENGLISH));
    for (const unit of DURATION_UNITS) {
      for (const spelling of labels(UNIT_KEYS[unit])) unitsByText.set(spelling.toLowerCase(), unit);
    }
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
  // Working and calendar days count whole days; a fraction of a "wd" has no agreed meaning.
  if ((unit === 'wd' || unit === 'd') && !Number.isInteger(amount)) return { ok: false, error: 'notWhole' };
  return { ok: true, duration: { amount, unit } };
}

/** '3 bh' / '3 工作小时' once rendered; '—' for no target. */
export function formatDuration(duration: Duration | null): MessageParam {
  if (!duration) return '—';
  return list([duration.amount, message(UNIT_KEYS[duration.unit])], ' ');
}
