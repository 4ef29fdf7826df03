/**
 * Customer contact details as staff type them: Chinese mobiles (1[3-9] + 9 digits), landlines with an
 * area code (010-12345678, 0755 1234 5678, extension allowed), a +86 / 0086 prefix, spaces and dashes.
 */

export interface NormalizedPhone {
  /** Digits only for mobiles ("13812341234"); "0755-12345678[-123]" for landlines. */
  value: string;
  kind: 'mobile' | 'landline';
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Area codes are 010, 02x (3 digits) or 0xxx (4 digits); local numbers 7–8 digits. */
const LANDLINE = /^(010|02\d|0[3-9]\d{2})(\d{7,8})$/;

/** The normalized phone, or null when it is not a Chinese mobile or landline. */
export function normalizePhone(input: string): NormalizedPhone | null {
  const trimmed = input.normalize('NFKC').trim();
  const [main, extension] = trimmed.split(/\s*(?:ext\.?|x|转|#)\s*/i);
  let digits = main.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  digits = digits.replace(/^(\+86|0086)/, '');
  if (digits.startsWith('+')) return null;
  if (MOBILE.test(digits)) return { value: digits, kind: 'mobile' };
  const landline = LANDLINE.exec(digits);
  if (!landline) return null;
  const ext = extension && /^\d{1,6}$/.test(extension) ? `-${extension}` : '';
  return { value: `${landline[1]}-${landline[2]}${ext}`, kind: 'landline' };
}

/** Deliberately plain: one @, a dot in the domain, no spaces; Sheets users type addresses, not RFC 5322. */
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

export function normalizeEmail(input: string): string | null {
  const value = input.normalize('NFKC').trim().toLowerCase();
  return EMAIL.test(value) ? value : null;
}
