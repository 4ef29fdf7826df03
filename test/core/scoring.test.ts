import {
  type Answers,
  alignment,
  gradeOf,
  type Rubric,
  type RubricItem,
  roundPercent,
  scoreRubric,
} from '../../src/core/scoring';

function item(key: string, max: number, extra: Partial<RubricItem> = {}): RubricItem {
  return { key, max, weight: 1, kind: 'scored', answerKind: 'points', allowNa: true, ...extra };
}

const points = (p: number) => ({ type: 'points', points: p }) as const;
const na = { type: 'na' } as const;

describe('rubric engine', () => {
  test('N/A removes the item max: 16 of 30, not 16 of 35 (MaestroQA)', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      sections: [{ key: 's', items: [item('a', 10), item('b', 20), item('c', 5)] }],
    };
    const result = scoreRubric(rubric, { a: points(6), b: points(10), c: na });
    expect(result.rawPercent).toBeCloseTo((16 / 30) * 100, 9);
    expect(roundPercent(result.rawPercent ?? 0)).toBe(53.3);
    expect(result.items.find((i) => i.key === 'c')?.status).toBe('na');
  });

  test('weights multiply earned and max', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      sections: [{ key: 's', items: [item('a', 10, { weight: 3 }), item('b', 10, { weight: 1 })] }],
    };
    // (10×3 + 0×1) / (10×3 + 10×1) = 75 %
    expect(scoreRubric(rubric, { a: points(10), b: points(0) }).rawPercent).toBe(75);
  });

  test('yes/no, scale 1..5 and pass-rate answers map onto 0..max', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      sections: [
        {
          key: 's',
          items: [
            item('yn', 4, { answerKind: 'yesNo' }),
            item('scale', 8, { answerKind: 'scale' }),
            item('rate', 10, { answerKind: 'passRate' }),
          ],
        },
      ],
    };
    const result = scoreRubric(rubric, {
      yn: { type: 'yesNo', yes: false },
      scale: { type: 'scale', level: 3 },
      rate: { type: 'passRate', percent: 85 },
    });
    const earned = Object.fromEntries(result.items.map((i) => [i.key, i.earned]));
    expect(earned).toEqual({ yn: 0, scale: 4, rate: 8.5 });
    expect(result.rawPercent).toBeCloseTo((12.5 / 22) * 100, 9);
    const levels = [1, 2, 3, 4, 5].map(
      (level) => scoreRubric(rubric, { scale: { type: 'scale', level } }).items[1].percent,
    );
    expect(levels).toEqual([0, 25, 50, 75, 100]);
  });

  test('bonus adds to the numerator only and may exceed 100 %', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      sections: [
        { key: 's', items: [item('a', 10), item('extra', 2, { kind: 'bonus', answerKind: 'yesNo' })] },
      ],
    };
    const result = scoreRubric(rubric, { a: points(10), extra: { type: 'yesNo', yes: true } });
    expect(result.rawPercent).toBe(120);
    expect(result.finalPercent).toBe(120);
  });

  test('a failed critical item sets final to 0 and keeps raw visible', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      sections: [
        { key: 's1', items: [item('a', 10)] },
        { key: 's2', items: [item('privacy', 5, { kind: 'critical', answerKind: 'yesNo', allowNa: false })] },
      ],
    };
    const result = scoreRubric(rubric, { a: points(9), privacy: { type: 'yesNo', yes: false } });
    expect(result.rawPercent).toBeCloseTo(60, 9);
    expect(result.finalPercent).toBe(0);
    expect(result.criticalFail).toBe(true);
    expect(result.criticalFailedItems).toEqual(['privacy']);
    expect(result.passed).toBe(false);
  });

  test('scorecard option: a critical item fails only its section', () => {
    const rubric: Rubric = {
      criticalScope: 'section',
      sections: [
        { key: 's1', items: [item('a', 10)] },
        { key: 's2', items: [item('b', 10), item('crit', 10, { kind: 'critical' })] },
      ],
    };
    const result = scoreRubric(rubric, { a: points(8), b: points(10), crit: points(4) });
    // raw (8 + 10 + 4) / 30; final: section 2 earns 0 → 8 / 30
    expect(result.rawPercent).toBeCloseTo((22 / 30) * 100, 9);
    expect(result.finalPercent).toBeCloseTo((8 / 30) * 100, 9);
    expect(result.criticalFail).toBe(true);
    expect(result.sections.map((s) => s.zeroed)).toEqual([false, true]);
    expect(result.sections[1].finalPercent).toBe(0);
  });

  test('critical pass percent: 50 % by default, configurable', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      sections: [{ key: 's', items: [item('crit', 10, { kind: 'critical' })] }],
    };
    expect(scoreRubric(rubric, { crit: points(5) }).criticalFail).toBe(false);
    expect(scoreRubric(rubric, { crit: points(4.9) }).criticalFail).toBe(true);
    expect(scoreRubric({ ...rubric, criticalPassPercent: 100 }, { crit: points(9) }).criticalFail).toBe(true);
  });

  test('inspection rule: any item below 85 % fails the outcome, the score is kept (seed 000 L833)', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      itemFailBelowPercent: 85,
      sections: [
        {
          key: 's',
          items: [
            item('floor', 100, { answerKind: 'passRate' }),
            item('lift', 100, { answerKind: 'passRate' }),
          ],
        },
      ],
    };
    const ok = scoreRubric(rubric, {
      floor: { type: 'passRate', percent: 85 },
      lift: { type: 'passRate', percent: 100 },
    });
    expect(ok.passed).toBe(true);
    const bad = scoreRubric(rubric, {
      floor: { type: 'passRate', percent: 84.9 },
      lift: { type: 'passRate', percent: 100 },
    });
    expect(bad.passed).toBe(false);
    expect(bad.itemsBelowThreshold).toEqual(['floor']);
    expect(bad.finalPercent).toBeCloseTo(92.45, 9);
    expect(bad.criticalFail).toBe(false);
  });

  test('bad answers are problems, excluded from the score, never thrown', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      sections: [
        {
          key: 's',
          items: [
            item('a', 10),
            item('b', 10, { allowNa: false }),
            item('c', 10, { answerKind: 'scale' }),
            item('d', 10),
            item('e', 10),
          ],
        },
      ],
    };
    const answers: Answers = {
      a: points(11),
      b: na,
      c: { type: 'scale', level: 6 },
      d: { type: 'yesNo', yes: true },
      e: points(7),
    };
    const result = scoreRubric(rubric, answers);
    expect(result.problems.map((p) => p.key)).toEqual([
      'scoring.problem.outOfRange',
      'scoring.problem.naNotAllowed',
      'scoring.problem.outOfRange',
      'scoring.problem.wrongType',
    ]);
    expect(result.rawPercent).toBe(70);
    expect(result.items.map((i) => i.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'scored']);
  });

  test('nothing scorable gives null, not NaN', () => {
    const rubric: Rubric = { criticalScope: 'rubric', sections: [{ key: 's', items: [item('a', 10)] }] };
    const result = scoreRubric(rubric, { a: na });
    expect(result.rawPercent).toBeNull();
    expect(result.finalPercent).toBeNull();
    expect(result.sections[0].rawPercent).toBeNull();
  });

  test('grades by half-open bands A ≥ 93, B ≥ 80, C ≥ 70, else D (seed 002 §7.2)', () => {
    const bands = [
      { grade: 'A', min: 93 },
      { grade: 'B', min: 80 },
      { grade: 'C', min: 70 },
    ] as const;
    const grade = (p: number) => gradeOf(bands, 'D', p);
    expect([100, 93, 92.99, 80, 79.99, 70, 69.99, 0].map(grade)).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
    ]);
  });

  test('alignment: 10 vs 7 of 15 points is 80 % aligned, weighted by item max (MaestroQA)', () => {
    const rubric: Rubric = {
      criticalScope: 'rubric',
      sections: [{ key: 's', items: [item('a', 15), item('b', 5), item('c', 5)] }],
    };
    const benchmark = scoreRubric(rubric, { a: points(10), b: points(5), c: na });
    const grader = scoreRubric(rubric, { a: points(7), b: points(5), c: points(5) });
    const result = alignment(benchmark.items, grader.items);
    expect(result.items.map((i) => [i.key, i.percent])).toEqual([
      ['a', 80],
      ['b', 100],
    ]);
    expect(result.percent).toBeCloseTo((80 * 15 + 100 * 5) / 20, 9);
  });

  test('roundPercent rounds half away from zero at one decimal', () => {
    expect(roundPercent(79.95)).toBe(80);
    expect(roundPercent(79.94)).toBe(79.9);
    expect(roundPercent(53.333333)).toBe(53.3);
  });
});
