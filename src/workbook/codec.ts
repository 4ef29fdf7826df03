/**
 * Cell values ↔ typed values, by column type. Decoding accepts what people type in either language;
 * encoding writes labels in the sheet's language and keeps user text as text (formula-safe).
 */
import type { CellValue } from '../core/cells';
import type { EnumName } from '../core/enums';
import { enumCodeFromText, formulaSafe, normalizeLabel } from '../core/text';
import { bothLanguages, type Lang, type MessageKey, t } from '../i18n';
import { ANY, type ColumnSpec } from './schema';

export type TypedValue = string | number | boolean | Date;

export interface Decoded {
  value: TypedValue;
  /** Set when the cell held something the column type cannot represent: the raw text, kept as is. */
  unrecognized?: string;
}

const EMPTY: Decoded = { value: '' };
const TRUE_WORDS = new Set(['true', 'y', '1', '✓', '√', 'x']);
const FALSE_WORDS = new Set(['false', 'n', '0', '✗', '×']);
/** Only unambiguous instants: an ISO date-time with Z or an offset (no time zone guessing here). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function rawText(cell: CellValue): string {
  return cell instanceof Date ? cell.toISOString() : String(cell);
}

function unrecognized(cell: CellValue, value: TypedValue): Decoded {
  return { value, unrecognized: rawText(cell) };
}

function isAnyLabel(text: string): boolean {
  const normalized = normalizeLabel(text);
  return (
    normalized === ANY ||
    normalized === '*' ||
    bothLanguages('sheet.value.any').some((l) => normalizeLabel(l) === normalized)
  );
}

function decodeEnum(name: EnumName, allowAny: boolean, cell: CellValue): Decoded {
  const text = rawText(cell).trim();
  if (allowAny && isAnyLabel(text)) return { value: ANY };
  const code = enumCodeFromText(bothLanguages, name, text);
  return code === null ? unrecognized(cell, '') : { value: code };
}

function decodeNumber(cell: CellValue, percent: boolean): Decoded {
  if (typeof cell === 'number') return { value: cell };
  if (typeof cell !== 'string') return unrecognized(cell, '');
  const text = cell.trim().replace(/,/g, '');
  const isPercent = text.endsWith('%');
  const number = Number(isPercent ? text.slice(0, -1) : text);
  if (text === '' || text === '%' || !Number.isFinite(number)) return unrecognized(cell, '');
  return { value: isPercent && percent ? number / 100 : number };
}

const DAY_MS = 86_400_000;

/** A Sheets duration (days) → milliseconds; "2:15" typed as text reads as 2 h 15 min. */
function decodeDuration(cell: CellValue): Decoded {
  if (typeof cell === 'number') return { value: Math.round(cell * DAY_MS) };
  const match = typeof cell === 'string' ? /^\s*(\d+):([0-5]\d)(?::([0-5]\d))?\s*$/.exec(cell) : null;
  if (!match) return unrecognized(cell, '');
  const [, hours, minutes, seconds] = match;
  return { value: ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000 };
}

function decodeBool(cell: CellValue): Decoded {
  if (typeof cell === 'boolean') return { value: cell };
  if (typeof cell === 'number') return { value: cell !== 0 };
  const text = normalizeLabel(rawText(cell));
  const yesNo = enumCodeFromText(bothLanguages, 'yesNo', text);
  if (yesNo !== null) return { value: yesNo === 'yes' };
  if (TRUE_WORDS.has(text)) return { value: true };
  if (FALSE_WORDS.has(text)) return { value: false };
  return unrecognized(cell, false);
}

function decodeDate(cell: CellValue): Decoded {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? unrecognized(cell, '') : { value: cell };
  if (typeof cell === 'string' && ISO_INSTANT.test(cell.trim())) return { value: new Date(cell.trim()) };
  return unrecognized(cell, '');
}

export function decodeCell(column: ColumnSpec, cell: CellValue): Decoded {
  if (cell === '' || (typeof cell === 'string' && cell.trim() === '')) return EMPTY;
  switch (column.type) {
    case 'text':
    case 'longText':
      return { value: rawText(cell) };
    case 'date':
      return decodeDate(cell);
    case 'number':
      return decodeNumber(cell, false);
    case 'percent':
      return decodeNumber(cell, true);
    case 'duration':
      return decodeDuration(cell);
    case 'bool':
      return decodeBool(cell);
    case 'enum':
      return column.enum ? decodeEnum(column.enum, column.allowAny === true, cell) : { value: rawText(cell) };
  }
}

function enumLabel(name: EnumName, code: string, lang: Lang): string {
  if (code === ANY) return t(lang, 'sheet.value.any');
  const key = `enum.${name}.${code}` as MessageKey;
  // An unknown code (raw text kept from the sheet) is written back as the text it was.
  return enumCodeFromText(bothLanguages, name, code) === code ? t(lang, key) : code;
}

/** The cell to write for a typed value, in the sheet's language. */
export function encodeCell(column: ColumnSpec, value: TypedValue | null | undefined, lang: Lang): CellValue {
  if (value === null || value === undefined || value === '') return '';
  switch (column.type) {
    case 'duration':
      return typeof value === 'number' ? value / DAY_MS : formulaSafe(String(value));
    case 'date':
    case 'number':
    case 'percent':
    case 'bool':
      return typeof value === 'string' ? formulaSafe(value) : value;
    case 'enum':
      return formulaSafe(
        column.enum && typeof value === 'string' ? enumLabel(column.enum, value, lang) : rawText(value),
      );
    case 'text':
    case 'longText':
      return typeof value === 'string'
        ? formulaSafe(value)
        : value instanceof Date
          ? value
          : formulaSafe(String(value));
  }
}
