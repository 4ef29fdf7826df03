/**
 * ⚙ Merit catalog (奖惩项目, SPEC §8.2): items with a level A2/A1/B1/C1 and a sign; points per level come
 * from ⚙ General. An item may be the one an automatic rule records (a substantiated complaint, praise,
 * a run of low audits, an inspection fault). Severity order A2 > A1 > B1 > C1 (seed 001 L655, L685, L705).
 */
import type { MessageKey } from '../../i18n';
import type { KeyedRow } from '../cells';
import type { EnumCode } from '../enums';
import { type Labels, type Message, message } from '../message';
import { cellText, parseBool } from '../settings/fields';
import { isBlankRow, type Parsed, parseRowTable, type RowResult } from '../settings/parse';
import { enumCodeFromText } from '../text';

export type MeritLevel = EnumCode<'meritLevel'>;
export type MeritSign = EnumCode<'meritSign'>;
export type MeritRule = EnumCode<'meritRule'>;
/** The rules that record an entry by themselves (the rest come from the form or an appeal). */
export type AutomaticRule = Exclude<MeritRule, 'form' | 'appeal'>;
export const AUTOMATIC_RULES: readonly AutomaticRule[] = [
  'substantiated',
  'praise',
  'qaRun',
  'minorFault',
  'seriousFault',
];

export interface MeritCatalogItem {
  item: string;
  level: MeritLevel;
  sign: MeritSign;
  automatic: AutomaticRule | null;
  note: string;
  active: boolean;
  row: number;
}

/** Points of one level (⚙ General; defaults A2 10, A1 5, B1 2, C1 1 — SPEC §8.2). */
export type PointsPerLevel = Record<MeritLevel, number>;

/** The signed points of an entry of this level and sign: a demerit is negative. */
export function entryPoints(level: MeritLevel, sign: MeritSign, points: PointsPerLevel): number {
  return sign === 'demerit' ? -points[level] : points[level];
}

/** Money of an entry: |points| × money per point, '' when no money value is set (seed 001 L649). */
export function entryAmount(points: number, moneyPerPoint: number | ''): number | '' {
  return moneyPerPoint === '' ? '' : Math.round(Math.abs(points) * moneyPerPoint * 100) / 100;
}

/** "−B1", "+A1": how an item's level reads in a form choice (the same in both languages). */
export function levelText(level: MeritLevel, sign: MeritSign): string {
  return `${sign === 'demerit' ? '−' : '+'}${level}`;
}

const LEVELS: readonly MeritLevel[] = ['A2', 'A1', 'B1', 'C1'];

function parseLevel(text: string): MeritLevel | null {
  const upper = text.toUpperCase().replace(/[+\-−\s]/g, '');
  return (LEVELS as readonly string[]).includes(upper) ? (upper as MeritLevel) : null;
}

function parseSign(text: string, labels: Labels): MeritSign | null {
  const trimmed = text.trim();
  if (trimmed === '+' || trimmed.startsWith('+')) return 'merit';
  if (trimmed === '-' || trimmed === '−' || trimmed.startsWith('-') || trimmed.startsWith('−'))
    return 'demerit';
  return enumCodeFromText(labels, 'meritSign', trimmed);
}

function bad(key: MessageKey, value: string): RowResult<MeritCatalogItem> {
  return { ok: false, reason: message(key, { value }) };
}

export function parseMeritCatalog(rows: readonly KeyedRow[], labels: Labels): Parsed<MeritCatalogItem[]> {
  const parseRow = (row: KeyedRow): RowResult<MeritCatalogItem> | null => {
    if (isBlankRow(row)) return null;
    const item = cellText(row.values.item);
    if (item === '')
      return {
        ok: false,
        reason: message('settings.issue.missingField', { column: message('col.meritCatalog.item') }),
      };
    const levelText = cellText(row.values.level);
    const level = parseLevel(levelText);
    if (level === null) return bad('merits.issue.badLevel', levelText);
    const signText = cellText(row.values.sign);
    // "−B1" in the level cell says the sign too.
    const sign = parseSign(signText === '' ? levelText : signText, labels);
    if (sign === null) return bad('merits.issue.badSign', signText);
    const automaticText = cellText(row.values.automatic);
    const automatic = automaticText === '' ? null : enumCodeFromText(labels, 'meritRule', automaticText);
    if (
      automaticText !== '' &&
      (automatic === null || !(AUTOMATIC_RULES as readonly string[]).includes(automatic))
    )
      return bad('merits.issue.badAutomatic', automaticText);
    const issues: Message[] = [];
    const activeCell = row.values.active;
    const active = cellText(activeCell) === '' ? true : parseBool(activeCell, labels);
    if (active === null)
      issues.push(
        message('settings.issue.badOptional', {
          column: message('col.meritCatalog.active'),
          value: cellText(activeCell),
          expected: message('settings.expected.bool'),
        }),
      );
    return {
      ok: true,
      value: {
        item,
        level,
        sign,
        automatic: automatic as AutomaticRule | null,
        note: cellText(row.values.note),
        active: active ?? true,
        row: row.row,
      },
      issues,
    };
  };
  const parsed = parseRowTable(rows, 'sheet.meritCatalog', parseRow, (entry) => entry.item.toLowerCase());
  // One active item per automatic rule: the first wins, a second is reported and used by the form only.
  const owner = new Map<AutomaticRule, number>();
  for (const entry of parsed.value) {
    if (!entry.automatic || !entry.active) continue;
    const first = owner.get(entry.automatic);
    if (first === undefined) {
      owner.set(entry.automatic, entry.row);
      continue;
    }
    parsed.issues.push({
      sheet: 'sheet.meritCatalog',
      row: entry.row,
      reason: message('merits.issue.automaticTwice', {
        rule: message(`enum.meritRule.${entry.automatic}` as MessageKey),
        first,
      }),
    });
    entry.automatic = null;
  }
  return parsed;
}

/** The active item an automatic rule records, or null when the manager switched it off. */
export function automaticItem(
  catalog: readonly MeritCatalogItem[],
  rule: AutomaticRule,
): MeritCatalogItem | null {
  return catalog.find((entry) => entry.active && entry.automatic === rule) ?? null;
}
