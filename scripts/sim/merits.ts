/**
 * Merits and demerits (奖惩) and the monthly assessment (月度考核) as a department lives them. Every
 * Friday afternoon each supervisor records one or two catalog items for people of their department
 * through the merit form; every working evening the CS manager judges the complaints resolved that day
 * that name a person (Substantiated Yes for some, No for the rest — the product records the demerit);
 * once a substantiated complaint is found not to be after all (the demerit is reversed), and once an
 * entry recorded for the wrong person is corrected through the form. Praise tickets naming staff come
 * from the contacts. The summary prints the ledger and the ranking of the last month assessed.
 */
import { type MessageKey, t } from '../../src/i18n';
import { ASSESSMENT, ASSESSMENT_RULES, MERITS, TICKETS } from '../../src/workbook/schemas';
import { columnLetter } from './desk-view';
import { emailOf, formIdOf, type SimEvent, type World } from './world';

const FRIDAY = 5;
const RECORD_MINUTE = 16 * 60;
const JUDGE_MINUTE = 17 * 60 + 30;
const SUBSTANTIATED_SHARE = 0.4;

export class MeritDesk {
  private judged = new Set<string>();
  private withdrawn = false;
  /** The row of the complaint whose finding is withdrawn the next evening (after the demerit is written). */
  private toWithdraw: number | null = null;
  private corrected = false;

  constructor(private readonly world: World) {
    this.registrationsOn();
  }

  /**
   * The registrations rule (count against a target in steps, seed 000 L327–329) is off by default for a
   * property desk; the simulation turns it on for the front desk, the seed's steps scaled to its volume:
   * a front-line person logs 140–180 contacts a month here (the seed's call centre: 330), so 180 = 0,
   * ±1 per 10, over 230 → +10, under 130 → −10.
   */
  private registrationsOn(): void {
    const { world } = this;
    const name = t(world.lang, ASSESSMENT_RULES.title);
    const [header = [], ...rows] = world.emu.spreadsheet.sheet(name).values();
    const kind = t(world.lang, 'enum.assessmentKind.targetSteps');
    const index = rows.findIndex((row) => row.includes(kind));
    if (index < 0) return;
    const frontDesk = world.staff.find((member) => member.role === 'manager')?.department ?? '';
    const values: Array<[string, string | number | boolean]> = [
      ['target', 180],
      ['step', 10],
      ['upper', 230],
      ['upperPoints', 10],
      ['lower', 130],
      ['lowerPoints', -10],
      ['scope', frontDesk],
      ['active', true],
    ];
    for (const [key, value] of values) {
      const column = header.indexOf(t(world.lang, `col.assessmentRules.${key}` as MessageKey)) + 1;
      if (column > 0) world.emu.editCells(name, `${columnLetter(column)}${index + 2}`, [[value]]);
    }
  }

  plan(dayNumber: number, working: boolean): SimEvent[] {
    if (!working) return [];
    const { zone } = this.world.calendar;
    const events: SimEvent[] = [
      { at: zone.toInstant(dayNumber, JUDGE_MINUTE * 60_000), act: () => this.judge() },
    ];
    if (this.world.calendar.day(dayNumber).weekday % 7 === FRIDAY)
      events.push({ at: zone.toInstant(dayNumber, RECORD_MINUTE * 60_000), act: () => this.record() });
    return events;
  }

  private title(key: string): string {
    return t(this.world.lang, `form.merit.q.${key}` as MessageKey);
  }

  private submit(answers: Record<string, string>): void {
    const byTitle = Object.fromEntries(
      Object.entries(answers).map(([key, value]) => [this.title(key), value]),
    );
    this.world.emu.submitForm(formIdOf(this.world, 'form.merit'), byTitle);
    this.world.activity.merits++;
  }

  private record(): void {
    const { random, emu } = this.world;
    const form = emu.forms.get(formIdOf(this.world, 'form.merit'));
    const choices = form?.items.find((item) => item.title === this.title('item'))?.choices ?? [];
    if (choices.length === 0) return;
    for (const supervisor of this.world.staff.filter((member) => member.role === 'supervisor')) {
      const team = this.world.staff.filter(
        (m) => m.role === 'staff' && m.department === supervisor.department,
      );
      for (let n = random.int(1, 2); n > 0 && team.length > 0; n--)
        this.submit({
          staff: random.pick(team).name,
          item: random.pick(choices),
          recordedBy: supervisor.name,
        });
    }
    if (this.corrected) return;
    // Once: the CS manager corrects the first form entry (recorded for the wrong person): a reversal.
    const manager = this.world.staff.find((member) => member.role === 'manager');
    const form0 = t(this.world.lang, 'enum.meritRule.form');
    const first = this.world.view.records(MERITS).find((row) => row.rule === form0);
    if (!manager || !first) return;
    this.submit({
      staff: String(first.staff ?? ''),
      reverses: String(first.entryId ?? ''),
      note: t(this.world.lang, 'merits.note.reverses', { id: String(first.entryId ?? ''), reason: '—' }),
      recordedBy: manager.name,
    });
    this.corrected = true;
  }

  /** The CS manager marks today's resolved complaints that name a person Substantiated Yes or No. */
  private judge(): void {
    const { world } = this;
    const manager = world.staff.find((member) => member.role === 'manager');
    if (!manager) return;
    const sheet = world.view.tickets();
    const records = world.view.records(TICKETS);
    const label = (code: 'yes' | 'no') => t(world.lang, `enum.substantiated.${code}` as MessageKey);
    const set = (row: number, code: 'yes' | 'no') => {
      world.emu.editCells(world.view.ticketsSheet, sheet.cellOf(row, 'substantiated'), [[label(code)]], {
        user: emailOf(world, manager.name),
      });
      world.activity.edits++;
    };
    // Once: a complaint found substantiated the day before turns out not to be (the demerit is reversed).
    if (this.toWithdraw !== null) {
      set(this.toWithdraw, 'no');
      this.toWithdraw = null;
    }
    for (const ticket of sheet.tickets) {
      if (ticket.type !== 'complaint' || this.judged.has(ticket.id)) continue;
      if (ticket.status !== 'resolved' && ticket.status !== 'closed') continue;
      const person = String(records[ticket.row - 2]?.personComplained ?? '');
      if (person === '') continue;
      this.judged.add(ticket.id);
      const yes = world.random.chance(SUBSTANTIATED_SHARE);
      set(ticket.row, yes ? 'yes' : 'no');
      if (yes && !this.withdrawn && this.judged.size > 3) {
        this.toWithdraw = ticket.row;
        this.withdrawn = true;
      }
    }
  }
}

/** The summary's lines: the ledger by rule, and the last assessed month's ranking by department. */
export function meritSummary(world: World): string[] {
  const { lang, view } = world;
  const entries = view.records(MERITS).filter((row) => String(row.entryId ?? '') !== '');
  const byRule = new Map<string, number>();
  for (const row of entries)
    byRule.set(String(row.rule ?? ''), (byRule.get(String(row.rule ?? '')) ?? 0) + 1);
  const reversal = t(lang, 'enum.meritState.reversal');
  const review = t(lang, 'enum.meritState.needsReview');
  const points = entries.map((row) => (typeof row.points === 'number' ? row.points : 0));
  const lines = [
    `Merits        ${entries.length} entries (${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(' · ')}); reversals ${entries.filter((row) => row.state === reversal).length}, needs review ${entries.filter((row) => row.state === review).length}; points +${points.filter((p) => p > 0).reduce((a, b) => a + b, 0)} / −${-points.filter((p) => p < 0).reduce((a, b) => a + b, 0)}`,
  ];
  const assessed = view.records(ASSESSMENT).filter((row) => String(row.month ?? '') !== '');
  if (assessed.length === 0) return [...lines, 'Assessment    none (no month ended in the run)'];
  const month =
    assessed
      .map((row) => String(row.month))
      .sort()
      .at(-1) ?? '';
  const rows = assessed.filter((row) => row.month === month);
  const grades = new Map<string, number>();
  for (const row of rows) grades.set(String(row.grade ?? ''), (grades.get(String(row.grade ?? '')) ?? 0) + 1);
  const totals = rows.map((row) => Number(row.total));
  lines.push(
    `Assessment    ${month} (${String(rows[0].state ?? '')}): ${rows.length} people, average ${(totals.reduce((a, b) => a + b, 0) / rows.length).toFixed(1)}; grades ${[
      ...grades,
    ]
      .sort()
      .map(([g, n]) => `${g} ${n}`)
      .join(' · ')}; flagged ${rows.filter((row) => String(row.flags ?? '') !== '').length}`,
  );
  const departments = [...new Set(rows.map((row) => String(row.department ?? '')))].sort();
  for (const department of departments) {
    const ranked = rows
      .filter((row) => row.department === department)
      .sort((a, b) => Number(a.rank) - Number(b.rank) || String(a.staff).localeCompare(String(b.staff)));
    lines.push(
      `  ${department}: ${ranked.map((row) => `${Number(row.rank)}. ${String(row.staff)} ${Number(row.total)}${String(row.flags ?? '') === '' ? '' : ' ⚑'}`).join(' · ')}`,
    );
  }
  return lines;
}
