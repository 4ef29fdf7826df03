import type { CellValue, KeyedRow } from '../../src/core/cells';
import {
  bestAreas,
  blindSpots,
  type ChecklistTemplate,
  carryOver,
  complianceBand,
  complianceOf,
  defaultAreaRows,
  defaultChecklistRows,
  EMPTY_STATE,
  evaluateInspection,
  findTemplate,
  type InspectionAnswer,
  type InspectionFact,
  nextState,
  parseAreas,
  parseChecklists,
  parseGrades,
  recheckDue,
  type ScheduleState,
  slotAt,
  slotStatuses,
  slotsBetween,
} from '../../src/core/inspections';
import { bothLanguages } from '../../src/i18n';
import { showIssues } from '../../src/jobs/settings';
import { china, cst } from './calendar-helpers';

const keyed = (records: readonly object[]): KeyedRow[] =>
  records.map((values, i) => ({ row: i + 2, values: { ...values } as Record<string, CellValue> }));

function templates(lang: 'zh-CN' | 'en' = 'en'): ChecklistTemplate[] {
  const parsed = parseChecklists(keyed(defaultChecklistRows(lang)), bothLanguages);
  expect(parsed.issues).toEqual([]);
  return parsed.templates;
}

function template(name: string): ChecklistTemplate {
  const found = findTemplate(templates(), name);
  if (!found) throw new Error(`no template ${name}`);
  return found;
}

/** Every item passes except the given keys' answers. */
function answers(t: ChecklistTemplate, overrides: Record<string, InspectionAnswer> = {}) {
  const all: Record<string, InspectionAnswer> = {};
  for (const item of t.items)
    all[item.key] = item.kind === 'passRate' ? { type: 'passRate', percent: 100 } : { type: 'pass' };
  return { ...all, ...overrides };
}

describe('⚙ Checklists', () => {
  test('the seed defaults parse without issues in both languages: four templates', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const parsed = templates(lang);
      expect(parsed).toHaveLength(4);
      // Daily spot check: 7 public areas (seed 003 L368) × 4 aspects (seed 001 L451).
      expect(parsed[0].items).toHaveLength(28);
      expect(parsed[1].items).toHaveLength(5);
      expect(parsed[3].anyItemFails).toBe(true);
      expect(parsed[3].grades.map((g) => g.min)).toEqual([95, 90, 85]);
      expect(parsed[3].consequences[2]).not.toBe('');
    }
  });

  test('a bad row is reported with its row and reason and left out; the rest still parse', () => {
    const rows = defaultChecklistRows('en');
    rows[2] = { ...rows[2], answerKind: 'Thumbs' as never };
    rows[3] = { ...rows[3], rectifyDays: 0 };
    const parsed = parseChecklists(keyed(rows), bothLanguages);
    expect(parsed.issues.map((issue) => issue.row)).toEqual([4, 5]);
    expect(showIssues('en', parsed.issues)[0].reason).toMatch(/Answer kind/);
    expect(parsed.templates[0].items).toHaveLength(26);
  });

  test('grade bands are read from what a manager types, highest first', () => {
    expect(parseGrades('合格 85；优秀 95，良好 90')).toEqual([
      { label: '优秀', min: 95 },
      { label: '良好', min: 90 },
      { label: '合格', min: 85 },
    ]);
    expect(parseGrades('Excellent ≥ 95%')).toEqual([{ label: 'Excellent', min: 95 }]);
    expect(parseGrades('Excellent')).toBeNull();
  });
});

describe('⚙ Areas', () => {
  test('defaults parse; an unknown template or frequency is reported', () => {
    const list = templates();
    const parsed = parseAreas(keyed(defaultAreaRows('en')), list, bothLanguages);
    expect(parsed.issues).toEqual([]);
    expect(parsed.areas.find((a) => a.sevenDay)?.area).toBe('Clubhouse');
    const rows = defaultAreaRows('en');
    rows[0] = { ...rows[0], templates: 'Nightly check' };
    rows[1] = { ...rows[1], frequency: 'hourly' as never };
    const bad = parseAreas(keyed(rows), list, bothLanguages);
    expect(bad.issues.map((issue) => issue.row)).toEqual([2, 2, 3]);
    expect(bad.areas).toHaveLength(rows.length - 2);
  });
});

describe('completion inspection grading (seed 000 L833)', () => {
  const completion = () => template('Completion inspection');
  const rates = (percent: number, low?: number) => {
    const t = completion();
    // The equipment item N/A, so the overall rate is the sub-items' rate alone.
    const overrides: Record<string, InspectionAnswer> = { [t.items[0].key]: { type: 'na' } };
    for (const item of t.items)
      if (item.kind === 'passRate') overrides[item.key] = { type: 'passRate', percent };
    if (low !== undefined) overrides[t.items[1].key] = { type: 'passRate', percent: low };
    return evaluateInspection(t, answers(t, overrides));
  };

  test('≥ 95 % Excellent, ≥ 90 % Good, ≥ 85 % Pass; bands are half-open', () => {
    expect(rates(100).grade).toEqual({ kind: 'band', label: 'Excellent' });
    expect(rates(95).grade).toEqual({ kind: 'band', label: 'Excellent' });
    expect(rates(94.9).grade).toEqual({ kind: 'band', label: 'Good' });
    expect(rates(90).grade).toEqual({ kind: 'band', label: 'Good' });
    expect(rates(89.9).grade).toEqual({ kind: 'band', label: 'Pass' });
    expect(rates(85).passed).toBe(true);
  });

  test('any sub-item below 85 % fails the inspection even when the overall rate is good', () => {
    const result = rates(97, 84);
    // 6 rates: (0.97×5 + 0.84) / 6 = 94.83 %.
    expect(result.scorePercent).toBe(94.8);
    expect(result.passed).toBe(false);
    expect(result.grade).toEqual({ kind: 'fail' });
    expect(result.failedItems.map((item) => item.item.item)).toEqual(['Plumbing and electrical']);
    expect(rates(97, 85).passed).toBe(true);
  });

  test('a failed critical item (no calibrated equipment, L829) fails it at 0 %, raw kept', () => {
    const t = completion();
    const result = evaluateInspection(t, answers(t, { [t.items[0].key]: { type: 'fail' } }));
    expect(result.criticalFail).toBe(true);
    expect(result.scorePercent).toBe(0);
    expect(result.rawPercent).toBe(85.7);
    expect(result.passed).toBe(false);
  });
});

describe('other templates: pass mark per template', () => {
  test('daily check: 40-item-like fails keep the score; below the 90 % pass mark it fails', () => {
    const daily = template('Daily area check');
    const three = Object.fromEntries(daily.items.slice(0, 3).map((i) => [i.key, { type: 'fail' } as const]));
    const result = evaluateInspection(daily, answers(daily, three));
    // 25 of 28 passed = 89.3 % < 90.
    expect(result.scorePercent).toBe(89.3);
    expect(result.failedItems).toHaveLength(3);
    expect(result.passed).toBe(false);
    const two = Object.fromEntries(daily.items.slice(0, 2).map((i) => [i.key, { type: 'fail' } as const]));
    const passing = evaluateInspection(daily, answers(daily, two));
    expect(passing.scorePercent).toBe(92.9);
    expect(passing.passed).toBe(true);
    expect(passing.grade).toEqual({ kind: 'pass' });
    // Failed items still get rectification even when the inspection passes.
    expect(passing.failedItems).toHaveLength(2);
  });

  test('N/A items are left out of the score; unanswered items are reported', () => {
    const weekly = template('Weekly building check');
    const withNa = evaluateInspection(
      weekly,
      answers(weekly, { [weekly.items[0].key]: { type: 'na' }, [weekly.items[1].key]: { type: 'fail' } }),
    );
    expect(withNa.scorePercent).toBe(75);
    const partial = evaluateInspection(weekly, { [weekly.items[0].key]: { type: 'pass' } });
    expect(partial.unanswered).toHaveLength(4);
  });
});

describe('fail streaks, consequences and repeat findings (seed 000 L835)', () => {
  test('1st, 2nd, 3rd consecutive fail carry the configured consequences; a pass resets', () => {
    const t = template('Completion inspection');
    const failing = evaluateInspection(
      t,
      answers(t, { [t.items[2].key]: { type: 'passRate', percent: 70 } }),
    );
    let state: ScheduleState = EMPTY_STATE;
    const consequences: string[] = [];
    for (let n = 1; n <= 3; n++) {
      const carry = carryOver(t, state, failing.items, failing.passed);
      expect(carry.streak).toBe(n);
      consequences.push(carry.consequence);
      expect(carry.repeats).toHaveLength(n === 1 ? 0 : 1);
      // The item stays open after the first fail: no second ticket for it.
      expect(carry.newFailures).toHaveLength(n === 1 ? 1 : 0);
      const opened = carry.newFailures.map((item) => ({
        itemKey: item.item.key,
        ticketId: 'REP-2026-00001',
        ticketRow: 2,
        due: cst(`2026-03-0${n + 2}T10:00`),
        inspectionId: `IN-2026-0000${n}`,
      }));
      state = nextState(`IN-2026-0000${n}`, n, carry, failing.items, opened);
    }
    expect(consequences).toEqual([
      'Minor fault',
      'Serious fault',
      'Person replaced, ¥500 fine, no new orders for 3 months',
    ]);
    const passing = evaluateInspection(t, answers(t));
    const carry = carryOver(t, state, passing.items, passing.passed);
    expect(carry.streak).toBe(0);
    expect(carry.consequence).toBe('');
    expect(carry.closes.map((open) => open.ticketId)).toEqual(['REP-2026-00001']);
    expect(carry.recheckOf).toBe('IN-2026-00001');
  });

  test('the re-inspection is due at the latest rectification deadline', () => {
    expect(
      recheckDue([
        { itemKey: 'a', ticketId: 'x', ticketRow: 2, due: 5, inspectionId: 'i' },
        { itemKey: 'b', ticketId: 'y', ticketRow: 3, due: 9, inspectionId: 'i' },
      ]),
    ).toBe(9);
    expect(recheckDue([])).toBeNull();
  });
});

describe('schedule compliance', () => {
  // Week of Labour Day 2026: Fri 05-01 … Tue 05-05 off, Sat 05-09 a make-up working day.
  const from = cst('2026-04-27T00:00');
  const to = cst('2026-05-11T00:00');

  test('daily slots are the working days (holidays out, make-up day in); a 7-day area is due every day', () => {
    const daily = slotsBetween(china, 'daily', false, from, to);
    expect(daily.map((slot) => slot.label)).toEqual([
      '2026-04-27',
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08',
      '2026-05-09',
    ]);
    expect(slotsBetween(china, 'daily', true, from, to)).toHaveLength(14);
  });

  test('weekly slots are ISO weeks with a working day; monthly slots are months', () => {
    expect(slotsBetween(china, 'weekly', false, from, to).map((s) => s.label)).toEqual([
      '2026-W18',
      '2026-W19',
    ]);
    expect(
      slotsBetween(china, 'monthly', false, cst('2026-04-01T00:00'), cst('2026-06-01T00:00')).map(
        (s) => s.label,
      ),
    ).toEqual(['2026-04', '2026-05']);
    expect(slotsBetween(china, 'onDemand', false, from, to)).toEqual([]);
    expect(slotAt(china, 'weekly', false, cst('2026-05-07T15:00'))?.label).toBe('2026-W19');
    expect(slotAt(china, 'daily', false, cst('2026-05-02T15:00'))).toBeNull();
  });

  test('compliance = done / (due − excused) over closed slots; the slot in progress is not counted', () => {
    const slots = slotsBetween(china, 'daily', false, from, to);
    const done = [
      cst('2026-04-27T10:00'),
      cst('2026-04-28T16:00'),
      cst('2026-04-30T09:30'),
      cst('2026-05-06T11:00'),
    ];
    const now = cst('2026-05-08T12:00');
    const statuses = slotStatuses(slots, done, new Set(['2026-04-29']), now);
    expect(statuses.map((s) => s.state)).toEqual([
      'done',
      'done',
      'excused',
      'done',
      'done',
      'missed',
      'due',
      'due',
    ]);
    const compliance = complianceOf(statuses, now);
    expect(compliance).toMatchObject({ due: 6, done: 4, excused: 1, missed: 1 });
    expect(compliance.percent).toBe(80);
  });

  test('bands: ≥ 90 % compliant, 70–89 % at risk, < 70 % non-compliant (half-open)', () => {
    const thresholds = { compliantPercent: 90, atRiskPercent: 70 };
    expect(complianceBand(90, thresholds)).toBe('compliant');
    expect(complianceBand(89.99, thresholds)).toBe('atRisk');
    expect(complianceBand(70, thresholds)).toBe('atRisk');
    expect(complianceBand(69.99, thresholds)).toBe('nonCompliant');
  });
});

describe('blind spots and best areas', () => {
  const areas = parseAreas(keyed(defaultAreaRows('en')), templates(), bothLanguages).areas;
  const fact = (id: string, area: string, score: number, passed = true): InspectionFact => ({
    id,
    at: 0,
    area,
    template: 'Daily area check',
    scorePercent: score,
    passed,
  });

  test('an area whose inspections all pass while its linked category gets ≥ 3 complaints is a blind spot', () => {
    const inspections = [
      fact('IN-1', 'Building 1 common areas', 100),
      fact('IN-2', 'Building 2 common areas', 80, false),
    ];
    const complaints = [1, 2, 3].map((n) => ({ id: `CMP-${n}`, category: 'Environment and hygiene' }));
    expect(blindSpots(areas, inspections, complaints, 3).map((spot) => spot.area)).toEqual([
      'Building 1 common areas',
    ]);
    expect(blindSpots(areas, inspections, complaints.slice(0, 2), 3)).toEqual([]);
  });

  test('best areas: ≥ 95 % and no complaint in the linked category; top 10 %, at most 3', () => {
    const inspections = Array.from({ length: 40 }, (_, i) => fact(`IN-${i}`, `Area ${i}`, 90 + (i % 11)));
    inspections.push(fact('IN-x', 'Building 1 common areas', 100));
    const rule = { minScore: 95, sharePercent: 10, max: 3 };
    const complaints = [{ id: 'CMP-1', category: 'Environment and hygiene' }];
    const best = bestAreas(areas, inspections, complaints, rule);
    expect(best).toHaveLength(3);
    expect(best.every((area) => area.averagePercent >= 95)).toBe(true);
    expect(best.map((area) => area.area)).not.toContain('Building 1 common areas');
    // 7 areas inspected → round(0.7) = 1 named.
    expect(bestAreas(areas, inspections.slice(0, 7), [], rule)).toHaveLength(1);
  });
});
