/**
 * The note on every due-date cell saying how it was computed (SPEC §5 "Explain every deadline"), e.g.
 * "Received Tue 2025-09-30 17:30; General complaint: 3 wd; 2025-10-01…08 holiday, Sat 2025-10-11 is a
 * working day → due Sat 2025-10-11 17:30".
 */
import type { MessageKey } from '../../i18n';
import {
  type BusinessCalendar,
  type Duration,
  dateKeyOf,
  formatClock,
  formatDuration,
  isBusinessUnit,
} from '../calendar';
import { type KeyedMessage, list, type Message, type MessageParam, message } from '../message';

export interface DueExplanationInput {
  start: number;
  duration: Duration;
  due: number;
  /** What the rule is, in the sheet's language, e.g. "General complaint". */
  label: string;
  /** What `start` is; callback windows run from Resolved. */
  from?: 'received' | 'resolved';
  /** Time spent waiting on the customer, which moved this deadline (business ms, or wall ms for h/d). */
  pausedMs?: number;
}

/** "2 h 15 m" / "2 小时 15 分钟": a pause as people say it. */
function formatPause(ms: number): KeyedMessage {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return message('sla.pause.minutes', { minutes: rest });
  if (rest === 0) return message('sla.pause.hours', { hours });
  return message('sla.pause.hoursMinutes', { hours, minutes: rest });
}

function weekdayName(weekday: number): KeyedMessage {
  return message(`sla.weekday.${weekday}` as MessageKey);
}

/** 'Tue 2025-09-30 17:30' in the calendar's zone, once rendered. */
export function formatLocalDateTime(cal: BusinessCalendar, instant: number): KeyedMessage {
  const { dayNumber, minuteOfDay } = cal.zone.toLocal(instant);
  const day = cal.day(dayNumber);
  return message('sla.dateTime', {
    weekday: weekdayName(day.weekday),
    date: day.dateKey,
    time: formatClock(minuteOfDay),
  });
}

/** "2025-10-01…08", "2025-09-30…10-08", "2025-12-31…2026-01-02" or a single date. */
function formatDateRange(first: number, last: number): string {
  const from = dateKeyOf(first);
  if (first === last) return from;
  const to = dateKeyOf(last);
  const sharedPrefix = from.slice(0, 4) !== to.slice(0, 4) ? 0 : from.slice(0, 7) !== to.slice(0, 7) ? 5 : 8;
  return `${from}…${to.slice(sharedPrefix)}`;
}

/** Holidays (as ranges) and make-up working days from the start's day through the due day. */
function calendarNote(cal: BusinessCalendar, start: number, due: number): Message | null {
  const separator = message('sla.explain.listSeparator');
  const firstDay = cal.zone.toLocal(start).dayNumber;
  const lastDay = cal.zone.toLocal(due).dayNumber;
  const holidayRanges: string[] = [];
  const workdays: Message[] = [];
  let rangeStart: number | null = null;
  for (let dayNumber = firstDay; dayNumber <= lastDay + 1; dayNumber++) {
    const day = cal.day(dayNumber);
    const isHoliday = dayNumber <= lastDay && day.special?.kind === 'holiday';
    if (isHoliday && rangeStart === null) rangeStart = dayNumber;
    if (!isHoliday && rangeStart !== null) {
      holidayRanges.push(formatDateRange(rangeStart, dayNumber - 1));
      rangeStart = null;
    }
    if (dayNumber <= lastDay && day.special?.kind === 'workday') {
      workdays.push(message('sla.day', { weekday: weekdayName(day.weekday), date: day.dateKey }));
    }
  }
  const parts: Message[] = [];
  if (holidayRanges.length > 0)
    parts.push(message('sla.explain.holidays', { dates: list(holidayRanges, separator) }));
  if (workdays.length > 0) {
    const key = workdays.length === 1 ? 'sla.explain.workday' : 'sla.explain.workdays';
    parts.push(message(key, { days: list(workdays, separator) }));
  }
  return parts.length === 0 ? null : list(parts, message('sla.explain.partSeparator'));
}

export function explainDue(cal: BusinessCalendar, input: DueExplanationInput): Message {
  const { start, duration, due, label } = input;
  const startKey = input.from === 'resolved' ? 'sla.explain.resolved' : 'sla.explain.received';
  const parts: MessageParam[] = [
    message(startKey, { at: formatLocalDateTime(cal, start) }),
    message('sla.explain.rule', { label, duration: formatDuration(duration) }),
  ];
  // Holidays only change business-time targets; wall-clock targets run through them.
  const note = isBusinessUnit(duration) ? calendarNote(cal, start, due) : null;
  if (note) parts.push(note);
  if (input.pausedMs && input.pausedMs >= 60_000)
    parts.push(message('sla.explain.paused', { duration: formatPause(input.pausedMs) }));
  return list(
    [
      list(parts, message('sla.explain.separator')),
      message('sla.explain.due', { at: formatLocalDateTime(cal, due) }),
    ],
    ' ',
  );
}
