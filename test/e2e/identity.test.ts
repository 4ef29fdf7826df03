/**
 * Who did it, as Google tells it (issue 13): an installable trigger learns the editor's email only when
 * Google discloses it — on Workspace for people of the owner's domain, on consumer accounts never for
 * other people's edits. History then says "editor not disclosed by Google", never "Service Desk"; a
 * form that collects emails gives the respondent's email.
 */
import type { Emulator } from '../../scripts/emulator';
import { formId, newDesk, OWNER, rowsOf } from '../helpers/desk';
import { complaint, intakeAnswers, submitIntake } from '../helpers/intake';
import { a1, columnOf } from '../jobs/scheduler-fixtures';

function editStatus(emu: Emulator, value: string, user: string, sheet = 'Tickets', header = 'Status'): void {
  emu.editCells(sheet, a1(columnOf(emu, sheet, header), 2), [[value]], { user });
}

function statusActors(emu: Emulator, sheet = 'History', field = 'Status'): string[] {
  const rows = rowsOf(emu, sheet);
  const [actor, fieldHeader] = sheet === 'History' ? ['Actor', 'Field'] : ['操作人', '字段'];
  return rows.filter((row) => row[fieldHeader] === field).map((row) => String(row[actor]));
}

describe('History names the editor as far as Google discloses them', () => {
  it('consumer accounts: another person’s edit is "editor not disclosed by Google", the owner’s own edit their email', () => {
    const emu = newDesk({ lang: 'en', accounts: 'consumer' });
    submitIntake(emu, complaint());
    editStatus(emu, 'In progress', 'li.na@gmail.com');
    editStatus(emu, 'Waiting on customer', OWNER);
    expect(statusActors(emu)).toEqual(['editor not disclosed by Google', OWNER]);
    expect(emu.spreadsheet.sheet('Tickets').values()[1][columnOf(emu, 'Tickets', 'Status') - 1]).toBe(
      'Waiting on customer',
    );
  });

  it('Workspace: a person of the owner’s domain is named; someone outside it is not disclosed', () => {
    const emu = newDesk({ lang: 'en', accounts: 'workspace' });
    submitIntake(emu, complaint());
    editStatus(emu, 'In progress', 'li.na@example.com');
    editStatus(emu, 'Waiting on customer', 'contractor@gmail.com');
    expect(statusActors(emu)).toEqual(['li.na@example.com', 'editor not disclosed by Google']);
  });

  it('in Chinese', () => {
    const emu = newDesk({ lang: 'zh-CN', accounts: 'consumer' });
    submitIntake(emu, complaint(), 'zh-CN');
    editStatus(emu, '周磊', 'li.na@gmail.com', '工单登记', '处理人');
    expect(statusActors(emu, '操作日志', '处理人')).toEqual(['Google 未提供编辑者']);
  });
});

describe('a form that collects emails', () => {
  it('records the respondent’s email as who created the ticket; without it, "form"', () => {
    const emu = newDesk({ lang: 'en', accounts: 'consumer' });
    submitIntake(emu, complaint({ customer: 'Before' }));
    const form = emu.forms.get(formId(emu, 'form.intake'));
    if (!form) throw new Error('no intake form');
    // A manager ticks "Collect email addresses" in the form's settings.
    form.collectEmail = true;
    emu.formsWorld.addEmailColumn(form);
    emu.submitForm(formId(emu, 'form.intake'), intakeAnswers(complaint({ customer: 'After' })), {
      email: 'wang.fang@example.com',
    });
    const created = rowsOf(emu, 'History').filter((row) => row.Field === 'Status' || row['Old value'] === '');
    const actorOf = (id: string) => created.find((row) => row['Record ID'] === id)?.Actor;
    expect(rowsOf(emu, 'Tickets').map((row) => row.Customer)).toEqual(['Before', 'After']);
    expect(actorOf('CMP-2026-00001')).toBe('form');
    expect(actorOf('CMP-2026-00002')).toBe('wang.fang@example.com');
  });
});
