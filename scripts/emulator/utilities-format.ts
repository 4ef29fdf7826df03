/**
 * Java SimpleDateFormat patterns (what Utilities.formatDate takes) rendered with Intl in an IANA zone.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMinutes: number;
  zoneName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. Throws RangeError for an unknown zone, like Intl. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday,
    offsetMinutes,
    zoneName: parts.timeZoneName ?? 'GMT',
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offset(minutes: number, iso: boolean, colon: boolean): string {
  if (iso && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function field(letter: string, n: number, w: WallClock, date: Date): string {
  switch (letter) {
    case 'y':
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
    case 'M':
      if (n >= 4) return MONTHS[w.month - 1] ?? '';
      if (n === 3) return (MONTHS[w.month - 1] ?? '').slice(0, 3);
      return pad(w.month, n);
    case 'd':
      return pad(w.day, n);
    case 'H':
      return pad(w.hour, n);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, n);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
    case 'K':
      return pad(w.hour % 12, n);
    case 'm':
      return pad(w.minute, n);
    case 's':
      return pad(w.second, n);
    case 'S':
      return pad(((date.getTime() % 1000) + 1000) % 1000, 3).slice(0, Math.max(n, 3));
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'E':
      return n >= 4 ? (DAYS[w.weekday] ?? '') : (DAYS[w.weekday] ?? '').slice(0, 3);
    case 'u':
      return String(w.weekday === 0 ? 7 : w.weekday);
    case 'Z':
      return offset(w.offsetMinutes, false, false);
    case 'X':
      return n === 1
        ? offset(w.offsetMinutes, true, false).slice(0, 3)
        : offset(w.offsetMinutes, true, n >= 3);
    case 'z':
      return n >= 4 ? w.zoneName : w.zoneName;
    case 'G':
      return 'AD';
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end).replace(/''/g, "'");
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let n = 1;
      while (pattern.charAt(i + n) === ch) n++;
      out += field(ch, n, w, date);
      i += n;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
