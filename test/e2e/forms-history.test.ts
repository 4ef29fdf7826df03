/**
 * Forms keep their history (SPEC §4; issue "Nothing lost, nothing twice"): re-running Set up / repair
 * edits the form's questions in place by their stored item ids, so the linked response sheet keeps one
 * column per question, earlier responses stay, and pre-filled links already mailed stay valid.
 */
import type { Emulator } from '../../scripts/emulator';
import { Form } from '../../scripts/emulator/forms';
import { documentProperties, formId, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

function responseSheet(emu: Emulator, key: string): string {
  const saved = documentProperties(emu).get(key);
  return (JSON.parse(saved ?? '{}') as { responseSheetName: string }).responseSheetName;
}

function setupAgain(emu: Emulator): void {
  emu.clock.advance(60_000);
  emu.run('menuSetup', undefined, { interactive: true });
}

const ZH = { receivedBy: '李娜', channel: '电话', type: '投诉', category: '维修 / 给排水', severity: '一般' };
const LANGS = [
  {
    lang: 'en' as const,
    tickets: 'Tickets',
    customer: 'Customer',
    channel: 'Channel',
    walkIn: 'Walk-in',
    review: 'Needs review',
    base: {},
  },
  {
    lang: 'zh-CN' as const,
    tickets: '工单登记',
    customer: '客户姓名',
    channel: '来电渠道',
    walkIn: '来访',
    review: '待核实',
    base: ZH,
  },
];

describe.each(LANGS)('setup run three times, then intake ($lang)', (desk) => {
  it('keeps one response column per question, the items and their ids, and earlier responses', () => {
    const { lang } = desk;
    const emu = newDesk({ lang });
    const model = emu.forms.get(formId(emu, 'form.intake'));
    if (!model) throw new Error('no intake form');
    const idsBefore = model.items.map((item) => item.id);
    submitIntake(emu, complaint({ ...desk.base, customer: 'Ann Before' }), lang);
    // The entry ids a pre-filled link mailed before the re-runs points at (SPEC §6 digest links).
    const prefilledBefore = idsBefore.slice(0, 2);

    setupAgain(emu);
    setupAgain(emu);

    const sheet = responseSheet(emu, 'form.intake');
    const header = emu.spreadsheet.sheet(sheet).values()[0].map(String);
    expect(new Set(header).size).toBe(header.length);
    expect(header).toHaveLength(model.items.length + 1);
    expect(model.items.map((item) => item.id)).toEqual(idsBefore);
    for (const entry of prefilledBefore) expect(model.items.some((item) => item.id === entry)).toBe(true);
    expect(model.responses).toHaveLength(1);

    submitIntake(emu, complaint({ ...desk.base, customer: 'Ann After', channel: desk.walkIn }), lang);
    const rows = rowsOf(emu, desk.tickets);
    expect(rows).toHaveLength(2);
    expect(rows[1][desk.customer]).toBe('Ann After');
    expect(rows[1][desk.channel]).toBe(desk.walkIn);
    expect(rows[1][desk.review]).toBe(false);
  });
});

describe('a form damaged by an older setup (questions re-created, duplicate response columns)', () => {
  it('reads each answer from the first non-empty column of its title, never joining them', () => {
    const emu = newDesk({ lang: 'en' });
    const model = emu.forms.get(formId(emu, 'form.intake'));
    if (!model) throw new Error('no intake form');
    // What the old setup did on every run: delete each item and add it again. Google keeps the old
    // response columns, so every title now has two columns; the old setup stored no item ids.
    const form = new Form(emu.formsWorld, model);
    for (const old of [...model.items]) {
      form.deleteItem(form.getItemById(old.id) as never);
      const added = (form as unknown as Record<string, () => { _model: typeof old }>)[ADDERS[old.type]]();
      Object.assign(added._model, { title: old.title, choices: old.choices, required: old.required });
      emu.formsWorld.renameColumn(model, added._model);
    }
    const stored = JSON.parse(documentProperties(emu).get('form.intake') ?? '{}') as Record<string, unknown>;
    delete stored.items;
    documentProperties(emu).set('form.intake', JSON.stringify(stored));
    const sheet = responseSheet(emu, 'form.intake');
    const widthDamaged = emu.spreadsheet.sheet(sheet).values()[0].length;
    expect(widthDamaged).toBe(2 * model.items.length + 1);

    // An answer lands in the older column too (e.g. a response made before the damage): the first
    // non-empty column wins; a submit after the damage fills only the new columns.
    submitIntake(emu, complaint({ customer: 'Ann', channel: 'Walk-in' }));
    let ticket = rowsOf(emu, 'Tickets')[0];
    expect(ticket.Customer).toBe('Ann');
    expect(ticket.Channel).toBe('Walk-in');
    expect(ticket['Needs review']).not.toBe(true);

    // Repair adopts the surviving items by title and stores their ids: no column is added.
    setupAgain(emu);
    setupAgain(emu);
    expect(emu.spreadsheet.sheet(sheet).values()[0]).toHaveLength(widthDamaged);
    submitIntake(emu, complaint({ customer: 'Bo' }));
    ticket = rowsOf(emu, 'Tickets')[1];
    expect(ticket.Customer).toBe('Bo');
    expect(ticket['Needs review']).not.toBe(true);
  });
});

const ADDERS: Record<string, string> = {
  TEXT: 'addTextItem',
  PARAGRAPH_TEXT: 'addParagraphTextItem',
  MULTIPLE_CHOICE: 'addMultipleChoiceItem',
  LIST: 'addListItem',
  CHECKBOX: 'addCheckboxItem',
  SCALE: 'addScaleItem',
  DATETIME: 'addDateTimeItem',
};
