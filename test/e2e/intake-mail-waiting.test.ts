/**
 * Intake while mail waits in the Outbox (issue 13, SPEC §15): a new ticket's notices could not leave
 * before the next hourly run, so intake records the ticket in a document property instead of appending
 * to the Outbox (which would cost intake 4 more Sheets calls: 19 of its 15). The next hourly run
 * composes them from the ticket row and sends them, exactly once, also when it is killed at any call.
 */
import type { Emulator } from '../../scripts/emulator';
import { everyCrashPoint } from '../helpers/crash-points';
import { documentProperties, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { writePoints } from '../helpers/write-points';

const HOUR = 3_600_000;
const NOTICE = /New Complaint (\S+) assigned to you/;

/** (recipient, ticket) of every new-ticket notice sent, in order. */
function noticesSent(emu: Emulator): string[] {
  return emu.mail.outbox.flatMap((mail) => {
    const match = NOTICE.exec(mail.subject);
    return match ? mail.to.map((to) => `${to} ${match[1]}`) : [];
  });
}

/** A desk whose first notice failed to send (it waits in the Outbox), then two more tickets. */
function deskWithMailWaiting(): Emulator {
  const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
  emu.faults.failMail({ times: 1 });
  submitIntake(emu, complaint({ phone: '13900000001' }));
  submitIntake(emu, complaint({ phone: '13900000002' }));
  submitIntake(emu, complaint({ phone: '13900000003' }));
  return emu;
}

describe('intake while mail waits', () => {
  it('the notices wait for the next hourly run, which sends each once; intake touches no Outbox', () => {
    const emu = deskWithMailWaiting();
    const ids = rowsOf(emu, 'Tickets').map((row) => String(row.ID));
    expect(ids).toHaveLength(3);
    expect(noticesSent(emu)).toEqual([]);
    // Only the first ticket's notice is in the Outbox; the others are remembered for the hourly run.
    const queued = rowsOf(emu, 'Outbox').filter((row) => row.To !== '');
    expect(queued.map((row) => row.Key)).toEqual([`notice:${ids[0]}:assigned`]);
    expect(documentProperties(emu).get('mail.deferred.notices')).toMatch(
      new RegExp(`^${ids[1]}@\\d+,${ids[2]}@\\d+$`),
    );

    emu.advance(HOUR); // the 11:00 run
    const sent = noticesSent(emu);
    expect(sent.map((line) => line.split(' ')[1])).toEqual(ids);
    expect(new Set(sent).size).toBe(sent.length);
    expect(documentProperties(emu).has('mail.deferred.notices')).toBe(false);
    const outbox = rowsOf(emu, 'Outbox').filter((row) => row.To !== '');
    expect(outbox.map((row) => row.Key)).toEqual(ids.map((id) => `notice:${id}:assigned`));
    expect(outbox.every((row) => row['Sent at'] instanceof Date)).toBe(true);
    emu.advance(HOUR);
    expect(noticesSent(emu)).toEqual(sent);
  });

  it('a ticket row moved by a sort before the hourly run is found by its ID', () => {
    const emu = deskWithMailWaiting();
    const ids = rowsOf(emu, 'Tickets').map((row) => String(row.ID));
    // Someone sorts Tickets newest first: the rows intake remembered now hold other tickets.
    const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
    if (!sheet) throw new Error('no Tickets');
    sheet.getRange(2, 1, 3, sheet.getLastColumn()).sort({ column: 1, ascending: false });
    expect(String(rowsOf(emu, 'Tickets')[0].ID)).toBe(ids[2]);
    emu.advance(HOUR);
    expect(
      noticesSent(emu)
        .map((line) => line.split(' ')[1])
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('the hourly run killed at any call: every notice is sent, at most the one in flight twice', () => {
    let clean: string[] = [];
    const base = deskWithMailWaiting();
    const scenario = {
      setup: () => base.clone(),
      run: (emu: Emulator) => emu.advance(HOUR),
      recover: (emu: Emulator) => emu.advance(HOUR),
      handler: 'runScheduler',
    };
    // The distinct crash points of the step that enqueues the deferred notices: from its lock to the
    // first send (the Outbox's own sending is crash-tested call by call in mail-crash.test.ts).
    const { points, calls } = writePoints(scenario);
    const firstSend = calls.indexOf('MailApp.sendEmail');
    const append = calls.lastIndexOf('Range.setValues', firstSend);
    const start = calls.lastIndexOf('Lock.tryLock', append) + 1;
    const window = points.filter((point) => point >= start && point <= firstSend + 2);
    expect(window.length).toBeGreaterThan(8);
    const report = everyCrashPoint(
      scenario,
      (emu, at) => {
        const sent = noticesSent(emu);
        const distinct = [...new Set(sent)];
        if (at.point === 0) clean = distinct;
        else expect(distinct.sort()).toEqual([...clean].sort());
        expect(clean).toHaveLength(3);
        expect(sent.length - distinct.length).toBeLessThanOrEqual(1);
        expect(documentProperties(emu).has('mail.deferred.notices')).toBe(false);
      },
      { points: window },
    );
    console.log(
      `intake's deferred notices: ${report.calls} calls in the hourly run, ${report.points} crash points`,
    );
  }, 300_000);
});
