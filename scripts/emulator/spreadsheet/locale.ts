import { zonedTime } from '../utilities-format';

/**
 * How a spreadsheet locale writes dates and numbers. The date patterns are the CLDR short dates Sheets
 * shows (issue 12's examples: en_US `3/2/2026 9:30:00`, en_GB `02/03/2026 09:30:00`, zh_CN
 * `2026/3/2 9:30:00`; the others assumed from CLDR), in Sheets' format letters.
 */
export interface LocaleFormat {
  order: 'MDY' | 'DMY' | 'YMD';
  date: string;
  time: string;
  decimal: '.' | ',';
  currency: string[];
}

const LOCALES: Record<string, LocaleFormat> = {
  en_US: { order: 'MDY', date: 'M/d/yyyy', time: 'H:mm:ss', decimal: '.', currency: ['$'] },
  en_GB: { order: 'DMY', date: 'dd/MM/yyyy', time: 'HH:mm:ss', decimal: '.', currency: ['£'] },
  en_AU: { order: 'DMY', date: 'd/MM/yyyy', time: 'HH:mm:ss', decimal: '.', currency: ['$'] },
  zh_CN: { order: 'YMD', date: 'yyyy/M/d', time: 'H:mm:ss', decimal: '.', currency: ['¥', '￥'] },
  zh_TW: { order: 'YMD', date: 'yyyy/M/d', time: 'H:mm:ss', decimal: '.', currency: ['NT$', '$'] },
  zh_HK: { order: 'DMY', date: 'd/M/yyyy', time: 'H:mm:ss', decimal: '.', currency: ['HK$', '$'] },
  ja_JP: { order: 'YMD', date: 'yyyy/MM/dd', time: 'H:mm:ss', decimal: '.', currency: ['¥', '￥'] },
  de_DE: { order: 'DMY', date: 'dd.MM.yyyy', time: 'HH:mm:ss', decimal: ',', currency: ['€'] },
  fr_FR: { order: 'DMY', date: 'dd/MM/yyyy', time: 'HH:mm:ss', decimal: ',', currency: ['€'] },
};

export function localeFormat(locale: string | undefined): LocaleFormat {
  return (
    (locale && (LOCALES[locale] ?? LOCALES[locale.replace('-', '_')])) || (LOCALES.en_US as LocaleFormat)
  );
}

/** The Sheets number format for a date (with time) in a locale. */
export function dateFormat(locale: string | undefined, withTime: boolean): string {
  const f = localeFormat(locale);
  return withTime ? `${f.date} ${f.time}` : f.date;
}

export interface ParsedText {
  value: number | boolean | Date;
  format?: string;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

function hour(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'pm';
  return (h % 12) + (pm ? 12 : 0);
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/** A typed date, date-time or time in the locale's order, in the spreadsheet's zone; null if not one. */
function parseDate(text: string, locale: string | undefined, timeZone: string): ParsedText | null {
  const f = localeFormat(locale);
  let y: number;
  let m: number;
  let d: number;
  let rest = '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/.exec(text);
  const cjk = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$/.exec(text);
  const sep = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:\s+(.+))?$/.exec(text);
  if (iso || cjk) {
    const g = (iso ?? cjk) as RegExpExecArray;
    [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
    rest = g[4] ?? '';
  } else if (sep) {
    const [a, b, c] = [sep[1] ?? '', sep[3] ?? '', sep[4] ?? ''];
    if (a.length === 4 || f.order === 'YMD') {
      if (a.length < 4 && f.order !== 'YMD') return null;
      [y, m, d] = [fullYear(a), Number(b), Number(c)];
    } else if (f.order === 'MDY') [y, m, d] = [fullYear(c), Number(a), Number(b)];
    else [y, m, d] = [fullYear(c), Number(b), Number(a)];
    if (c.length === 3 || (a.length !== 4 && c.length !== 2 && c.length !== 4)) return null;
    rest = sep[5] ?? '';
  } else {
    const t = TIME.exec(text);
    if (!t) return null;
    const h = hour(Number(t[1]), t[4]);
    if (h > 23 || Number(t[2]) > 59 || Number(t[3] ?? 0) > 59) return null;
    // A time alone is a time of day on Sheets' day 0, 30 December 1899.
    const ms = zonedTime(1899, 12, 30, h, Number(t[2]), timeZone) + Number(t[3] ?? 0) * 1000;
    return { value: new Date(ms), format: f.time };
  }
  if (!validDate(y, m, d)) return null;
  if (rest === '') return { value: new Date(zonedTime(y, m, d, 0, 0, timeZone)), format: f.date };
  const t = TIME.exec(rest.trim());
  if (!t) return null;
  const h = hour(Number(t[1]), t[4]);
  if (h > 23 || Number(t[2]) > 59 || Number(t[3] ?? 0) > 59) return null;
  const ms = zonedTime(y, m, d, h, Number(t[2]), timeZone) + Number(t[3] ?? 0) * 1000;
  return { value: new Date(ms), format: `${f.date} ${f.time}` };
}

/** A number in the locale's notation ('1,234.5'; '1.234,5' where the decimal mark is a comma). */
const NUMBER_IN = {
  '.': /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/,
  ',': /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$|^[+-]?,\d+$/,
};

function parseNumber(text: string, decimal: '.' | ','): number | null {
  const group = decimal === '.' ? ',' : '.';
  if (!NUMBER_IN[decimal].test(text)) return null;
  const plain = text.split(group).join('').replace(decimal, '.');
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/**
 * Text typed in the Sheets UI (or written by setValue/setValues, which Sheets treats the same way):
 * booleans, percentages, currency, grouped numbers, dates, date-times and times in the spreadsheet
 * locale. null when Sheets would keep the text.
 */
export function parseTyped(text: string, locale: string | undefined, timeZone: string): ParsedText | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  // Every other kind below (numbers, percentages, currency, dates, times) has an ASCII digit.
  if (!/[0-9]/.test(t)) return null;
  const f = localeFormat(locale);
  const pct = /^(.+?)\s*%$/.exec(t);
  if (pct) {
    const n = parseNumber(pct[1] ?? '', f.decimal) ?? parseNumber(pct[1] ?? '', '.');
    if (n !== null) return { value: n / 100, format: /[.,]\d/.test(pct[1] ?? '') ? '0.00%' : '0%' };
    return null;
  }
  for (const symbol of f.currency) {
    const at = t.startsWith(symbol)
      ? t.slice(symbol.length)
      : t.endsWith(symbol)
        ? t.slice(0, -symbol.length)
        : null;
    if (at === null) continue;
    const n = parseNumber(at.trim().replace(/^-\s*/, '-'), f.decimal);
    if (n !== null) return { value: n };
  }
  const n = parseNumber(t, f.decimal);
  if (n !== null && t.length > 0) return { value: n };
  return parseDate(t, locale, timeZone);
}
