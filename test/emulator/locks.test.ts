import { fresh } from './helpers';

const BUNDLE = `
function withLock() {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty('n') || 0);
  Utilities.sleep(50);
  p.setProperty('n', String(n + 1));
  lock.releaseLock();
}
function withoutLock() {
  var p = PropertiesService.getScriptProperties();
  var n = Number(p.getProperty('n') || 0);
  Utilities.sleep(50);
  p.setProperty('n', String(n + 1));
}
function holdLong() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(0)) return 'not acquired';
  Utilities.sleep(60000);
  return 'held ' + lock.hasLock();
}
function tryBriefly() { Utilities.sleep(10); return LockService.getDocumentLock().tryLock(0); }
function waitBriefly() { Utilities.sleep(10); LockService.getDocumentLock().waitLock(5000); return 'got it'; }
function keepLock() { LockService.getScriptLock().waitLock(1000); return LockService.getScriptLock().hasLock(); }
function checkFree() { return LockService.getScriptLock().tryLock(0); }
function onSubmit(e) {
  var lock = LockService.getDocumentLock(); lock.waitLock(30000);
  var p = PropertiesService.getDocumentProperties();
  var next = Number(p.getProperty('seq') || 0) + 1;
  Utilities.sleep(5);
  p.setProperty('seq', String(next));
  e.range.offset(0, 3, 1, 1).setValue('T-' + next);
  lock.releaseLock();
}
`;

describe('LockService with real concurrency', () => {
  it('20 concurrent executions with the lock count to 20', () => {
    const emu = fresh();
    emu.load(BUNDLE);
    const results = emu.runConcurrently(Array.from({ length: 20 }, () => ({ name: 'withLock' })));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(emu.properties.script.get('n')).toBe('20');
    // Each holder slept 50 ms of simulated time, one after another.
    expect(emu.clock.now().getTime() - new Date('2026-03-02T01:00:00Z').getTime()).toBe(1000);
  });
  it('without the lock, concurrent read-modify-write loses updates', () => {
    const emu = fresh();
    emu.load(BUNDLE);
    emu.runConcurrently(Array.from({ length: 20 }, () => ({ name: 'withoutLock' })));
    expect(Number(emu.properties.script.get('n'))).toBeLessThan(20);
  });
  it("tryLock is false while another execution holds the lock; waitLock times out with Google's error", () => {
    const emu = fresh();
    emu.load(BUNDLE);
    const [held, tried, waited] = emu.runConcurrently([
      { name: 'holdLong' },
      { name: 'tryBriefly' },
      { name: 'waitBriefly' },
    ]);
    expect(held).toEqual({ status: 'fulfilled', value: 'held true' });
    expect(tried).toEqual({ status: 'fulfilled', value: false });
    expect(waited?.status).toBe('rejected');
    if (waited?.status === 'rejected') {
      expect(waited.reason.message).toBe('Lock timeout: another process was holding the lock for too long.');
      expect(String(waited.reason)).toBe(
        'Exception: Lock timeout: another process was holding the lock for too long.',
      );
    }
  });
  it('in-process waitLock on a free lock succeeds; a lock is released when its execution ends', () => {
    const emu = fresh();
    emu.load(BUNDLE);
    expect(emu.run('keepLock')).toBe(true);
    expect(emu.run('checkFree')).toBe(true);
  });
  it('function jobs run inside the worker context with the Apps Script globals', () => {
    const emu = fresh();
    emu.load(BUNDLE);
    const [r] = emu.runConcurrently([() => SpreadsheetApp.getActiveSpreadsheet().getSheets().length]);
    expect(r).toEqual({ status: 'fulfilled', value: 1 });
  });
  it('concurrent form submits: deferred trigger jobs run together, every row numbered once', () => {
    const emu = fresh();
    emu.load(`${BUNDLE}
      function setup() { var ss = SpreadsheetApp.getActive(); var f = FormApp.create('F'); f.addTextItem().setTitle('Q');
        f.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId()); ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create(); return f.getId(); }`);
    const formId = emu.run('setup') as string;
    const jobs = Array.from(
      { length: 10 },
      (_, i) => emu.submitForm(formId, { Q: `q${i}` }, { defer: true }).jobs,
    ).flat();
    const results = emu.runConcurrently(jobs);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const ids = emu.spreadsheet
      .sheet('表单回复 1')
      .values()
      .slice(1)
      .map((r) => r[3]);
    expect([...ids].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `T-${i + 1}`).sort());
  });
});
