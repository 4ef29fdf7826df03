/**
 * Inspections (检查登记) in the simulated month, through the forms setup builds from ⚙ Checklists and
 * ⚙ Areas: the daily area checks and the front-desk check on every due day (the 7-day Clubhouse also on
 * days off), the weekly building check on Wednesdays, with a few failed items each week. Failed items are
 * put right (or not) by the next inspection of the area, which is the re-inspection: most pass, some fail
 * again (repeat findings). The renovation site's completion inspection fails three times in a row
 * (tiling below 85 %) before it passes. Now and then an inspector misses a day; the Clubhouse's second
 * day is missed on purpose and the CS manager excuses it the next morning with a reason.
 */
import { enumCodeFromText } from '../../src/core/text';
import { bothLanguages, type Lang, t } from '../../src/i18n';
import { AREAS, INSPECTIONS, MISSED_INSPECTIONS, TICKETS } from '../../src/workbook/schemas';
import type { ItemModel } from '../emulator/forms';
import { Random } from './random';
import { emailOf, optionalFormId, type SimEvent, type World } from './world';

interface Schedule {
  area: string;
  template: string;
  frequency: string;
  sevenDay: boolean;
  inspector: string;
}

/** Per-item chance of a failed item on a routine inspection. */
const FAIL_CHANCE: Record<string, number> = { daily: 0.012, weekly: 0.08 };
/** Chance that an item failed last time is put right by the re-inspection. */
const RECTIFIED = 0.75;
const MISS_CHANCE = 0.04;
/** The completion inspection's tiling pass rate on its four visits: three fails, then a pass. */
const COMPLETION_VISITS: ReadonlyArray<[dayIndex: number, tiling: number]> = [
  [3, 80],
  [9, 82],
  [15, 84],
  [22, 92],
];

const NOTES: Record<Lang, string[]> = {
  'zh-CN': ['地面有垃圾', '灯具损坏', '墙面污渍', '设备未关闭', '人员离岗', '标识脱落'],
  en: [
    'Litter on the floor',
    'Light broken',
    'Stains on the wall',
    'Equipment left on',
    'Post unattended',
    'Sign fallen off',
  ],
};

export class InspectionRounds {
  private readonly random: Random;
  /** Question titles each schedule failed last time: what its re-inspection rates again. */
  private readonly failed = new Map<string, Set<string>>();
  private missedClubhouse: string | null = null;
  done = 0;

  constructor(
    private readonly world: World,
    seed: number,
  ) {
    // Its own stream, so adding inspections does not change the month's contacts and callbacks.
    this.random = new Random(seed * 7919 + 17);
  }

  private schedules(): Schedule[] {
    return this.world.view.records(AREAS).flatMap((row) =>
      String(row.templates ?? '')
        .split(/[;；,，、]/)
        .map((template) => template.trim())
        .filter((template) => template !== '')
        .map((template) => ({
          area: String(row.area ?? ''),
          template,
          frequency:
            enumCodeFromText(bothLanguages, 'inspectionFrequency', String(row.frequency ?? '')) ?? 'daily',
          sevenDay: row.sevenDay === true,
          inspector: String(row.inspector ?? ''),
        })),
    );
  }

  rounds(dayNumber: number, dayIndex: number, working: boolean): SimEvent[] {
    const { zone } = this.world.calendar;
    const at = (minutes: number) => zone.toInstant(dayNumber, minutes * 60_000);
    const events: SimEvent[] = [];
    const weekday = this.world.calendar.day(dayNumber).weekday;
    for (const schedule of this.schedules()) {
      const minute = 9 * 60 + 30 + this.random.int(0, 120);
      if (schedule.frequency === 'daily' && (working || schedule.sevenDay)) {
        const planned = schedule.sevenDay && dayIndex === 1;
        if (planned) {
          this.missedClubhouse = schedule.area;
          continue;
        }
        if (this.random.chance(MISS_CHANCE)) continue;
        events.push({ at: at(minute), act: () => this.inspect(schedule, FAIL_CHANCE.daily) });
      } else if (schedule.frequency === 'weekly' && working && weekday === 3) {
        events.push({
          at: at(14 * 60 + this.random.int(0, 60)),
          act: () => this.inspect(schedule, FAIL_CHANCE.weekly),
        });
      } else if (schedule.frequency === 'onDemand') {
        const visit = COMPLETION_VISITS.find(([day]) => day === dayIndex);
        if (visit && working)
          events.push({ at: at(15 * 60), act: () => this.inspect(schedule, 0, visit[1]) });
      }
    }
    if (dayIndex === 2 && this.missedClubhouse !== null) {
      const area = this.missedClubhouse;
      events.push({ at: at(11 * 60), act: () => this.excuse(area, dayNumber - 1) });
    }
    return events;
  }

  private inspect(schedule: Schedule, failChance: number, tiling?: number): void {
    const { emu, lang } = this.world;
    const formId = optionalFormId(this.world, `form.inspection.${schedule.template}`);
    if (formId === null) return;
    const form = emu.forms.get(formId);
    if (!form) return;
    const fixed = ['area', 'inspector', 'recheckOf'].map((key) =>
      t(lang, `form.inspection.q.${key}` as never),
    );
    const noteOf = (title: string) => t(lang, 'form.inspection.q.note', { item: title });
    const key = `${schedule.area}|${schedule.template}`;
    const before = this.failed.get(key) ?? new Set<string>();
    const failedNow = new Set<string>();
    const answers: Record<string, string> = { [fixed[0]]: schedule.area, [fixed[1]]: schedule.inspector };
    // The item questions: everything but the fixed ones and the notes (paragraphs).
    const items = form.items.filter(
      (item: ItemModel) => !fixed.includes(item.title) && item.type !== 'PARAGRAPH_TEXT',
    );
    for (const item of items) {
      if (item.type === 'TEXT') {
        // A pass-rate item: the tiling of the renovation site, the rest in good order.
        const rate =
          /瓷砖|泥瓦|Tiling/.test(item.title) && tiling !== undefined ? tiling : 90 + this.random.int(0, 10);
        answers[item.title] = String(rate);
        if (rate < 85) {
          failedNow.add(item.title);
          answers[noteOf(item.title)] = lang === 'zh-CN' ? '空鼓、缝隙不均' : 'Hollow tiles, uneven joints';
        }
        continue;
      }
      const fail = before.has(item.title) ? !this.random.chance(RECTIFIED) : this.random.chance(failChance);
      answers[item.title] = t(lang, fail ? 'enum.inspectionAnswer.fail' : 'enum.inspectionAnswer.pass');
      if (fail) {
        failedNow.add(item.title);
        answers[noteOf(item.title)] = NOTES[lang][this.random.int(0, NOTES[lang].length - 1)];
      }
    }
    this.failed.set(key, failedNow);
    emu.submitForm(formId, answers);
    this.done += 1;
  }

  /** The CS manager excuses the missed slot of a day, with a reason, in Missed inspections. */
  private excuse(area: string, dayNumber: number): void {
    const { emu, lang, view } = this.world;
    const label = this.world.calendar.day(dayNumber).dateKey;
    const rows = view.records(MISSED_INSPECTIONS);
    const index = rows.findIndex((row) => row.area === area && String(row.slot ?? '') === label);
    const manager = this.world.staff.find((member) => member.role === 'manager');
    if (index < 0 || !manager) return;
    const sheet = t(lang, MISSED_INSPECTIONS.title);
    const header = emu.spreadsheet.sheet(sheet).values()[0].map(String);
    const cell = (key: 'reason' | 'excused') => {
      const column = header.indexOf(t(lang, `col.missedInspections.${key}`)) + 1;
      let letters = '';
      for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
        letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      return `${letters}${index + 2}`;
    };
    const user = emailOf(this.world, manager.name);
    emu.editCells(
      sheet,
      cell('reason'),
      [[lang === 'zh-CN' ? '会所停水维修，当日闭馆' : 'Clubhouse closed for water works']],
      { user },
    );
    emu.editCells(sheet, cell('excused'), [[true]], { user });
  }
}

/** The inspection lines of the summary, read back from the registers. */
export function inspectionSummary(world: World): string[] {
  const { lang, view } = world;
  const rows = view.records(INSPECTIONS).filter((row) => String(row.id ?? '') !== '');
  if (rows.length === 0) return ['Inspections   none'];
  const pass = t(lang, 'enum.inspectionResult.pass');
  const passed = rows.filter((row) => row.result === pass).length;
  const scores = rows
    .map((row) => row.scorePercent)
    .filter((value): value is number => typeof value === 'number');
  const rechecks = rows.filter((row) => String(row.recheckOf ?? '') !== '').length;
  const repeats = rows.filter((row) => String(row.repeatFindings ?? '') !== '').length;
  const longest = rows.reduce(
    (best, row) => (Number(row.failStreak) > Number(best.failStreak ?? 0) ? row : best),
    rows[0],
  );
  const tickets = view.records(TICKETS).filter((row) => String(row.inspection ?? '') !== '');
  const closed = t(lang, 'enum.status.closed');
  const time = (value: unknown) => (value instanceof Date ? value.getTime() : Number.NaN);
  const done = tickets.filter((row) => row.status === closed);
  const onTime = done.filter((row) => time(row.resolveAt) <= time(row.resolveDue)).length;
  const missed = view.records(MISSED_INSPECTIONS).filter((row) => String(row.key ?? '') !== '');
  const excused = missed.filter((row) => row.excused === true).length;
  const average = scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
  return [
    `Inspections   ${rows.length} (${rechecks} re-inspections): pass ${passed} · fail ${rows.length - passed}; average score ${average.toFixed(1)} %; repeat findings in ${repeats}`,
    `Rectification ${tickets.length} tickets: closed by re-inspection ${done.length} (on time ${onTime}, late ${done.length - onTime}), open ${tickets.length - done.length}`,
    `Fail streaks  longest ${Number(longest.failStreak ?? 0)}: ${String(longest.area ?? '')} / ${String(longest.template ?? '')} → ${String(longest.consequence ?? '')}`,
    `Schedule      missed slots ${missed.length}, excused ${excused}`,
  ];
}
