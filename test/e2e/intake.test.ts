import { formId, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

describe('intake through the staff form', () => {
  it('creates one ticket with ID, route, deadlines with explanation notes, History and a mail to the assignee', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint());
    const [ticket] = rowsOf(emu, 'Tickets');
    expect(ticket.ID).toBe('CMP-2026-00001');
    expect(ticket.Status).toBe('New');
    expect(ticket.Department).not.toBe('');
    expect(ticket.Assignee).not.toBe('');
    expect(ticket['Needs review']).not.toBe(true);
    // Received Mon 2026-03-02 10:00 Shanghai; General complaint: 3 wd → Thu 2026-03-05 10:00 (02:00Z).
    expect((ticket['Resolve due'] as Date).toISOString()).toBe('2026-03-05T02:00:00.000Z');
    const header = emu.spreadsheet.sheet('Tickets').values()[0];
    const notes = emu.spreadsheet.sheet('Tickets').notes()[1];
    expect(notes[header.indexOf('Resolve due')]).toMatch(/3 wd/);
    const history = rowsOf(emu, 'History');
    expect(history).toHaveLength(1);
    expect(history[0]['Record ID'] ?? Object.values(history[0])[2]).toBe('CMP-2026-00001');
    expect(emu.mail.outbox).toHaveLength(1);
    expect(emu.mail.outbox[0].htmlBody).toContain('138****1234');
    expect(emu.mail.outbox[0].htmlBody).not.toContain('13812341234');
    expect(emu.mail.outbox[0].name).toBe('Service Desk');
  });
});

describe('the customer form (off by default)', () => {
  it('once enabled in ⚙ General, setup creates it and a customer submission becomes an Online ticket that needs no review', () => {
    const emu = newDesk({ lang: 'en' });
    // Intake, callback, the four inspection forms, the three audit forms, the appeal form, the merit form and the assessment appeal form.
    expect(emu.forms.size).toBe(12);
    const general = emu.spreadsheet.sheet('⚙ General').values();
    const row = general.findIndex((line) => line[0] === 'customerFormEnabled') + 1;
    const valueColumn = general[0].indexOf('Value');
    emu.editCells('⚙ General', `${String.fromCharCode(65 + valueColumn)}${row}`, [['TRUE']]);
    emu.run('menuSetup', undefined, { interactive: true });
    expect(emu.forms.size).toBe(13);
    emu.submitForm(formId(emu, 'form.customer'), {
      Type: 'Complaint',
      Category: 'Repair / Plumbing',
      'Customer name': 'Zhao Min',
      Phone: '13955556666',
      Email: '',
      'Address / unit': 'Building 2, 0301',
      'What the customer said': 'The pipe in the kitchen is leaking.',
    });
    const [ticket] = rowsOf(emu, 'Tickets');
    expect(ticket.ID).toBe('CMP-2026-00001');
    expect(ticket.Channel).toBe('Online');
    expect(ticket['Needs review']).toBe(false);
  });
});

describe('a Chinese desk', () => {
  it('takes the intake form in Chinese and mails in Chinese, from 客服工作台', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    submitIntake(
      emu,
      complaint({
        receivedBy: '李娜',
        channel: '电话',
        type: '投诉',
        category: '维修 / 给排水',
        severity: '一般',
      }),
      'zh-CN',
    );
    const [ticket] = rowsOf(emu, '工单登记');
    expect(ticket.编号).toBe('CMP-2026-00001');
    expect(ticket.状态).toBe('新建');
    expect(emu.mail.outbox[0].name).toBe('客服工作台');
    expect(emu.mail.outbox[0].subject).toMatch(/CMP-2026-00001/);
  });
});
