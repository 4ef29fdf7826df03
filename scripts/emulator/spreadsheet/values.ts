import { formatDate } from '../utilities-format';
import { dateFormat, localeFormat, parseTyped } from './locale';

/** What a cell can hold. '' is an empty cell, exactly as getValues() reports it. */
export type CellValue = string | number | boolean | Date;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A value written by setValue(s) after Sheets' user-entered parsing. */
export interface Parsed {
  value: CellValue;
  formula?: string;
  /** The number format Sheets applies to what it recognised (a date, a percentage), if the cell had none. */
  format?: string;
}

export interface ParseContext {
  locale: string;
  timeZone: string;
  /** The cell's number format: '@' (plain text) keeps text exactly as typed. */
  cellFormat?: string;
}

/**
 * Sheets parses strings written by setValue(s) the way it parses typing (compare the Sheets API's
 * USER_ENTERED: developers.google.com/sheets/api/reference/rest/v4/ValueInputOption): '=...' is a
 * formula (not evaluated here), a leading apostrophe forces text, numbers become numbers; with a
 * context, also booleans, percentages, currency, grouped numbers, dates and times in the spreadsheet's
 * locale and zone — and a cell formatted '@' keeps the text as typed. Without a context (form answers)
 * only formulas, apostrophes and plain numbers are recognised.
 */
export function parseInput(input: unknown, ctx?: ParseContext): Parsed {
  if (input === null || input === undefined || input === '') return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (input instanceof Date) return { value: new Date(input.getTime()) };
  const text = String(input);
  if (ctx?.cellFormat === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const commaDecimal = ctx !== undefined && localeFormat(ctx.locale).decimal === ',';
  if (NUMBER.test(text.trim()) && !(commaDecimal && text.includes('.')))
    return { value: Number(text.trim()) };
  if (!ctx) return { value: text };
  const typed = parseTyped(text, ctx.locale, ctx.timeZone);
  if (!typed) return { value: text };
  const hasFormat = ctx.cellFormat !== undefined && ctx.cellFormat !== 'General';
  return { value: typed.value, format: hasFormat ? undefined : typed.format };
}

export function copyValue(v: CellValue): CellValue {
  return v instanceof Date ? new Date(v.getTime()) : v;
}

/** Sheets' sort order: numbers and dates, then text, then booleans; blanks always last. */
export function compareCells(a: CellValue, b: CellValue, ascending: boolean): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra === 3 || rb === 3) return ra === rb ? 0 : ra === 3 ? 1 : -1;
  let d = 0;
  if (ra !== rb) d = ra - rb;
  else if (ra === 0) d = Number(a) - Number(b);
  else if (ra === 1) d = String(a).toLowerCase().localeCompare(String(b).toLowerCase());
  else d = Number(a) - Number(b);
  return ascending ? d : -d;
}

function rank(v: CellValue): number {
  if (v === '') return 3;
  if (typeof v === 'number' || v instanceof Date) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

/** Converts a Sheets date format ('yyyy-mm-dd hh:mm') to a SimpleDateFormat pattern. */
function sheetsDatePattern(format: string): string {
  // In Sheets 'm' means minutes right after an hour or before seconds, otherwise months.
  return format
    .replace(/(h+[^a-z]*)mm/gi, '$1§§')
    .replace(/mm([^a-z]*s)/gi, '§§$1')
    .replace(/m/g, 'M')
    .replace(/§§/g, 'mm')
    .replace(/AM\/PM/gi, 'a')
    .replace(/dddd/g, 'EEEE')
    .replace(/ddd/g, 'EEE');
}

/**
 * The text Sheets would show for a value under a number format, in the spreadsheet's time zone; a date
 * with no date format shows in the locale's date-time pattern.
 */
export function displayValue(
  v: CellValue,
  format: string | undefined,
  timeZone: string,
  locale?: string,
): string {
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const pattern = sheetsDatePattern(format && /[ydhms]/i.test(format) ? format : dateFormat(locale, true));
    return formatDate(v, timeZone, pattern);
  }
  if (typeof v === 'number') return formatNumber(v, format);
  return v;
}

/**
 * A number under a Sheets number format (https://developers.google.com/sheets/api/guides/formats):
 * up to three sections `positive;negative;zero`, a negative shown by its own section without the minus,
 * quoted text ("pp") and the literal characters + - ( ) space kept as written, 0 / # digits, `,` grouping
 * and a trailing `%` (×100).
 */
function formatNumber(n: number, format: string | undefined): string {
  if (!format || format === 'General' || format === '@') return String(n);
  // Elapsed time: [h]:mm / [h]:mm:ss shows a number of days as total hours, minutes (and seconds).
  const elapsed = /^\[h+\]:mm(:ss)?$/.exec(format);
  if (elapsed) {
    const seconds = Math.round(Math.abs(n) * 86_400);
    const pad = (value: number) => String(value).padStart(2, '0');
    const hm = `${n < 0 ? '-' : ''}${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}`;
    return elapsed[1] ? `${hm}:${pad(seconds % 60)}` : hm;
  }
  const sections = format.split(';');
  const section =
    n < 0 && sections.length >= 2 ? sections[1] : n === 0 && sections.length >= 3 ? sections[2] : sections[0];
  const ownNegative = n < 0 && sections.length >= 2;
  const literals: string[] = [];
  const pattern = section.replace(/"([^"]*)"/g, (_, text: string) => {
    literals.push(text);
    return `\uE000${literals.length - 1}\uE000`;
  });
  const digits = /[0#][0#,]*(\.[0#]+)?%?/.exec(pattern);
  if (!digits) return pattern.replace(/\uE000(\d+)\uE000/g, (_, i: string) => literals[Number(i)]);
  const spec = digits[0];
  const percent = spec.endsWith('%');
  // A negative number under its own section is shown without its minus (the section says how).
  const value = (ownNegative ? Math.abs(n) : n) * (percent ? 100 : 1);
  const decimals = (/\.([0#]+)/.exec(spec)?.[1] ?? '').length;
  const text = spec.includes(',')
    ? value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : value.toFixed(decimals);
  const shown = `${text}${percent ? '%' : ''}`;
  return (pattern.slice(0, digits.index) + shown + pattern.slice(digits.index + spec.length)).replace(
    /\uE000(\d+)\uE000/g,
    (_, i: string) => literals[Number(i)],
  );
}
