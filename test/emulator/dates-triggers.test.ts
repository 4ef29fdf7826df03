/**
 * Utilities.formatDate takes Java SimpleDateFormat patterns:
 *   developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 *   (letters: docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html, en_US week rules).
 * Clock triggers: developers.google.com/apps-script/reference/script/clock-trigger-builder
 *   (atHour, onWeekDay, inTimezone; atDate "midnight in the script's time zone").
 * Cache: developers.google.com/apps-script/reference/cache/cache (expiry at most 21600 s; entries may
 *   be evicted before they expire).
 */
import { fresh, js } from './helpers';

const fd = (emu: ReturnType<typeof fresh>, iso: string, zone: string, pattern: string): unknown =>
  js(emu, `return Utilities.formatDate(new Date('${iso}'), '${zone}', "${pattern}");`);

describe('Utilities.formatDate: every Java pattern letter, with Java output', () => {
  it('w W D F Y u: en_US weeks (Sunday first; week 1 holds 1 January)', () => {
    const emu = fresh();
    // Wed 30 Dec 2026 in Shanghai: its week (27 Dec – 2 Jan) holds 1 Jan 2027, so week 1 of 2027.
    expect(fd(emu, '2026-12-30T05:06:07.008Z', 'Asia/Shanghai', 'w W D F Y YY u')).toBe(
      '1 5 364 5 2027 27 3',
    );
    // Sun 4 Jan 2026: week 2 (week 1 is 28 Dec – 3 Jan); day 4; first Sunday of the month.
    expect(fd(emu, '2026-01-04T04:00:00Z', 'Asia/Shanghai', 'ww W DDD F YYYY u')).toBe('02 2 004 1 2026 7');
    expect(fd(emu, '2026-03-02T02:00:00Z', 'UTC', "yyyy-'W'ww")).toBe('2026-W10');
  });
  it('z zzzz S SSS L: Java zone names and milliseconds', () => {
    const emu = fresh();
    expect(fd(emu, '2026-03-02T02:00:00.007Z', 'Asia/Shanghai', 'z zzzz S SSS LLL')).toBe(
      'CST China Standard Time 7 007 Mar',
    );
    expect(fd(emu, '2026-07-01T00:00:00Z', 'Europe/London', 'z zzzz')).toBe('BST British Summer Time');
    expect(fd(emu, '2026-01-01T00:00:00Z', 'America/New_York', 'z')).toBe('EST');
    expect(fd(emu, '2026-01-01T00:00:00Z', 'Asia/Kathmandu', 'z')).toBe('GMT+05:45');
    expect(fd(emu, '2026-01-01T00:00:00Z', 'UTC', 'z')).toBe('UTC');
  });
});

const HANDLERS = `function tick() {} function setup(kind) {
  var b = ScriptApp.newTrigger('tick').timeBased();
  if (kind === 'daily') b.everyDays(1).atHour(9).nearMinute(0);
  if (kind === 'weekly') b.everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).nearMinute(30);
  if (kind === 'ny') b.everyDays(1).atHour(9).nearMinute(0).inTimezone('America/New_York');
  if (kind === 'date') b.atDate(2026, 3, 10);
  b.create();
}`;

function firings(kind: string, start: string, zone: string, days: number): string[] {
  const emu = fresh({ start: new Date(start), timeZone: zone, addOn: false });
  emu.load(HANDLERS);
  emu.run('setup', kind);
  emu.advance(days * 86_400_000);
  return emu.executions.filter((e) => e.name === 'tick').map((e) => e.at.toISOString());
}

describe('clock-trigger builders honour the script zone (or inTimezone)', () => {
  it('everyDays(1).atHour(9) fires at 09:00 Shanghai time', () => {
    expect(firings('daily', '2026-03-02T02:00:00Z', 'Asia/Shanghai', 3)).toEqual([
      '2026-03-03T01:00:00.000Z',
      '2026-03-04T01:00:00.000Z',
      '2026-03-05T01:00:00.000Z',
    ]);
  });
  it('atHour keeps local time across a DST change; inTimezone overrides the script zone', () => {
    expect(firings('daily', '2026-03-06T20:00:00Z', 'America/New_York', 3)).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(firings('ny', '2026-03-02T02:00:00Z', 'Asia/Shanghai', 1)).toEqual(['2026-03-02T14:00:00.000Z']);
  });
  it('everyWeeks(1).onWeekDay(MONDAY).atHour(8) fires Mondays 08:30; atDate fires once at local midnight', () => {
    expect(firings('weekly', '2026-03-03T02:00:00Z', 'Asia/Shanghai', 14)).toEqual([
      '2026-03-09T00:30:00.000Z',
      '2026-03-16T00:30:00.000Z',
    ]);
    expect(firings('date', '2026-03-02T02:00:00Z', 'Asia/Shanghai', 14)).toEqual([
      '2026-03-09T16:00:00.000Z',
    ]);
  });
});

describe('CacheService: TTL capped at 21,600 s; entries may be evicted early', () => {
  it('a longer expiry is capped at six hours, and emu.cache.evict drops an entry before then', () => {
    const emu = fresh();
    js(emu, `var c = CacheService.getScriptCache(); c.put('a', '1', 999999); c.put('b', '2', 999999);`);
    emu.clock.advance(21_599_000);
    expect(js(emu, `return CacheService.getScriptCache().get('a');`)).toBe('1');
    expect(emu.cache.evict('a')).toBe(1);
    expect(js(emu, `var c = CacheService.getScriptCache(); return [c.get('a'), c.get('b')];`)).toEqual([
      null,
      '2',
    ]);
    emu.clock.advance(1000);
    expect(js(emu, `return CacheService.getScriptCache().get('b');`)).toBeNull();
    js(emu, `CacheService.getDocumentCache().put('d', 'x');`);
    expect(emu.cache.evict()).toBe(1);
  });
});
