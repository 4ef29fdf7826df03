/**
 * Local-time Date methods run in the script's time zone (appsscript.json timeZone), not the host's:
 * developers.google.com/apps-script/reference/base/session#getScriptTimeZone() and
 * developers.google.com/apps-script/concepts/manifests ("timeZone").
 */
import { fresh, js } from './helpers';

describe("script-zone Date inside the vm (the manifest's time zone, whatever the host's)", () => {
  it('getHours, getDate, getDay and toString read Shanghai time; new Date(y, m, d) is Shanghai midnight', () => {
    const emu = fresh({ start: new Date('2026-03-01T17:30:00Z'), timeZone: 'Asia/Shanghai' });
    expect(
      js(
        emu,
        `var d = new Date(); var m = new Date(2026, 2, 2);
        return [d.getHours(), d.getMinutes(), d.getDate(), d.getDay(), d.getTimezoneOffset(), m.toISOString(), String(d), d.toDateString()];`,
      ),
    ).toEqual([
      1,
      30,
      2,
      1,
      -480,
      '2026-03-01T16:00:00.000Z',
      'Mon Mar 02 2026 01:30:00 GMT+0800 (China Standard Time)',
      'Mon Mar 02 2026',
    ]);
  });
  it('setters and zone-less text are local; ISO text with a zone and ISO dates alone are not', () => {
    const emu = fresh({ timeZone: 'America/New_York', start: new Date('2026-03-07T12:00:00Z') });
    expect(
      js(
        emu,
        `var d = new Date(2026, 2, 7, 12, 0); d.setDate(d.getDate() + 1);
        var s = new Date(2026, 2, 8); s.setHours(3, 30);
        return [d.toISOString(), d.getHours(), s.toISOString(), new Date('2026-03-02 10:00').toISOString(),
          new Date('2026-03-02T10:00:00Z').toISOString(), new Date('2026-03-02').toISOString(), Date.parse('March 2, 2026')];`,
      ),
    ).toEqual([
      // Across the US DST change: noon stays noon local time (17:00Z then 16:00Z).
      '2026-03-08T16:00:00.000Z',
      12,
      // 03:30 EDT on the change day.
      '2026-03-08T07:30:00.000Z',
      '2026-03-02T15:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
      Date.UTC(2026, 2, 2, 5),
    ]);
  });
  it('concurrent executions use the script zone too', () => {
    const emu = fresh({ start: new Date('2026-03-01T17:30:00Z'), timeZone: 'Asia/Shanghai' });
    emu.load('function h() { return new Date().getHours() + ":" + new Date(2026, 0, 1).getTime(); }');
    const [r] = emu.runConcurrently([{ name: 'h' }]);
    expect(r).toEqual({ status: 'fulfilled', value: `1:${Date.UTC(2025, 11, 31, 16)}` });
  });
});
