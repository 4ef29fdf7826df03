/**
 * The daily cap on immediate escalation alerts (⚙ General "Immediate escalation emails per person per
 * day", default 5), on the compiled bundle with the clock advanced hour by hour: Major complaints breach
 * one after another, each in its own hourly run; each person gets at most the cap of alert mails that
 * day, and every level held back is listed in an escalation summary — once, and never also alerted.
 */
import type { Emulator } from '../../scripts/emulator';
import { everyCrashPoint } from '../helpers/crash-points';
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { escalationLines } from '../helpers/mail';
import { writePoints } from '../helpers/write-points';
import { columnOf, fillTickets, shanghai } from '../jobs/scheduler-fixtures';

const ALERT = /^\[Service Desk\] Escalation:/;
const SUMMARY = /Escalation summary/;
const PEOPLE = ['sun.qiang@example.com', 'wang.min@example.com', 'chen.jianguo@example.com'];

function setGeneral(emu: Emulator, key: string, value: number): void {
  const rows = emu.spreadsheet.sheet('⚙ General').values();
  const row = rows.findIndex((cells) => cells[0] === key) + 1;
  expect(row).toBeGreaterThan(1);
  emu.editCells('⚙ General', `C${row}`, [[value]]);
}

/** (person, ticket) of every line told, by alerts and by summaries. */
function told(emu: Emulator, subject: RegExp): string[] {
  return emu.mail.outbox
    .filter((mail) => subject.test(mail.subject))
    .flatMap((mail) =>
      escalationLines(mail.body).flatMap((line) => mail.to.map((to) => `${to} ${line.ticket}`)),
    );
}

describe('the daily cap on immediate escalation alerts', () => {
  it('⚙ General has the cap with its default and a plain note, in both languages', () => {
    for (const [lang, note] of [
      ['en', /at most this many such emails a day\. Later ones that day are not lost/],
      ['zh-CN', /每人每天最多收到这么多封。当天超出的不会丢失/],
    ] as const) {
      const emu = newDesk({ lang });
      const row = emu.spreadsheet
        .sheet(lang === 'en' ? '⚙ General' : '⚙ 常规')
        .values()
        .find((cells) => cells[0] === 'alertsPerPersonPerDay');
      expect(String(row?.[2])).toBe('5');
      expect(String(row?.[3])).toMatch(note);
    }
  });

  it('cap 2: four Major complaints breached hour after hour → 2 alerts each, the rest in the summary, once', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
    setGeneral(emu, 'alertsPerPersonPerDay', 2);
    // Transfers due 14:00, 15:00, 16:00 and 17:00 (3 business hours, lunch 12–13): four hourly runs.
    const ids: string[] = [];
    for (const [i, at] of ['10:00', '11:00', '13:00', '14:00'].entries()) {
      emu.advanceTo(shanghai(`2026-03-02 ${at}`));
      submitIntake(emu, complaint({ severity: 'Major', customer: `Major ${i}`, phone: `1390000010${i}` }));
      ids.push(String(rowsOf(emu, 'Tickets').at(-1)?.ID));
    }
    emu.advanceTo(shanghai('2026-03-03 17:30')); // Tuesday's summary takes what was held after Monday's

    const alerts = told(emu, ALERT);
    const summaries = told(emu, SUMMARY);
    for (const person of PEOPLE) {
      // At most 2 alert mails on Monday, and they were sent (the first two breaches).
      const mine = emu.mail.outbox.filter((mail) => ALERT.test(mail.subject) && mail.to.includes(person));
      expect(mine).toHaveLength(2);
      for (const id of ids) {
        const byAlert = alerts.filter((line) => line === `${person} ${id}`).length;
        const bySummary = summaries.filter((line) => line === `${person} ${id}`).length;
        // Every ticket's escalation reaches every person exactly once: by alert or by summary.
        expect({ id, person, total: byAlert + bySummary }).toEqual({ id, person, total: 1 });
      }
      const heldHere = ids.filter((id) => summaries.includes(`${person} ${id}`));
      expect(heldHere).toEqual(ids.slice(2));
      const summary = emu.mail.outbox.find(
        (mail) => SUMMARY.test(mail.subject) && mail.to.includes(person) && mail.body.includes(ids[2]),
      );
      expect(summary?.body).toMatch(/you had already received 2 immediate emails today/);
    }
    // Nothing lost: the levels are recorded as at any other time.
    const levels = rowsOf(emu, 'Tickets').filter((row) => ids.includes(String(row.ID)));
    expect(levels.map((row) => row['Escalation level'])).toEqual([3, 3, 3, 3]);
  });

  it('the next day starts a new count', () => {
    const emu = newDesk({ lang: 'en' });
    setGeneral(emu, 'alertsPerPersonPerDay', 1);
    submitIntake(emu, complaint({ severity: 'Major', customer: 'Mon', phone: '13900000201' }));
    emu.advanceTo(shanghai('2026-03-02 11:00'));
    submitIntake(emu, complaint({ severity: 'Major', customer: 'Mon 2', phone: '13900000202' }));
    emu.advanceTo(shanghai('2026-03-03 09:30'));
    submitIntake(emu, complaint({ severity: 'Major', customer: 'Tue', phone: '13900000203' }));
    emu.advanceTo(shanghai('2026-03-03 15:30'));
    const tuesday = String(rowsOf(emu, 'Tickets').at(-1)?.ID);
    const all = emu.mail.outbox.filter((mail) => ALERT.test(mail.subject) && mail.to.includes(PEOPLE[1]));
    expect(all).toHaveLength(2); // one on Monday (the second was held), one on Tuesday
    expect(escalationLines(all[1].body).map((line) => line.ticket)).toEqual([tuesday]);
  });

  it('a kill at any call of the run that holds an alert: each level still reaches each person once', () => {
    // Before History was written ahead of the levels, a kill between the two lost the held level.
    let clean: string[] = [];
    const scenario = {
      setup: () => {
        const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
        setGeneral(emu, 'alertsPerPersonPerDay', 1);
        // A Major complaint days late (the 11:00 run alerts everyone: the day's one alert each)…
        fillTickets(emu, 1, shanghai('2026-03-02 10:00'), 1);
        const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
        sheet?.getRange(2, columnOf(emu, 'Tickets', 'Severity')).setValue('Major');
        // …and one received now, whose transfer (due 14:00) is missed in the 15:00 run: held.
        submitIntake(emu, complaint({ severity: 'Major', customer: 'Held', phone: '13900000301' }));
        // A General complaint missed in the same run: the department head's summary, as always.
        submitIntake(emu, complaint({ customer: 'General', phone: '13900000302' }));
        emu.advanceTo(shanghai('2026-03-02 14:30'));
        expect(told(emu, ALERT)).toHaveLength(PEOPLE.length);
        return emu;
      },
      run: (emu: Emulator) => emu.advanceTo(shanghai('2026-03-02 15:30')),
      recover: (emu: Emulator) => emu.advance(3_600_000),
      handler: 'runScheduler',
    };
    const { points } = writePoints(scenario);
    const report = everyCrashPoint(
      scenario,
      (emu) => {
        emu.advanceTo(shanghai('2026-03-02 16:30')); // the summary
        const byCustomer = (name: string) =>
          String(rowsOf(emu, 'Tickets').find((row) => row.Customer === name)?.ID);
        const lines = [...told(emu, ALERT), ...told(emu, SUMMARY)].sort();
        // Still one alert each (the held level never went as an alert), and the held one in the summary.
        expect(told(emu, ALERT)).toHaveLength(PEOPLE.length);
        for (const person of PEOPLE)
          expect(lines.filter((line) => line === `${person} ${byCustomer('Held')}`)).toHaveLength(1);
        // The General complaint's level, recorded in History before the level column: in the summary once.
        expect(lines.filter((line) => line === `${PEOPLE[0]} ${byCustomer('General')}`)).toHaveLength(1);
        if (clean.length === 0) clean = lines;
        else expect(lines).toEqual(clean);
      },
      { points },
    );
    console.log(
      `alert held by the cap: ${report.calls} calls, ${report.points} distinct crash points exercised`,
    );
    expect(report.points).toBeGreaterThan(10);
  }, 300_000);
});
