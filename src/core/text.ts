/**
 * Text safety helpers (SPEC §4 "Text is never executed", §10 and §14 privacy). Pure: no Sheets, no Dates.
 */

import type { MessageKey } from '../i18n';
import { ENUMS, type EnumCode, type EnumName } from './enums';
import type { Labels } from './message';

/** Characters that make Sheets treat a typed or written value as a formula. */
const FORMULA_START = /^[=+\-@]/;
/**
 * Text that Sheets would silently turn into a number, percent, currency or date (a phone number
 * 13800138000 loses nothing visible but becomes 1.38E+10 in exports; '007' loses its zeros).
 */
const LOOKS_NUMERIC = /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
const LOOKS_CURRENCY = /^[$¥€£]\s?\d/;
const LOOKS_DATE_OR_TIME =
  /^(\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?|\d{1,2}:\d{2}(:\d{2})?(\s?[ap]m)?)\b/i;
const LOOKS_BOOLEAN = /^(true|false)$/i;

/** Control characters other than newline (tabs and CRs are how formula prefixes get smuggled in). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F]/g;

/**
 * The value to write into a cell so that Sheets stores `text` as the same text: a leading apostrophe
 * for formulas and for anything Sheets would parse as a number, date or boolean. The apostrophe is not
 * part of the cell's value (getValues returns the text without it).
 */
export function formulaSafe(text: string): string {
  if (text === '') return text;
  // A tab or CR before "=" is dropped by Sheets' parser on paste, so judge the trimmed start too.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being skipped.
  const start = text.replace(/^[\s\u0000-\u001F]+/, '');
  if (FORMULA_START.test(start) || text.startsWith("'")) return `'${text}`;
  const compact = text.trim();
  if (
    LOOKS_NUMERIC.test(compact) ||
    LOOKS_CURRENCY.test(compact) ||
    LOOKS_DATE_OR_TIME.test(compact) ||
    LOOKS_BOOLEAN.test(compact)
  ) {
    return `'${text}`;
  }
  return text;
}

export interface SanitizedText {
  text: string;
  /** True when the input was longer than maxLength and was cut: callers flag the record for review. */
  truncated: boolean;
  originalLength: number;
}

/**
 * Normalises user text before it is stored: control characters except newline removed, CRLF → LF,
 * trimmed, capped at maxLength characters (code points, so an emoji is never split in half).
 */
export function sanitizeUserText(value: unknown, maxLength: number): SanitizedText {
  const raw =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  const cleaned = raw.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').trim();
  const chars = Array.from(cleaned);
  if (chars.length <= maxLength) return { text: cleaned, truncated: false, originalLength: chars.length };
  return {
    text: chars.slice(0, maxLength).join('').trimEnd(),
    truncated: true,
    originalLength: chars.length,
  };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values (every email body goes through this). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Masks a phone number for emails and reports (SPEC §10, §14): keeps the first 3 and last 4 digits,
 * `13812341234` → `138****1234`. Short numbers keep only their last 2 digits.
 */
export function maskPhone(phone: string): string {
  // A +86 / 0086 country code is not part of the number people recognise.
  const digits = phone.replace(/\D/g, '').replace(/^(00)?86(?=1\d{10}$)/, '');
  if (digits === '') return '';
  if (digits.length >= 8) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`;
}

/** Masks an email address: first character of the local part kept, domain kept (`z***@example.com`). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email === '' ? '' : '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** Canonical form for comparing labels and headers typed by people: NFKC, lower case, no whitespace. */
export function normalizeLabel(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** One index per source of labels (in practice one: i18n's bothLanguages). */
const enumIndexes = new WeakMap<Labels, Map<EnumName, Map<string, string>>>();

function buildEnumIndex(labels: Labels): Map<EnumName, Map<string, string>> {
  const index = new Map<EnumName, Map<string, string>>();
  for (const name of Object.keys(ENUMS) as EnumName[]) {
    const byLabel = new Map<string, string>();
    for (const code of ENUMS[name]) {
      const key = `enum.${name}.${code}` as MessageKey;
      // Codes win over labels of other codes; either language's label is accepted.
      byLabel.set(normalizeLabel(code), code);
      for (const text of labels(key)) {
        const label = normalizeLabel(text);
        if (!byLabel.has(label)) byLabel.set(label, code);
      }
    }
    index.set(name, byLabel);
  }
  return index;
}

/** The code of an enum label typed in any language of `labels` (or the code itself); null when unknown. */
export function enumCodeFromText<N extends EnumName>(
  labels: Labels,
  name: N,
  text: string,
): EnumCode<N> | null {
  let index = enumIndexes.get(labels);
  if (!index) {
    index = buildEnumIndex(labels);
    enumIndexes.set(labels, index);
  }
  const code = index.get(name)?.get(normalizeLabel(text));
  return (code ?? null) as EnumCode<N> | null;
}
