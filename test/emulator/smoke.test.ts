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
