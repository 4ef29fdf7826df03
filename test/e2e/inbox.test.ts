/**
 * The inbox (SPEC §4, §14; issue "Nothing lost, nothing twice"): a form response row is the durable
 * record until it has its ticket. Whatever stopped its processing — the lock held by someone else, a
 * missing column, a trigger that died or never ran — the hourly run makes it its ticket, exactly once,
 * with its original time; the health check says which responses wait and why; the failed trigger
 * execution is marked failed.
 */
import type { Emulator } from '../../scripts/emulator';
import { auditAnswers, auditFormId, phoneExample } from '../helpers/audits';
import { everyCrashPoint } from '../helpers/crash-points';
import { documentProperties, formId, newDesk, rowsOf } from '../helpers/desk';
import { inspectionAnswers, inspectionFormId } from '../helpers/inspections';
import { complaint, intakeAnswers, submitIntake } from '../helpers/intake';

const HOUR = 3_600_000;

function ticketsOf(emu: Emulator) {
  return rowsOf(emu, 'Tickets');
}

function responseRows(emu: Emulator): number {
  const saved = JSON.parse(documentProperties(emu).get('form.intake') ?? '{}') as {
    responseSheetName: string;
  };
  return emu.spreadsheet.sheet(saved.responseSheetName).values().length - 1;
}

/** Every response row has exactly one ticket, and ticket IDs are unique. */
function exactlyOneTicketPerResponse(emu: Emulator): void {
  const tickets = ticketsOf(emu);
  const ids = tickets.map((ticket) => ticket.ID);
  expect(new Set(ids).size).toBe(ids.length);
  const responses = tickets.map((ticket) => String(ticket['Form response ID']));
  expect(new Set(responses).size).toBe(responses.length);
  expect(tickets).toHaveLength(responseRows(emu));
}

/** A desk with one complaint from 13900000001, then a complaint from `phone` killed at each call, then two hours. */
function killedSubmitAfterOne(phone: string) {
  return {
    setup: () => {
      const emu = newDesk({ lang: 'en' });
      submitIntake(emu, complaint({ phone: '13900000001' }));
      return emu;
    },
    run: (emu: Emulator) => {
      submitIntake(emu, complaint({ phone }));
    },
    recover: (emu: Emulator) => emu.advance(2 * HOUR),
    handler: 'onFormSubmit',
  };
}

describe('the inbox', () => {
  it('lock held 120 s by another execution during 20 submits → 20 tickets within two hourly runs', () => {
    const emu = newDesk({ lang: 'en' });
    emu.faults.holdLock(120_000, 'document');
    for (let i = 0; i < 20; i++) submitIntake(emu, complaint({ phone: `1390000${String(1000 + i)}` }));
    const failed = emu.executions.filter((run) => run.name === 'onFormSubmit' && run.error);
    expect(failed.length).toBeGreaterThan(0);
    // The failure is Google's to see: the execution failed (re-thrown), with the lock's message.
    expect(String(failed[0].error)).toMatch(/busy|lock/i);
    expect(ticketsOf(emu).length).toBeLessThan(20);
    emu.advance(2 * HOUR);
    expect(ticketsOf(emu)).toHaveLength(20);
    exactlyOneTicketPerResponse(emu);
    emu.advance(HOUR);
    expect(ticketsOf(emu)).toHaveLength(20);
  });

  it('a deleted required column: the response waits with its reason, then becomes its ticket with its own time', () => {
    const emu = newDesk({ lang: 'en' });
    const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
    if (!sheet) throw new Error('no Tickets');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.deleteColumn(header.indexOf('Status') + 1);
    const submittedAt = emu.clock.now();
    submitIntake(emu, complaint());
    expect(ticketsOf(emu)).toHaveLength(0);

    emu.run('menuCheckSetup', undefined, { interactive: true });
    const shown = JSON.stringify(emu.ui.shown.at(-1));
    expect(shown).toMatch(/Form responses waiting/);
    expect(shown).toMatch(/1 response\(s\) wait/);
    expect(shown).toMatch(/has no column “Status”/);

    // Still missing at the next hourly run: it keeps waiting, nothing is written.
    emu.advance(HOUR);
    expect(ticketsOf(emu)).toHaveLength(0);
    // A manager runs Set up / repair: the column is back; the next hourly run makes the ticket.
    emu.run('menuSetup', undefined, { interactive: true });
    emu.advance(HOUR);
    const [ticket] = ticketsOf(emu);
    expect(ticket.ID).toBe('CMP-2026-00001');
    expect((ticket['Received at'] as Date).getTime()).toBe(submittedAt.getTime());
    exactlyOneTicketPerResponse(emu);
    emu.run('menuCheckSetup', undefined, { interactive: true });
    expect(JSON.stringify(emu.ui.shown.at(-1))).toMatch(/Every form response has its record/);
  });

  it('a response whose trigger never ran is found by the hourly scan; duplicate fires create nothing', () => {
    const emu = newDesk({ lang: 'en' });
    const answers = intakeAnswers(complaint({ receivedAt: '2026-03-02 09:15' }));
    const deferred = emu.submitForm(formId(emu, 'form.intake'), answers, { defer: true });
    expect(ticketsOf(emu)).toHaveLength(0);
    // The next hourly run: the form holds a response no trigger reported.
    emu.advance(HOUR);
    expect(ticketsOf(emu)).toHaveLength(1);
    expect((ticketsOf(emu)[0]['Received at'] as Date).toISOString()).toBe('2026-03-02T01:15:00.000Z');
    // Google fires the trigger late, twice: nothing more.
    for (const job of [...deferred.jobs, ...deferred.jobs]) emu.run(job.name, job.event, { user: job.user });
    exactlyOneTicketPerResponse(emu);
  });

  it('responses whose triggers Google dropped, on four different forms: each has its record after the next hourly run, once', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00; the hourly run fires on the hour
    const dropped = [
      emu.submitForm(formId(emu, 'form.intake'), intakeAnswers(complaint({ phone: '13900000001' })), {
        defer: true,
      }),
      emu.submitForm(
        inspectionFormId(emu, 'Daily area check'),
        inspectionAnswers(emu, 'Daily area check', {
          area: 'Building 1 common areas',
          inspector: 'Zhang Wei',
        }),
        { defer: true },
      ),
      emu.submitForm(
        auditFormId(emu, 'Phone service'),
        auditAnswers({ staff: 'Zhang Wei', auditor: 'Li Na', rootCause: ['Process'], items: phoneExample() }),
        { defer: true },
      ),
      emu.submitForm(
        formId(emu, 'form.merit'),
        {
          'Staff member': 'Zhang Wei',
          Item: 'Left the post without approval (−B1)',
          'What happened': 'Away from the desk 10:00–10:40',
          'Recorded by': 'Li Na',
        },
        { defer: true },
      ),
    ];
    // And a response whose trigger ran, on the intake form, after the dropped one.
    submitIntake(emu, complaint({ phone: '13900000002' }));
    const records = () => ({
      tickets: rowsOf(emu, 'Tickets').length,
      inspections: rowsOf(emu, 'Inspections').length,
      audits: rowsOf(emu, 'Audits').length,
      merits: rowsOf(emu, 'Merits').length,
    });
    expect(records()).toEqual({ tickets: 1, inspections: 0, audits: 0, merits: 0 });
    emu.counts.reset();
    emu.advance(HOUR); // the 11:00 run
    expect(records()).toEqual({ tickets: 2, inspections: 1, audits: 1, merits: 1 });
    console.log(
      `hourly run finding 4 dropped responses on 4 forms: ${emu.counts.sheets()} Sheets calls, ${emu.counts.get('FormApp')} FormApp + ${emu.counts.get('Form')} Form calls`,
    );
    // Google fires the dropped triggers late, twice; more hourly runs: nothing more.
    for (const late of [...dropped, ...dropped])
      for (const job of late.jobs) emu.run(job.name, job.event, { user: job.user });
    emu.advance(3 * HOUR);
    expect(records()).toEqual({ tickets: 2, inspections: 1, audits: 1, merits: 1 });
    exactlyOneTicketPerResponse(emu);
    emu.run('menuCheckSetup', undefined, { interactive: true });
    expect(JSON.stringify(emu.ui.shown.at(-1))).toMatch(/Every form response has its record/);
  });

  it('every linked form is asked each hour at no Sheets call, beside the one rotating scan', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint({ phone: '13900000001' }));
    emu.advance(HOUR); // warms the caches
    const forms = [...documentProperties(emu).keys()].filter((key) => key.startsWith('inbox.check.')).length;
    emu.counts.reset();
    emu.advance(HOUR);
    // Each linked form but the one whose sheet the rotating scan reads anyway: FormApp.openById +
    // Form.getResponses (Forms calls, not Sheets calls).
    expect(forms).toBeGreaterThanOrEqual(10);
    expect(emu.counts.get('FormApp', 'openById')).toBe(forms - 1);
    expect(emu.counts.get('Form', 'getResponses')).toBe(forms - 1);
    console.log(
      `a quiet hourly run asks ${forms} forms: ${emu.counts.get('FormApp') + emu.counts.get('Form')} Forms calls`,
    );
  });

  it('a submit reads the form registry with one getProperties, whatever the number of linked forms', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint({ phone: '13900000001' }));
    const propertyReads = (phone: string) => {
      emu.counts.reset();
      submitIntake(emu, complaint({ phone }));
      return {
        getProperty: emu.counts.get('Properties', 'getProperty'),
        getProperties: emu.counts.get('Properties', 'getProperties'),
      };
    };
    const before = propertyReads('13900000002');
    // Five more inspection forms in the registry (their sheets need not exist to be listed).
    const properties = documentProperties(emu);
    const templates = JSON.parse(properties.get('form.inspection.templates') ?? '[]') as string[];
    const extra = ['Extra 1', 'Extra 2', 'Extra 3', 'Extra 4', 'Extra 5'];
    properties.set('form.inspection.templates', JSON.stringify([...templates, ...extra]));
    extra.forEach((name, i) => {
      properties.set(
        `form.inspection.${name}`,
        JSON.stringify({
          id: `extra-form-${i}`,
          responseSheetName: `Extra ${i}`,
          responseSheetId: 900_000 + i,
        }),
      );
    });
    const after = propertyReads('13900000003');
    console.log(
      `Properties reads per submit: ${JSON.stringify(before)}; with 5 more forms ${JSON.stringify(after)}`,
    );
    // Registry: one getProperties, however many forms (the old code made one getProperty per form: 33 in all).
    expect(before.getProperties).toBe(1);
    expect(after).toEqual(before);
    expect(before.getProperty).toBeLessThanOrEqual(18);
    expect(rowsOf(emu, 'Tickets')).toHaveLength(3);
  });

  it('intake killed at every service call: after the next hourly runs, exactly one ticket per response', () => {
    const report = everyCrashPoint(killedSubmitAfterOne('13900000002'), (emu) => {
      exactlyOneTicketPerResponse(emu);
      expect(ticketsOf(emu)).toHaveLength(2);
      // Each ticket's "created" entry is in History exactly once.
      const created = rowsOf(emu, 'History').filter((entry) => entry.Field === '(created)');
      expect(created.map((entry) => entry['Record ID']).sort()).toEqual(
        ticketsOf(emu)
          .map((ticket) => ticket.ID)
          .sort(),
      );
    });
    console.log(`intake crash points: ${report.points} (${JSON.stringify(report.byCall)})`);
    expect(report.points).toBeGreaterThan(20);
  }, 240_000);

  it('a repeat complaint killed at every service call: one ticket, the repeat of the first, and the next repeat found too', () => {
    // Intake remembers the first ticket's row: this repeat reads it and proves it by the search's count.
    const report = everyCrashPoint(killedSubmitAfterOne('13900000001'), (emu) => {
      exactlyOneTicketPerResponse(emu);
      const [first, second] = ticketsOf(emu);
      expect(second?.['Repeat of']).toBe(first?.ID);
      // Whatever the kill left remembered, the next repeat names the latest earlier complaint.
      submitIntake(emu, complaint({ phone: '13900000001' }));
      expect(ticketsOf(emu).at(-1)?.['Repeat of']).toBe(second?.ID);
    });
    console.log(`repeat intake crash points: ${report.points}`);
    expect(report.points).toBeGreaterThan(20);
  }, 240_000);
});
