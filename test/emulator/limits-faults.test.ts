/**
 * Google's limits and injected faults.
 * - Cell and workbook limits: Google Workspace Updates 2022-03-14 "Google Sheets doubles cell limit"
 *   (10,000,000 cells); the 50,000-character cell message is Google's (see /work/shared/GOOGLE-FACTS.md).
 * - Execution time: developers.google.com/apps-script/guides/services/quotas ("Script runtime 6 min /
 *   execution"; simple triggers 30 s: developers.google.com/apps-script/guides/triggers#restrictions).
 * - Lock timeout text: developers.google.com/apps-script/reference/lock/lock#waitLock(Integer).
 */
import {
  CELL_CHARS_MESSAGE,
  CELL_LIMIT_MESSAGE,
  LOCK_TIMEOUT_MESSAGE,
  TIME_LIMIT_MESSAGE,
} from '../../scripts/emulator';
import { everyCrashPoint } from '../helpers/crash-points';
import { fresh, js } from './helpers';

const SH = 'var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheets()[0];';

describe('emu.counts.cells: cells read and written per call', () => {
  it('counts every cell of the ranges read and written, per method, beside the call counts', () => {
    const emu = fresh();
    js(
      emu,
      `${SH} sh.getRange(1, 1, 3, 4).setValues([[1,2,3,4],[5,6,7,8],[9,10,11,12]]);
      sh.getRange(1, 1, 3, 4).getValues(); sh.getRange('A1').getValue(); sh.getRange('A1:B2').getDisplayValues();
      sh.appendRow(['a', 'b', 'c']); sh.getRange('D1:D3').setValue('x');`,
    );
    expect(emu.counts.cells('Range', 'setValues')).toEqual({ read: 0, written: 12 });
    expect(emu.counts.cells('Range', 'getValues')).toEqual({ read: 12, written: 0 });
    expect(emu.counts.cells('Range', 'getValue')).toEqual({ read: 1, written: 0 });
    expect(emu.counts.cells('Sheet', 'appendRow')).toEqual({ read: 0, written: 3 });
    expect(emu.counts.cells('Range')).toEqual({ read: 17, written: 15 });
    expect(emu.counts.cells()).toEqual({ read: 17, written: 18 });
    expect(emu.counts.get('Range', 'getValues')).toBe(1);
    expect(emu.counts.cellsSnapshot()['Range.getDisplayValues']).toEqual({ read: 4, written: 0 });
  });
  it('the uncounted harness (fixtures, views) moves no counted cells; reset clears cells too', () => {
    const emu = fresh();
    const sheet = emu.spreadsheet.host().getSheets()[0];
    sheet.getRange(1, 1, 10, 10).getValues();
    emu.spreadsheet.sheet(sheet.getName()).values();
    expect(emu.counts.cells()).toEqual({ read: 0, written: 0 });
    js(emu, `${SH} sh.getRange(1, 1, 10, 10).getValues();`);
    expect(emu.counts.cells().read).toBe(100);
    emu.counts.reset();
    expect(emu.counts.cells()).toEqual({ read: 0, written: 0 });
  });
});

describe('50,000 characters per cell (Google: "Your input contains more than the maximum of 50000 characters in a single cell.")', () => {
  it('setValue, setValues and appendRow throw and write nothing; 50,000 exactly is fine', () => {
    const emu = fresh();
    expect(CELL_CHARS_MESSAGE).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    const big = "var big = new Array(50002).join('x');";
    expect(() => js(emu, `${SH} ${big} sh.getRange('A1').setValue(big);`)).toThrow(CELL_CHARS_MESSAGE);
    expect(() => js(emu, `${SH} ${big} sh.getRange('A2:B2').setValues([['ok', big]]);`)).toThrow(
      CELL_CHARS_MESSAGE,
    );
    expect(() => js(emu, `${SH} ${big} sh.appendRow(['ok', big]);`)).toThrow(CELL_CHARS_MESSAGE);
    const name = emu.spreadsheet.sheetNames()[0] ?? '';
    expect(emu.spreadsheet.sheet(name).values()).toEqual([]);
    js(emu, `${SH} sh.getRange('A1').setValue(new Array(50001).join('y'));`);
    expect(String(emu.spreadsheet.sheet(name).cell(1, 1)?.v).length).toBe(50000);
  });
});

describe('10,000,000 cells per spreadsheet (all sheets, hidden and form-response sheets included)', () => {
  it("cellCount is every sheet grid; inserts, appends and new sheets past the limit throw Google's text", () => {
    const emu = fresh();
    expect(emu.spreadsheet.cellCount()).toBe(1000 * 26);
    js(
      emu,
      `${SH} var f = FormApp.create('F'); f.addTextItem().setTitle('Q');
      f.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
      var h = ss.insertSheet('Hidden'); h.hideSheet();`,
    );
    expect(emu.spreadsheet.cellCount()).toBe(3 * 1000 * 26);
    // Grow the first sheet to 382,000 rows × 26 = 9,932,000 cells: 9,984,000 in all.
    js(emu, `SpreadsheetApp.getActive().getSheetByName('工作表1').insertRowsAfter(1000, 381000);`);
    expect(emu.spreadsheet.cellCount()).toBe(9_984_000);
    expect(CELL_LIMIT_MESSAGE).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(() => js(emu, `SpreadsheetApp.getActive().insertSheet('Too many');`)).toThrow(CELL_LIMIT_MESSAGE);
    expect(() =>
      js(emu, `SpreadsheetApp.getActive().getSheetByName('Hidden').insertRowsAfter(1, 700);`),
    ).toThrow(CELL_LIMIT_MESSAGE);
    expect(() =>
      js(emu, `SpreadsheetApp.getActive().getSheetByName('Hidden').insertColumnsAfter(1, 42);`),
    ).toThrow(CELL_LIMIT_MESSAGE);
    expect(emu.spreadsheet.cellCount()).toBe(9_984_000);
    // 615 more rows × 26 = 15,990 still fit.
    js(emu, `SpreadsheetApp.getActive().getSheetByName('Hidden').insertRowsAfter(1, 615);`);
    expect(emu.spreadsheet.cellCount()).toBe(9_999_990);
    // An append on a full sheet needs a new row: 26 more cells would pass the limit.
    expect(() =>
      js(
        emu,
        `var h = SpreadsheetApp.getActive().getSheetByName('Hidden'); h.getRange(h.getMaxRows(), 1).setValue('last'); h.appendRow(['one more']);`,
      ),
    ).toThrow(CELL_LIMIT_MESSAGE);
    expect(emu.spreadsheet.hasSheet('Too many')).toBe(false);
  });
});

const KILL = `
function work() {
  var sh = SpreadsheetApp.getActive().getSheets()[0];
  for (var i = 1; i <= 5; i++) sh.getRange(i, 1).setValue('row ' + i);
  return 'done';
}
function catching() {
  var sh = SpreadsheetApp.getActive().getSheets()[0];
  try { for (var i = 1; i <= 5; i++) sh.getRange(i, 1).setValue('row ' + i); }
  catch (e) { try { sh.getRange(9, 1).setValue('caught ' + e.message); } catch (again) {} }
  return 'survived';
}
function onForm(e) { SpreadsheetApp.getActive().getSheets()[0].getRange(1, 2).setValue('seen'); }
`;

describe('emu.faults.killAtCall: the execution dies at its n-th call with "Exceeded maximum execution time"', () => {
  it('writes already made stay; the killed call and every later one do not happen', () => {
    const emu = fresh();
    emu.load(KILL);
    const name = emu.spreadsheet.sheetNames()[0] ?? '';
    // Calls: getActive, getSheets, then getRange/setValue pairs: call 7 is the third row's getRange.
    emu.faults.killAtCall(7);
    expect(() => emu.run('work')).toThrow(TIME_LIMIT_MESSAGE);
    expect(emu.spreadsheet.sheet(name).values()).toEqual([['row 1'], ['row 2']]);
    expect(emu.faults.kills).toEqual([
      expect.objectContaining({ handler: 'work', call: 'Sheet.getRange', reason: 'killAtCall' }),
    ]);
    expect(emu.executions.at(-1)?.error?.message).toBe(TIME_LIMIT_MESSAGE);
    // Disarmed once spent.
    expect(emu.run('work')).toBe('done');
  });
  it('a script cannot catch its way out: later calls fail too and the run still fails', () => {
    const emu = fresh();
    emu.load(KILL);
    emu.faults.killAtCall(5);
    expect(() => emu.run('catching')).toThrow(TIME_LIMIT_MESSAGE);
    const name = emu.spreadsheet.sheetNames()[0] ?? '';
    expect(emu.spreadsheet.sheet(name).values()).toEqual([['row 1']]);
  });
  it("with a handler, only that function's executions count; trigger runs record the kill", () => {
    const emu = fresh();
    emu.load(`${KILL}
      function setup() { var ss = SpreadsheetApp.getActive(); var f = FormApp.create('F'); f.addTextItem().setTitle('Q');
        f.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
        ScriptApp.newTrigger('onForm').forSpreadsheet(ss).onFormSubmit().create(); return f.getId(); }`);
    emu.faults.killAtCall(3, { handler: 'onForm' });
    const formId = emu.run('setup') as string;
    emu.submitForm(formId, { Q: 'a' });
    const run = emu.executions.at(-1);
    expect(run?.name).toBe('onForm');
    expect(run?.error?.message).toBe(TIME_LIMIT_MESSAGE);
    expect(emu.faults.kills[0]?.call).toBe('Sheet.getRange');
  });
  it('recordCalls lists, in order, the calls killAtCall counts (the crash-point helper picks its points from it)', () => {
    const emu = fresh();
    emu.load(KILL);
    const calls = emu.faults.recordCalls('work');
    emu.run('work');
    emu.faults.stopRecording();
    expect(calls.slice(0, 4)).toEqual([
      'SpreadsheetApp.getActive',
      'Spreadsheet.getSheets',
      'Sheet.getRange',
      'Range.setValue',
    ]);
    expect(calls).toHaveLength(emu.faults.callsMade('work'));
    emu.run('work');
    expect(calls).toHaveLength(emu.faults.callsMade('work') / 2);
  });
});

describe('emu.faults.failCall, lockTimeout, holdLock, failMail', () => {
  it("failCall makes the next calls of a method throw Google's Sheets service error, then works again", () => {
    const emu = fresh();
    emu.faults.failCall('Range.setValues', { times: 2, after: 1 });
    const body = `${SH} var out = []; for (var i = 0; i < 4; i++) { try { sh.getRange(i + 1, 1, 1, 1).setValues([[i]]); out.push('ok'); } catch (e) { out.push(String(e)); } } return out;`;
    const message = `Exception: Service Spreadsheets failed while accessing document with id ${emu.spreadsheet.id}.`;
    expect(js(emu, body)).toEqual(['ok', message, message, 'ok']);
    const name = emu.spreadsheet.sheetNames()[0] ?? '';
    expect(emu.spreadsheet.sheet(name).values()).toEqual([[0], [''], [''], [3]]);
    emu.faults.failCall('Properties.setProperty', { message: 'custom failure' });
    expect(() => js(emu, `PropertiesService.getScriptProperties().setProperty('a', '1');`)).toThrow(
      'custom failure',
    );
    expect(emu.properties.script.get('a')).toBeUndefined();
  });
  it('lockTimeout: waitLock waits its whole timeout and throws; tryLock returns false', () => {
    const emu = fresh();
    emu.faults.lockTimeout(2);
    const t0 = emu.clock.ms();
    expect(() => js(emu, `LockService.getDocumentLock().waitLock(10000);`)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(emu.clock.ms() - t0).toBe(10000);
    expect(js(emu, `return LockService.getScriptLock().tryLock(500);`)).toBe(false);
    expect(js(emu, `return LockService.getScriptLock().tryLock(500);`)).toBe(true);
  });
  it('holdLock: a simulated other execution holds the document lock for a while; waiters get it when it lets go', () => {
    const emu = fresh();
    emu.faults.holdLock(5000);
    const t0 = emu.clock.ms();
    expect(js(emu, `var l = LockService.getDocumentLock(); l.waitLock(30000); return l.hasLock();`)).toBe(
      true,
    );
    expect(emu.clock.ms() - t0).toBe(5000);
    emu.faults.holdLock(120000);
    expect(js(emu, `return LockService.getDocumentLock().tryLock(0);`)).toBe(false);
    expect(() => js(emu, `LockService.getDocumentLock().waitLock(30000);`)).toThrow(LOCK_TIMEOUT_MESSAGE);
    // The script lock is another lock.
    expect(js(emu, `return LockService.getScriptLock().tryLock(0);`)).toBe(true);
  });
  it('holdLock also blocks concurrent executions until it lets go', () => {
    const emu = fresh();
    emu.load(`function take() { LockService.getDocumentLock().waitLock(60000); return Date.now(); }`);
    const t0 = emu.clock.ms();
    emu.faults.holdLock(20000);
    const [a, b] = emu.runConcurrently([{ name: 'take' }, { name: 'take' }]);
    expect(a).toEqual({ status: 'fulfilled', value: t0 + 20000 });
    expect(b).toEqual({ status: 'fulfilled', value: t0 + 20000 });
  });
  it('slowCall: the call is served at once, its answer comes back later; other executions run meanwhile', () => {
    const emu = fresh();
    emu.load(`
      function readThenWrite() {
        var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
        var seen = sh.getRange('A1:B1').getValues()[0];
        sh.getRange('A1').setValue(seen[0] + 1);
        return seen;
      }
      function typeB1() { Utilities.sleep(1000); SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('B1').setValue('typed'); }`);
    const sheet = () => emu.spreadsheet.sheet(emu.spreadsheet.sheetNames()[0]);
    emu.spreadsheet.host().getSheets()[0].getRange('A1').setValue(1);
    const t0 = emu.clock.ms();
    emu.faults.slowCall('Range.getValues', 30000, { handler: 'readThenWrite' });
    const [slow, typed] = emu.runConcurrently([{ name: 'readThenWrite' }, { name: 'typeB1' }]);
    // The read saw B1 before the other execution typed it; the typing happened inside the read's delay.
    expect(slow).toEqual({ status: 'fulfilled', value: [1, ''] });
    expect(typed.status).toBe('fulfilled');
    expect(sheet().values()[0].slice(0, 2)).toEqual([2, 'typed']);
    expect(emu.clock.ms() - t0).toBe(30000);
    expect(emu.faults.armed).toBe(false);
    // In-process the answer simply comes back later.
    emu.faults.slowCall('Range.getValues', 5000);
    const t1 = emu.clock.ms();
    expect(
      js(
        emu,
        `return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValues()[0][0];`,
      ),
    ).toBe(2);
    expect(emu.clock.ms() - t1).toBe(5000);
  });
  it("failMail: Google's 'Invalid email' or quota error for the next sends; exhaustMailQuota until the Pacific midnight", () => {
    const emu = fresh({ mailQuota: 100 });
    const send = `MailApp.sendEmail('a@example.com,b@example.com', 'S', 'B');`;
    emu.faults.failMail({ reason: 'invalid' }).failMail({ reason: 'quota' });
    expect(() => js(emu, send)).toThrow('Invalid email: a@example.com');
    expect(() => js(emu, send)).toThrow('Service invoked too many times for one day: email.');
    js(emu, send);
    expect(emu.mail.outbox).toHaveLength(1);
    emu.faults.exhaustMailQuota();
    expect(emu.mail.remaining()).toBe(0);
    expect(() => js(emu, send)).toThrow('Service invoked too many times for one day: email.');
    emu.clock.advance(24 * 3600000);
    expect(emu.mail.remaining()).toBe(100);
  });
});

/** A toy outbox: rows of [key, sent?]; the job mails unsent rows. */
const OUTBOX = (markEachRow: boolean) => `
function flush() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Outbox');
  var rows = sh.getRange(1, 1, 4, 2).getValues();
  for (var i = 0; i < rows.length; i++) {
    if (rows[i][1] === 'sent') continue;
    MailApp.sendEmail('x@example.com', rows[i][0], 'body');
    ${markEachRow ? "sh.getRange(i + 1, 2).setValue('sent');" : ''}
  }
  ${markEachRow ? '' : "sh.getRange(1, 2, 4, 1).setValues([['sent'], ['sent'], ['sent'], ['sent']]);"}
}`;

describe('everyCrashPoint(scenario, invariant)', () => {
  const scenario = (markEachRow: boolean) => ({
    setup: () => {
      const emu = fresh({ mailQuota: 1500 });
      emu.load(OUTBOX(markEachRow));
      const sheet = emu.spreadsheet.host().insertSheet('Outbox');
      sheet.getRange(1, 1, 4, 1).setValues([['m1'], ['m2'], ['m3'], ['m4']]);
      return emu;
    },
    run: (emu: ReturnType<typeof fresh>) => {
      emu.run('flush');
    },
    recover: (emu: ReturnType<typeof fresh>) => {
      emu.run('flush');
    },
  });
  // A kill between a send and its mark can re-send that one mail (at most once): the invariant allows it.
  const atMostOneResend = (emu: ReturnType<typeof fresh>) => {
    const subjects = emu.mail.outbox.map((m) => m.subject);
    expect([...new Set(subjects)].sort()).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(subjects.length).toBeLessThanOrEqual(5);
  };
  it('kills a job at every one of its calls and checks the invariant after recovery', () => {
    const report = everyCrashPoint(scenario(true), atMostOneResend);
    // getActive, getSheetByName, getRange, getValues, then 4 × (sendEmail, getRange, setValue).
    expect(report.calls).toBe(16);
    expect(report.points).toBe(16);
    expect(report.byCall['MailApp.sendEmail']).toBe(4);
  });
  it('finds the crash point of a job that marks its mail sent only after the loop', () => {
    expect(() => everyCrashPoint(scenario(false), atMostOneResend)).toThrow(
      /invariant fails after a kill at call \d+ \(.+ in flush\) and recovery/,
    );
  });
});

describe('execution time: 6 minutes per execution, 30 s for simple triggers (developers.google.com/apps-script/guides/services/quotas)', () => {
  it('latency advances the execution clock; past 6 min it dies at its next call, keeping what it wrote', () => {
    const emu = fresh({ latency: () => 1000 });
    emu.load(`function long() { var sh = SpreadsheetApp.getActive().getSheets()[0];
      for (var i = 1; i <= 400; i++) sh.getRange(i, 1).setValue(i); }`);
    expect(() => emu.run('long')).toThrow(TIME_LIMIT_MESSAGE);
    const run = emu.executions.at(-1);
    expect(run?.elapsedMs).toBe(361000);
    expect(emu.faults.kills[0]).toEqual(expect.objectContaining({ handler: 'long', reason: 'time limit' }));
    // 2 calls to get the sheet, then 2 per row: after 361 calls (6 min 1 s) the 362nd, row 180's
    // setValue, dies; rows 1..179 stay written.
    const name = emu.spreadsheet.sheetNames()[0] ?? '';
    expect(emu.spreadsheet.sheet(name).lastRow()).toBe(179);
  });
  it("'google' latency: a range read costs 20 ms + 1 ms per 1,000 cells; mail 100 ms; flush 50 ms", () => {
    const emu = fresh({ latency: 'google' });
    const t0 = emu.clock.ms();
    js(emu, `SpreadsheetApp.flush();`);
    expect(emu.clock.ms() - t0).toBe(50);
    const t1 = emu.clock.ms();
    js(emu, `var r = SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1, 1000, 10); r.getValues();`);
    // getActive, getSheets, getRange (2 ms each), getValues of 10,000 cells (20 + 10 ms).
    expect(emu.clock.ms() - t1).toBe(36);
    const t2 = emu.clock.ms();
    js(emu, `MailApp.sendEmail('a@example.com', 's', 'b');`);
    expect(emu.clock.ms() - t2).toBe(100);
    emu.setLatency('none');
    const t3 = emu.clock.ms();
    js(emu, `MailApp.sendEmail('a@example.com', 's', 'b');`);
    expect(emu.clock.ms()).toBe(t3);
  });
  it('Utilities.sleep and lock waits count toward the limit; a simple onEdit dies after 30 s', () => {
    const emu = fresh();
    emu.load(`function onEdit(e) { Utilities.sleep(31000); e.range.setNote('late'); }
      function sleeper() { for (var i = 0; i < 5; i++) Utilities.sleep(80000); Logger.log('woke'); return 'woke'; }`);
    emu.editCells(emu.spreadsheet.sheetNames()[0] ?? '', 'A1', [['x']]);
    expect(emu.executions.at(-1)?.error?.message).toBe(TIME_LIMIT_MESSAGE);
    expect(emu.spreadsheet.sheet(emu.spreadsheet.sheetNames()[0] ?? '').notes()).toEqual([['']]);
    expect(() => emu.run('sleeper')).toThrow(TIME_LIMIT_MESSAGE);
    expect(emu.executions.at(-1)?.elapsedMs).toBe(400000);
  });
});
