/**
 * The operations SPEC §15 budgets, each measured on a desk holding N tickets: one intake submit, one
 * hourly sweep (a scheduler run with nothing else due), one weekly report, and the naive per-row sweep.
 */

import { type IntakeQuestionKey, intakeQuestionTitle } from '../../src/forms/intake';
import { MENU_HANDLERS } from '../../src/handlers';
import { type MessageKey, t } from '../../src/i18n';
import { defaultStaffRows } from '../../src/jobs/default-rows';
import { BENCH_LANG, benchDesk, bundleWith, fillTickets } from './fixtures';
import { addFortyItemCheck, fillInspections, inspectionSubmissions } from './inspections';
import { type Measurement, measure } from './measure';
import { NAIVE_SWEEP, naiveSweepSource } from './naive-sweep';

export type Operation =
  | 'intake'
  | 'sweep'
  | 'report'
  | 'naiveSweep'
  | 'audit'
  | 'auditSample'
  | 'merit'
  | 'assessment'
  | 'inspection'
  | 'panelFirstRead'
  | 'panelRead'
  | 'panelQueue';

export interface Result extends Partial<Measurement> {
  operation: Operation;
  tickets: number;
  /** Why there is no measurement ("n/a"), or what the run produced. */
  note: string;
}

const HOUR = 3_600_000;
const REPORT_ENTRY = MENU_HANDLERS.reportLastWeek;

function intakeAnswers(): Record<string, string> {
  const label = (key: string) => t(BENCH_LANG, key as MessageKey);
  const answers: Partial<Record<IntakeQuestionKey, string>> = {
    receivedBy: defaultStaffRows(BENCH_LANG)[0].name,
    channel: label('enum.channel.phone'),
    type: label('enum.ticketType.complaint'),
    category: label('settings.category.other'),
    severity: label('enum.severity.general'),
    customer: 'Benchmark Customer',
    phone: '13900001111',
    description: 'One more complaint, measured.',
  };
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [
      intakeQuestionTitle(BENCH_LANG, key as IntakeQuestionKey),
      String(value),
    ]),
  );
}

/** The Phone service audit form (the first scorecard's), or null when the bundle has none. */
function auditFormIdOf(emu: ReturnType<typeof benchDesk>): { formId: string } | null {
  const props = emu.properties.document.get(emu.spreadsheet.id);
  const [first] = JSON.parse(props?.get('form.audit.scorecards') ?? '[]') as Array<{ scorecard: string }>;
  const saved = first ? props?.get(`form.audit.${first.scorecard}`) : undefined;
  return saved ? { formId: (JSON.parse(saved) as { id: string }).id } : null;
}

/** Every question answered with its first listed choice (staff, auditor, items), no ticket ID. */
function auditAnswers(emu: ReturnType<typeof benchDesk>, formId: string): Record<string, string | string[]> {
  const form = emu.forms.get(formId);
  const answers: Record<string, string | string[]> = {};
  for (const item of form?.items ?? []) {
    if (!item.required || item.choices.length === 0) continue;
    answers[item.title] = item.choices[Math.min(1, item.choices.length - 1)];
  }
  return answers;
}

/** `count` audits in the Audits sheet, through the uncounted host. */
function fillAudits(emu: ReturnType<typeof benchDesk>, count: number): void {
  if (count === 0) return;
  const sheet = emu.spreadsheet.host().getSheetByName(t(BENCH_LANG, 'sheet.audits'));
  if (!sheet) return;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const id = t(BENCH_LANG, 'col.audits.auditId');
  const response = t(BENCH_LANG, 'col.audits.formResponseId');
  const final = t(BENCH_LANG, 'col.audits.finalPercent');
  const rows = Array.from({ length: count }, (_, i) =>
    header.map((h) =>
      h === id
        ? `QA-2025-${String(i + 1).padStart(5, '0')}`
        : h === response
          ? `old:${i}`
          : h === final
            ? 80
            : '',
    ),
  );
  if (sheet.getMaxRows() < count + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, count, header.length).setValues(rows as never);
}

function formId(emu: ReturnType<typeof benchDesk>, key: string): string {
  const saved = emu.properties.document.get(emu.spreadsheet.id)?.get(key);
  if (!saved) throw new Error(`bench: setup registered no ${key}`);
  return (JSON.parse(saved) as { id: string }).id;
}

/** People assessed in the monthly assessment's measurement (the figure). */
const ASSESSED_STAFF = 50;

/** Adds people to ⚙ Staff by an edit (its onEdit drops the cached settings) up to `total` staff. */
function addStaff(emu: ReturnType<typeof benchDesk>, total: number): void {
  const title = t(BENCH_LANG, 'sheet.staff');
  const rows = emu.spreadsheet.sheet(title).values().length - 1;
  const have = defaultStaffRows(BENCH_LANG).filter(
    (p) => p.role === 'staff' || p.role === 'supervisor',
  ).length;
  const staff = t(BENCH_LANG, 'enum.role.staff');
  const department = defaultStaffRows(BENCH_LANG)[1].department;
  const extra = Array.from({ length: total - have }, (_, i) => [
    `Bench ${i}`,
    `bench${i}@example.com`,
    staff,
    department,
  ]);
  if (extra.length > 0) emu.editCells(title, `A${rows + 2}:D${rows + 1 + extra.length}`, extra);
}

/** Merits (奖惩): one merit-form submission; the monthly assessment (月度考核) of 50 staff on the menu. */
function measureMerits(emu: ReturnType<typeof benchDesk>, tickets: number): Result[] {
  const results: Result[] = [];
  if (!emu.defines('menuAssessLastMonth')) return results;
  addStaff(emu, ASSESSED_STAFF);
  const saved = emu.properties.document.get(emu.spreadsheet.id)?.get('form.merit');
  if (saved) {
    const meritFormId = (JSON.parse(saved) as { id: string }).id;
    const answers = auditAnswers(emu, meritFormId);
    const submit = () => emu.submitForm(meritFormId, answers);
    submit(); // warms the caches
    results.push({ operation: 'merit', tickets, note: '', ...measure(emu, submit) });
  }
  results.push({
    operation: 'assessment',
    tickets,
    note: `${ASSESSED_STAFF} staff`,
    ...measure(emu, () => emu.run('menuAssessLastMonth', undefined, { interactive: true })),
  });
  return results;
}

/**
 * Inspections (检查登记): a 40-item check with 5 failed items, a tenth as many inspections as tickets, on
 * a desk of its own (the default roster: the merits line's 50 staff and this checklist together make
 * the settings too large for the settings cache, and every run would read the ⚙ sheets).
 */
function measureInspection(tickets: number): Result {
  const emu = benchDesk(bundleWith(''));
  fillTickets(emu, tickets);
  const inspections = Math.floor(tickets / 10);
  addFortyItemCheck(emu);
  fillInspections(emu, inspections);
  const { warm, measured } = inspectionSubmissions(emu);
  warm();
  const ticketsSheet = emu.spreadsheet.sheet(t(BENCH_LANG, 'sheet.tickets'));
  const before = ticketsSheet.lastRow();
  const measurement = measure(emu, measured);
  const created = ticketsSheet.lastRow() - before;
  const problems = [
    ...(created === 5 ? [] : [`expected 5 rectification tickets, got ${created}`]),
    ...emu.executions.filter((run) => run.error).map((run) => `${run.name}: ${run.error?.message}`),
  ];
  return {
    operation: 'inspection',
    tickets,
    note: [
      `${inspections.toLocaleString('en-US')} inspections, ${measurement.cellsRead} cells read`,
      ...problems,
    ].join('; '),
    ...measurement,
  };
}

/**
 * The ticket panel (issue 19), as its sidebar calls it: the ticket intake just created, read the first
 * time (searched) and again (remembered), and its assignee's My queue.
 */
function measurePanel(emu: ReturnType<typeof benchDesk>, tickets: number): Result[] {
  if (!emu.defines('panelTicket')) return [];
  const [header, ...rows] = emu.spreadsheet.sheet(t(BENCH_LANG, 'sheet.tickets')).values();
  const last = rows[rows.length - 1] ?? [];
  const id = String(last[header.indexOf(t(BENCH_LANG, 'col.tickets.id'))] ?? '');
  const assignee = String(last[header.indexOf(t(BENCH_LANG, 'col.tickets.assignee'))] ?? '');
  const user = defaultStaffRows(BENCH_LANG).find((person) => person.name === assignee)?.email;
  if (!user) return [];
  const read = () => emu.scriptRun('panelTicket', [id, null, false], { user });
  read(); // the sidebar's first call warms the caches (settings, header maps)
  emu.cache.evict(`panel.ticket.${id}`);
  const open = rows.filter(
    (row) => row[header.indexOf(t(BENCH_LANG, 'col.tickets.status'))] !== t(BENCH_LANG, 'enum.status.closed'),
  ).length;
  const first = measure(emu, read);
  const again = measure(emu, read);
  const queue = measure(emu, () => emu.scriptRun('panelQueue', [], { user }));
  const cells = (m: { cellsRead: number }) => `${m.cellsRead.toLocaleString('en-US')} cells read`;
  return [
    { operation: 'panelFirstRead', tickets, note: cells(first), ...first },
    { operation: 'panelRead', tickets, note: cells(again), ...again },
    {
      operation: 'panelQueue',
      tickets,
      // The bench's tickets are received in random order, so open ones lie all over the sheet: the
      // worst case for My queue, which reads from the first active ticket down (jobs/active-rows).
      note: `${cells(queue)}; ${open.toLocaleString('en-US')} open tickets spread over the sheet`,
      ...queue,
    },
  ];
}

/** Measures every operation at `tickets` existing tickets, on one desk, in an order where each starts clean. */
export function measureAt(tickets: number): Result[] {
  const emu = benchDesk(bundleWith(naiveSweepSource()));
  fillTickets(emu, tickets);
  const results: Result[] = [];
  const ticketsSheet = t(BENCH_LANG, 'sheet.tickets');
  const rowsBefore = emu.spreadsheet.sheet(ticketsSheet).lastRow();

  // The first scheduler run after filling escalates and catches up; the next hour's run is the steady sweep.
  emu.run('runScheduler', undefined, { interactive: false });
  emu.clock.advance(HOUR);
  results.push({
    operation: 'sweep',
    tickets,
    note: '',
    ...measure(emu, () => emu.run('runScheduler', undefined, { interactive: false })),
  });

  results.push({
    operation: 'naiveSweep',
    tickets,
    note: '',
    ...measure(emu, () => emu.run(NAIVE_SWEEP, undefined, { interactive: false })),
  });

  if (emu.defines(REPORT_ENTRY)) {
    const sheetsBefore = emu.spreadsheet.sheetNames();
    const measured = measure(emu, () => emu.run(REPORT_ENTRY, undefined, { interactive: true }));
    const built = emu.spreadsheet.sheetNames().filter((name) => !sheetsBefore.includes(name));
    results.push({
      operation: 'report',
      tickets,
      note: built.length > 0 ? `built ${built.join(', ')}` : 'rebuilt an existing sheet',
      ...measured,
    });
  } else {
    results.push({ operation: 'report', tickets, note: `n/a: the bundle has no ${REPORT_ENTRY}` });
  }

  const measured = measure(emu, () => emu.submitForm(formId(emu, 'form.intake'), intakeAnswers()));
  const created = emu.spreadsheet.sheet(ticketsSheet).lastRow() - rowsBefore;
  results.push({
    operation: 'intake',
    tickets,
    note: created === 1 ? '' : `expected one new ticket, got ${created}`,
    ...measured,
  });
  // Quality audits: one submission with a tenth as many audits as tickets, and the weekly sample.
  fillAudits(emu, Math.floor(tickets / 10));
  const auditForm = auditFormIdOf(emu);
  if (auditForm) {
    const submitAudit = () => emu.submitForm(auditForm.formId, auditAnswers(emu, auditForm.formId));
    submitAudit(); // warms the caches, as on any working day
    const measuredAudit = measure(emu, submitAudit);
    results.push({
      operation: 'audit',
      tickets,
      note: `${Math.floor(tickets / 10).toLocaleString('en-US')} audits, ${measuredAudit.cellsRead} cells read`,
      ...measuredAudit,
    });
  }
  if (emu.defines('menuAuditSample')) {
    results.push({
      operation: 'auditSample',
      tickets,
      note: '',
      ...measure(emu, () => emu.run('menuAuditSample', undefined, { interactive: true })),
    });
  }
  results.push(...measurePanel(emu, tickets));
  results.push(...measureMerits(emu, tickets));
  const failed = [
    ...emu.executions.filter((run) => run.error).map((run) => `${run.name}: ${run.error?.message}`),
    ...emu.logs.filter((entry) => entry.level === 'error').map((entry) => entry.message),
  ];
  if (failed.length > 0)
    for (const result of results) result.note = [result.note, ...failed].filter(Boolean).join('; ');
  results.push(measureInspection(tickets));
  return results;
}
