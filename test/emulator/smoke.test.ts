import { Emulator } from '../../scripts/emulator';

const bundle = `
function counterWithLock() {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty('n') || 0);
  Utilities.sleep(100);
  p.setProperty('n', String(n + 1));
  lock.releaseLock();
}
function counterNoLock() {
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty('m') || 0);
  Utilities.sleep(100);
  p.setProperty('m', String(n + 1));
}
function read() {
  var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  s.getRange(1, 1, 2, 2).setValues([[1, 'x'], [new Date(0), '=A1']]);
  return s.getRange(1, 1, 2, 2).getValues();
}
`;

describe('emulator smoke', () => {
  it('runs in process', () => {
    const emu = new Emulator();
    emu.load(bundle);
    const v = emu.run('read') as unknown[][];
    expect(v[0]).toEqual([1, 'x']);
    expect(v[1]?.[1]).toBe('');
    expect(emu.counts.get('Range', 'setValues')).toBe(1);
  });
  it('locks serialize concurrent executions; without the lock updates are lost', () => {
    const emu = new Emulator();
    emu.load(bundle);
    const r = emu.runConcurrently(Array.from({ length: 20 }, () => ({ name: 'counterWithLock' })));
    expect(r.every((x) => x.status === 'fulfilled')).toBe(true);
    expect(emu.properties.script.get('n')).toBe('20');
    emu.runConcurrently(Array.from({ length: 20 }, () => ({ name: 'counterNoLock' })));
    expect(Number(emu.properties.script.get('m'))).toBeLessThan(20);
  });
});

describe("the script's globals (bound lexically for speed: vm-loader.ts bindGlobals)", () => {
  it('are the same objects as the global properties: built-ins, the clock-reading Date, the services', () => {
    const emu = new Emulator({ start: new Date('2026-03-02T01:00:00Z') });
    emu.load(`function main() {
      Logger.log('logged'); console.log('consoled');
      return [Array === globalThis.Array, Math === globalThis.Math, Date === globalThis.Date,
        SpreadsheetApp === globalThis.SpreadsheetApp, Logger === globalThis.Logger, new Date().toISOString(),
        typeof undefinedName, Object.getOwnPropertyDescriptor(globalThis, 'Array').configurable];
    }`);
    expect(emu.run('main')).toEqual([
      true,
      true,
      true,
      true,
      true,
      '2026-03-02T01:00:00.000Z',
      'undefined',
      true,
    ]);
    expect(emu.logs.map((entry) => entry.message)).toEqual(['logged', 'consoled']);
  });

  it('a script may declare a global of the same name at top level, as on Google', () => {
    const emu = new Emulator();
    emu.load(`var Map = 'mine'; function escape(s) { return '<' + s + '>'; }
      function main() { return [Map, escape('x'), typeof JSON.stringify]; }`);
    expect(emu.run('main')).toEqual(['mine', '<x>', 'function']);
    expect(emu.run('main')).toEqual(['mine', '<x>', 'function']);
  });
});
