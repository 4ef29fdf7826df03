/**
 * Cell values of a historic register as Excel keeps them, turned into the staging sheet's text:
 * dates as Excel serials, JS Dates (exceljs gives date cells as UTC wall time) or text in zh/en
 * formats → local 'yyyy-mm-dd hh:mm'; phone numbers stored as numbers → digits.
 */

/** A cell as read from CSV (always text) or XLSX (number, Date, boolean, text). */
export type SourceCell = string | number | boolean | Date | null;

export type DateOrder = 'mdy' | 'dmy';

const pad = (n: number) => String(n).padStart(2, '0');

function wall(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const time = second > 0 ? `${pad(hour)}:${pad(minute)}:${pad(second)}` : `${pad(hour)}:${pad(minute)}`;
  return `${year}-${pad(month)}-${pad(day)} ${time}`;
}

/** Excel's serial day number (1900 system, with its phantom 1900-02-29) as wall time. */
export function serialToWall(serial: number): string | null {
  // 1954 … 2119: outside it a number in a date column is not a date.
  if (!Number.isFinite(serial) || serial < 20000 || serial > 80000) return null;
  const ms = Math.round(((serial - 25569) * 86_400_000) / 1000) * 1000;
  const d = new Date(ms);
  return wall(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** '14:30', '2:30 PM', '14时30分', '下午2:30', '14点' → [hour, minute, second] or null. */
function timeOf(text: string): [number, number, number] | null {
  const t = text.trim();
  if (t === '') return [0, 0, 0];
  let m =
    /^(上午|下午|晚上|中午)?\s*(\d{1,2})[:：时点](\d{1,2})?(?:[:：分](\d{1,2})秒?)?分?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(
      t,
    );
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = Number(m[3] ?? 0);
  const second = Number(m[4] ?? 0);
  const pm =
    (m[5] && /^p/i.test(m[5])) || m[1] === '下午' || m[1] === '晚上' || (m[1] === '中午' && hour < 11);
  const am = (m[5] && /^a/i.test(m[5])) || m[1] === '上午';
  if ((pm || am) && hour > 12) return null;
  if (pm && hour < 12) hour += 12;
  if (am && hour === 12) hour = 0;
  m = null;
  return [hour, minute, second];
}

/**
 * Text dates of zh and en registers: 2023-05-06 14:30, 2023/5/6, 2023.5.6, 2023年5月6日 14时30分,
 * 20230506, 5/6/2023 2:30 PM (order from `order` for d/m vs m/d), 6 May 2023, May 6, 2023 14:30.
 */
export function textToWall(text: string, order: DateOrder): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]?(.*))?$/.exec(s);
  if (m) {
    const time = timeOf(m[4] ?? '');
    return time && wall(Number(m[1]), Number(m[2]), Number(m[3]), ...time);
  }
  m = /^(\d{4})(\d{2})(\d{2})(?: (.*))?$/.exec(s);
  if (m) {
    const time = timeOf(m[4] ?? '');
    return time && wall(Number(m[1]), Number(m[2]), Number(m[3]), ...time);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: (.*))?$/.exec(s);
  if (m) {
    const time = timeOf(m[4] ?? '');
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    return time && wall(Number(m[3]), month, day, ...time);
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]*(\d{4})(?: (.*))?$/.exec(s);
  if (m && MONTHS[m[2].slice(0, 4).toLowerCase()] !== undefined) {
    const time = timeOf(m[4] ?? '');
    return time && wall(Number(m[3]), MONTHS[m[2].slice(0, 4).toLowerCase()], Number(m[1]), ...time);
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:,? (.*))?$/.exec(s);
  if (m && MONTHS[m[1].slice(0, 4).toLowerCase()] !== undefined) {
    const time = timeOf(m[4] ?? '');
    return time && wall(Number(m[3]), MONTHS[m[1].slice(0, 4).toLowerCase()], Number(m[2]), ...time);
  }
  // A serial typed or exported as text ('45123.5').
  if (/^\d{5}(\.\d+)?$/.test(s)) return serialToWall(Number(s));
  return null;
}

/** A date cell of any kind as wall time; null when it holds no date (the original text is kept). */
export function cellToWall(cell: SourceCell, order: DateOrder): string | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return wall(
      cell.getUTCFullYear(),
      cell.getUTCMonth() + 1,
      cell.getUTCDate(),
      cell.getUTCHours(),
      cell.getUTCMinutes(),
      cell.getUTCSeconds(),
    );
  }
  if (typeof cell === 'number') return serialToWall(cell);
  if (typeof cell === 'string') return textToWall(cell, order);
  return null;
}

/** A date-only value ('2023-05-06 00:00') of a done-at column means the end of that day, not its start. */
export function endOfDayIfDateOnly(cell: SourceCell, wallText: string): string {
  const dateOnly =
    (cell instanceof Date && cell.getUTCHours() === 0 && cell.getUTCMinutes() === 0) ||
    (typeof cell === 'number' && Number.isInteger(cell)) ||
    (typeof cell === 'string' && !/\d[:：时点]/.test(cell));
  return dateOnly && wallText.endsWith(' 00:00') ? `${wallText.slice(0, 10)} 23:59` : wallText;
}

/** Text of any cell: numbers without a float's noise, a phone stored as a number back to its digits. */
export function cellText(cell: SourceCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cellToWall(cell, 'mdy') ?? '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.trim();
}
