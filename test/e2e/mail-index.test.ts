/**
 * The mail key index stays within document properties (500 KB in all, Google's quota page; the
 * emulator refuses a write past it): a Workspace desk may send 1,500 mails a day, about 140 bytes of
 * index each, so keys are kept for 10 days at most and only the newest 150 KB of them.
 */
import { documentProperties, newDesk } from '../helpers/desk';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PREFIX = 'mail.key.';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function indexEntries(props: Map<string, string>): Array<[string, string]> {
  return [...props].filter(([name]) => name.startsWith(PREFIX));
}

describe('the mail key index', () => {
  it('12 days at 1,500 mails a day: within 150 KB, the newest kept, none older than 10 days, the rest of the properties untouched', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00 Shanghai
    const props = documentProperties(emu);
    const now = emu.clock.now().getTime();
    const before = [...props].filter(([name]) => !name.startsWith(PREFIX));
    // The index as 12 days of a busy desk leave it, as the product writes it: key>recipient = state|time.
    let n = 0;
    const written: Array<{ name: string; at: number }> = [];
    for (let day = 12; day >= 1; day--) {
      for (let i = 0; i < 125; i++) {
        // 125 entries stand for 1,500: the store could not hold 12 days of them, which is the point.
        const at = now - day * DAY + i * 60_000;
        const name = `${PREFIX}notice:CMP-2026-${String(++n).padStart(5, '0')}:assigned>zhang.wei@example.com`;
        props.set(name, `s|${new Date(at).toISOString()}`);
        written.push({ name, at });
      }
    }
    // Most recent hour: 1,100 more (a burst).
    for (let i = 0; i < 1_100; i++) {
      const at = now - HOUR + i * 1_000;
      const name = `${PREFIX}notice:CMP-2026-${String(++n).padStart(5, '0')}:assigned>li.na@example.com`;
      props.set(name, `q|${new Date(at).toISOString()}`);
      written.push({ name, at });
    }
    const totalBefore = indexEntries(props).reduce((sum, [k, v]) => sum + bytes(k) + bytes(v), 0);
    expect(totalBefore).toBeGreaterThan(150 * 1024);

    emu.advance(HOUR); // the next hourly run prunes
    const kept = indexEntries(props);
    const total = kept.reduce((sum, [k, v]) => sum + bytes(k) + bytes(v), 0);
    expect(total).toBeLessThanOrEqual(150 * 1024);
    expect(total).toBeGreaterThan(140 * 1024);
    // The newest are the ones kept, and nothing older than 10 days.
    const keptNames = new Set(kept.map(([name]) => name));
    const newestFirst = [...written].sort((a, b) => b.at - a.at);
    expect(newestFirst.slice(0, keptNames.size).every((entry) => keptNames.has(entry.name))).toBe(true);
    const oldest = Math.min(...written.filter((entry) => keptNames.has(entry.name)).map((entry) => entry.at));
    expect(oldest).toBeGreaterThanOrEqual(now - 10 * DAY);
    // Other properties (ledgers, counters, journals) are not the index's to prune.
    for (const [name, value] of before) if (props.has(name)) expect(props.get(name)).toBe(value);
    expect([...props.keys()].filter((name) => !name.startsWith(PREFIX)).length).toBeGreaterThanOrEqual(
      before.length,
    );
  });

  it('keys older than 10 days go even when the index is small', () => {
    const emu = newDesk({ lang: 'en' });
    const props = documentProperties(emu);
    const now = emu.clock.now().getTime();
    props.set(
      `${PREFIX}digest:li.na@example.com:2026-02-19>li.na@example.com`,
      `s|${new Date(now - 11 * DAY).toISOString()}`,
    );
    props.set(
      `${PREFIX}digest:li.na@example.com:2026-02-21>li.na@example.com`,
      `s|${new Date(now - 9 * DAY).toISOString()}`,
    );
    emu.advance(HOUR);
    expect(indexEntries(props).map(([name]) => name)).toEqual([
      `${PREFIX}digest:li.na@example.com:2026-02-21>li.na@example.com`,
    ]);
  });
});
