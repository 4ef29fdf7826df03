import { addDuration, businessTimeBetween, zoneOf } from '../../src/core/calendar';
import { duration, HOUR, plainCalendar, wall } from './calendar-helpers';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const newYork = plainCalendar(NY);
const london = plainCalendar(LONDON);

describe('America/New_York: 2026-03-08 spring forward, 2026-11-01 fall back', () => {
  const fri = Date.parse('2026-03-06T17:00:00-05:00');
  test('bh and wd keep the 09:00–18:00 wall clock across the change', () => {
    expect(wall(addDuration(newYork, fri, duration('2 bh')), NY)).toBe('2026-03-09 10:00');
    expect(wall(addDuration(newYork, fri, duration('1 wd')), NY)).toBe('2026-03-09 17:00');
    expect(businessTimeBetween(newYork, fri, Date.parse('2026-03-09T10:00:00-04:00'))).toBe(2 * HOUR);
  });
  test('24 h is 24 real hours; 1 d keeps the wall clock', () => {
    const sat = Date.parse('2026-03-07T10:00:00-05:00');
    expect(wall(addDuration(newYork, sat, duration('24 h')), NY)).toBe('2026-03-08 11:00');
    expect(wall(addDuration(newYork, sat, duration('1 d')), NY)).toBe('2026-03-08 10:00');
    const oct31 = Date.parse('2026-10-31T10:00:00-04:00');
    expect(wall(addDuration(newYork, oct31, duration('24 h')), NY)).toBe('2026-11-01 09:00');
    expect(wall(addDuration(newYork, oct31, duration('1 d')), NY)).toBe('2026-11-01 10:00');
  });
  test('fall back: Friday 17:00 + 2 bh = Monday 10:00 EST', () => {
    const friOct30 = Date.parse('2026-10-30T17:00:00-04:00');
    expect(addDuration(newYork, friOct30, duration('2 bh'))).toBe(Date.parse('2026-11-02T10:00:00-05:00'));
    expect(wall(addDuration(newYork, friOct30, duration('1 wd')), NY)).toBe('2026-11-02 17:00');
  });
  test('gap and overlap wall times follow the documented rule', () => {
    const zone = zoneOf(NY);
    const mar8 = Math.floor(Date.UTC(2026, 2, 8) / 86_400_000);
    const nov1 = Math.floor(Date.UTC(2026, 10, 1) / 86_400_000);
    expect(zone.toInstant(mar8, 2.5 * HOUR)).toBe(Date.parse('2026-03-08T03:30:00-04:00')); // gap → forward
    expect(zone.toInstant(nov1, 1.5 * HOUR)).toBe(Date.parse('2026-11-01T01:30:00-04:00')); // overlap → earlier
  });
});

describe('Europe/London: 2026-03-29 and 2026-10-25', () => {
  test('bh / wd / h / d across the spring change', () => {
    const fri = Date.parse('2026-03-27T16:00:00Z');
    expect(wall(addDuration(london, fri, duration('3 bh')), LONDON)).toBe('2026-03-30 10:00');
    expect(wall(addDuration(london, fri, duration('1 wd')), LONDON)).toBe('2026-03-30 16:00');
    const sat = Date.parse('2026-03-28T12:00:00Z');
    expect(wall(addDuration(london, sat, duration('24 h')), LONDON)).toBe('2026-03-29 13:00');
    expect(wall(addDuration(london, sat, duration('1 d')), LONDON)).toBe('2026-03-29 12:00');
  });
  test('bh / wd / h / d across the autumn change', () => {
    const fri = Date.parse('2026-10-23T16:00:00+01:00');
    expect(addDuration(london, fri, duration('3 bh'))).toBe(Date.parse('2026-10-26T10:00:00Z'));
    expect(wall(addDuration(london, fri, duration('1 wd')), LONDON)).toBe('2026-10-26 16:00');
    const sat = Date.parse('2026-10-24T12:00:00+01:00');
    expect(wall(addDuration(london, sat, duration('24 h')), LONDON)).toBe('2026-10-25 11:00');
    expect(wall(addDuration(london, sat, duration('1 d')), LONDON)).toBe('2026-10-25 12:00');
  });
});
