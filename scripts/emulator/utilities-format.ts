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
  /** The exact offset (old local mean times have seconds: Shanghai 1899 is +8:05:43). */
  offsetMs: number;
  zoneName: string;
  timeZone: string;
  /** Day of the year, 1-based. */
  dayOfYear: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const longNames = new Map<string, Intl.DateTimeFormat>();

/**
 * Java's short zone names (en_US) where they differ from Intl's ('GMT+8' for Shanghai): the zones our
 * users pick. Java falls back to 'GMT+08:00' for zones it has no name for.
 */
const JAVA_SHORT: Record<string, [string, string]> = {
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Chongqing': ['CST', 'CDT'],
  'Asia/Harbin': ['CST', 'CDT'],
  'Asia/Urumqi': ['XJT', 'XJT'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Macau': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'],
  'Europe/Amsterdam': ['CET', 'CEST'],
  'Europe/Moscow': ['MSK', 'MSK'],
  'Australia/Sydney': ['AEST', 'AEDT'],
  UTC: ['UTC', 'UTC'],
  'Etc/UTC': ['UTC', 'UTC'],
  GMT: ['GMT', 'GMT'],
};

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
  const offsetMs = asUtc - Math.floor(date.getTime() / 1000) * 1000;
  const offsetMinutes = Math.round(offsetMs / 60000);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const dayOfYear = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86400000) + 1;
  return {
    timeZone,
    dayOfYear,
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday,
    offsetMinutes,
    offsetMs,
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

/**
 * Java's week fields for the en_US calendar (weeks start on Sunday; week 1 is the week holding 1 January,
 * so the last days of December can be week 1 of the next week year).
 */
function weekOfYear(w: WallClock): { week: number; weekYear: number } {
  const saturday = Date.UTC(w.year, w.month - 1, w.day + (6 - w.weekday));
  if (new Date(saturday).getUTCFullYear() > w.year) return { week: 1, weekYear: w.year + 1 };
  const jan1 = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
  return { week: Math.floor((w.dayOfYear - 1 + jan1) / 7) + 1, weekYear: w.year };
}

/** Java's 'z' (short name, or 'GMT+08:00') and 'zzzz' (long name, as Intl's en-US long names). */
function zoneText(w: WallClock, n: number, date: Date): string {
  if (n >= 4) {
    let f = longNames.get(w.timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: w.timeZone, timeZoneName: 'long' });
      longNames.set(w.timeZone, f);
    }
    return f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? w.zoneName;
  }
  const java = JAVA_SHORT[w.timeZone];
  if (java) {
    const standard = wallClock(new Date(Date.UTC(w.year, 0, 1)), w.timeZone).offsetMinutes;
    const july = wallClock(new Date(Date.UTC(w.year, 6, 1)), w.timeZone).offsetMinutes;
    return w.offsetMinutes === Math.min(standard, july) || standard === july ? java[0] : java[1];
  }
  if (/^[A-Z]{3,4}$/.test(w.zoneName)) return w.zoneName;
  return w.offsetMinutes === 0 ? 'GMT' : `GMT${offset(w.offsetMinutes, false, true)}`;
}

function field(letter: string, n: number, w: WallClock, date: Date): string {
  switch (letter) {
    case 'y':
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
    case 'M':
    case 'L':
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
      return pad(((date.getTime() % 1000) + 1000) % 1000, n);
    case 'D':
      return pad(w.dayOfYear, n);
    case 'w':
      return pad(weekOfYear(w).week, n);
    case 'Y': {
      const y = weekOfYear(w).weekYear;
      return n === 2 ? pad(y % 100, 2) : pad(y, n);
    }
    case 'W':
      return pad(Math.floor((w.day - 1 + new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay()) / 7) + 1, n);
    case 'F':
      return pad(Math.floor((w.day - 1) / 7) + 1, n);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'E':
      return n >= 4 ? (DAYS[w.weekday] ?? '') : (DAYS[w.weekday] ?? '').slice(0, 3);
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, n);
    case 'Z':
      return offset(w.offsetMinutes, false, false);
    case 'X':
      return n === 1
        ? offset(w.offsetMinutes, true, false).slice(0, 3)
        : offset(w.offsetMinutes, true, n >= 3);
    case 'z':
      return zoneText(w, n, date);
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

/** The instant of a wall-clock time in a zone (the later one when a DST change makes it ambiguous). */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - wallClock(new Date(asUtc), timeZone).offsetMs;
  return asUtc - wallClock(new Date(first), timeZone).offsetMs;
}
