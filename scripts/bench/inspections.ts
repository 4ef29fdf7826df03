/**
 * The inspection submission of issue 17's budget: a 40-item checklist, 5 items failed (5 rectification
 * tickets), on a desk holding a tenth as many inspections as tickets (10,000 at 100,000) with their
 * items. The fixture is shared with test/e2e/inspection-budget.test.ts, which asserts the budget.
 */
import type { Emulator } from '../emulator';

export const FORTY_ITEM_TEMPLATE = 'Forty-item check';
/** Rows of Inspection items written for the filled inspections (ten each, at most this many). */
const MAX_ITEM_ROWS = 100_000;

/** Rows through the uncounted host, in the sheet's own header order. */
function appendHosted(emu: Emulator, sheetName: string, records: Array<Record<string, unknown>>): void {
  const sheet = emu.spreadsheet.host().getSheetByName(sheetName);
  if (!sheet) throw new Error(`no ${sheetName}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const first = sheet.getLastRow() + 1;
  const need = first + records.length - 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  const rows = records.map((record) => header.map((h) => (h in record ? record[h] : '')));
  sheet.getRange(first, 1, rows.length, header.length).setValues(rows as never);
}

/**
 * On an English desk already set up: the 40-item checklist (8 zones of 5 pass/fail points, 2 working
 * days to put each right) for two towers, and its form (Set up / repair run again).
 */
export function addFortyItemCheck(emu: Emulator): void {
  appendHosted(emu, '⚙ Checklists', [
    {
      Template: FORTY_ITEM_TEMPLATE,
      Version: 1,
      'Pass mark %': 90,
      'Item pass %': 85,
      '1st fail': 'Minor fault',
    },
    ...Array.from({ length: 40 }, (_, i) => ({
      Template: FORTY_ITEM_TEMPLATE,
      Section: `Zone ${Math.floor(i / 8) + 1}`,
      Item: `Point ${i + 1}`,
      'Answer kind': 'Pass / fail',
      Weight: 1,
      'Rectification (working days)': 2,
    })),
  ]);
  appendHosted(emu, '⚙ Areas', [
    {
      Area: 'Tower A',
      Templates: FORTY_ITEM_TEMPLATE,
      Frequency: 'Daily',
      Owner: 'He Fang',
      Department: 'Environment',
      Inspector: 'Zhang Wei',
    },
    {
      Area: 'Tower B',
      Templates: FORTY_ITEM_TEMPLATE,
      Frequency: 'Daily',
      Owner: 'Xu Jie',
      Department: 'Environment',
      Inspector: 'Liu Yang',
    },
  ]);
  emu.run('menuSetup', undefined, { interactive: true });
}

/** `count` earlier passed inspections of the towers (last year's numbers) and ten item rows each. */
export function fillInspections(emu: Emulator, count: number): void {
  const at = emu.clock.now().getTime();
  const id = (i: number) => `IN-2025-${String(i + 1).padStart(5, '0')}`;
  if (count === 0) return;
  appendHosted(
    emu,
    'Inspections',
    Array.from({ length: count }, (_, i) => ({
      'Inspection ID': id(i),
      At: new Date(at - (i + 1) * 3_600_000),
      Template: FORTY_ITEM_TEMPLATE,
      Version: 1,
      Area: i % 2 === 0 ? 'Tower A' : 'Tower B',
      Inspector: 'Zhang Wei',
      'Score %': 95,
      Result: 'Pass',
      'Form response ID': `old:${i}`,
    })),
  );
  appendHosted(
    emu,
    'Inspection items',
    Array.from({ length: Math.min(count * 10, MAX_ITEM_ROWS) }, (_, i) => ({
      'Inspection ID': id(Math.floor(i / 10)),
      Section: 'Zone 1',
      Item: `Point ${(i % 40) + 1}`,
      Answer: 'Pass',
    })),
  );
}

/** The form's answers: every point passed except the failed ones, each with its note. */
function answers(emu: Emulator, area: string, inspector: string, failed: readonly number[]) {
  const saved = emu.properties.document
    .get(emu.spreadsheet.id)
    ?.get(`form.inspection.${FORTY_ITEM_TEMPLATE}`);
  if (!saved) throw new Error('bench: no form for the forty-item check');
  const form = emu.forms.get((JSON.parse(saved) as { id: string }).id);
  const result: Record<string, string> = { Area: area, Inspector: inspector };
  for (const item of form?.items ?? []) {
    const point = /— Point (\d+)$/.exec(item.title);
    if (!point) continue;
    const fails = failed.includes(Number(point[1]));
    result[item.title] = fails ? 'Fail' : 'Pass';
    if (fails) result[`${item.title}: note`] = `Point ${point[1]} is dirty`;
  }
  return { formId: form?.id ?? '', answers: result };
}

/**
 * A first submission warms the caches (settings, header maps) and, failing two items, grows the sheets
 * a fixture filled to the brim — as on any working day, when registers have free rows. Returns the
 * measured one: Tower A, 5 of 40 failed.
 */
export function inspectionSubmissions(emu: Emulator): { warm: () => void; measured: () => void } {
  const submit = (area: string, inspector: string, failed: readonly number[]) => () => {
    const { formId, answers: values } = answers(emu, area, inspector, failed);
    emu.submitForm(formId, values);
  };
  return {
    warm: submit('Tower B', 'Liu Yang', [1, 2]),
    measured: submit('Tower A', 'Zhang Wei', [3, 9, 17, 26, 38]),
  };
}
