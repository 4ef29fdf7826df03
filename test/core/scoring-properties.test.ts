import fc from 'fast-check';
import { type Answer, type Rubric, type RubricItem, scoreRubric } from '../../src/core/scoring';

/** A rubric with one to three sections of points items (some critical or bonus) and a matching answer set. */
const itemArb = fc.record({
  max: fc.integer({ min: 1, max: 20 }),
  weight: fc.integer({ min: 0, max: 5 }),
  kind: fc.constantFrom<RubricItem['kind']>('scored', 'scored', 'critical', 'bonus'),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  na: fc.boolean(),
});

const caseArb = fc
  .record({
    sections: fc.array(fc.array(itemArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
    scope: fc.constantFrom<Rubric['criticalScope']>('rubric', 'section'),
  })
  .map(({ sections, scope }) => {
    const answers: Record<string, Answer> = {};
    const rubric: Rubric = {
      criticalScope: scope,
      sections: sections.map((items, s) => ({
        key: `s${s}`,
        items: items.map((it, i) => {
          const key = `s${s}i${i}`;
          answers[key] = it.na ? { type: 'na' } : { type: 'points', points: it.fraction * it.max };
          return { key, max: it.max, weight: it.weight, kind: it.kind, answerKind: 'points', allowNa: true };
        }),
      })),
    };
    return { rubric, answers };
  });

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

describe('rubric engine properties', () => {
  test('adding an N/A item never changes the score', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 50 }), fc.nat(), ({ rubric, answers }, max, at) => {
        const before = scoreRubric(rubric, answers);
        const s = at % rubric.sections.length;
        const extra: RubricItem = {
          key: 'extra',
          max,
          weight: 2,
          kind: 'scored',
          answerKind: 'points',
          allowNa: true,
        };
        const sections = rubric.sections.map((sec, i) =>
          i === s ? { ...sec, items: [...sec.items, extra] } : sec,
        );
        const after = scoreRubric({ ...rubric, sections }, { ...answers, extra: { type: 'na' } });
        return close(before.rawPercent, after.rawPercent) && close(before.finalPercent, after.finalPercent);
      }),
    );
  });

  test('scaling every weight by the same factor never changes the score', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 100 }), ({ rubric, answers }, factor) => {
        const scaled: Rubric = {
          ...rubric,
          sections: rubric.sections.map((s) => ({
            ...s,
            items: s.items.map((i) => ({ ...i, weight: i.weight * factor })),
          })),
        };
        const a = scoreRubric(rubric, answers);
        const b = scoreRubric(scaled, answers);
        return close(a.rawPercent, b.rawPercent) && close(a.finalPercent, b.finalPercent);
      }),
    );
  });

  test('final ≤ raw when there is no bonus; final = raw without a critical fail', () => {
    fc.assert(
      fc.property(caseArb, ({ rubric, answers }) => {
        const r = scoreRubric(rubric, answers);
        if (r.rawPercent === null) return r.finalPercent === null;
        const hasBonus = rubric.sections.some((s) => s.items.some((i) => i.kind === 'bonus'));
        if (!r.criticalFail && !close(r.finalPercent, r.rawPercent)) return false;
        return hasBonus || (r.finalPercent ?? 0) <= r.rawPercent + 1e-9;
      }),
    );
  });

  test('raising one earned value never lowers the raw or final score; without bonus raw stays within 0..100', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ rubric, answers }, pick, up) => {
          const items = rubric.sections.flatMap((s) => s.items);
          const target = items[pick % items.length];
          const current = answers[target.key];
          if (current.type !== 'points') return true;
          const raised = current.points + up * (target.max - current.points);
          const before = scoreRubric(rubric, answers);
          const after = scoreRubric(rubric, { ...answers, [target.key]: { type: 'points', points: raised } });
          const hasBonus = items.some((i) => i.kind === 'bonus');
          const bounded =
            hasBonus ||
            before.rawPercent === null ||
            (before.rawPercent >= 0 && before.rawPercent <= 100 + 1e-9);
          return (
            bounded &&
            (before.rawPercent ?? 0) <= (after.rawPercent ?? 0) + 1e-9 &&
            (before.finalPercent ?? 0) <= (after.finalPercent ?? 0) + 1e-9
          );
        },
      ),
    );
  });

  test('deterministic: the same input gives the same result', () => {
    fc.assert(
      fc.property(caseArb, ({ rubric, answers }) => {
        expect(scoreRubric(rubric, answers)).toEqual(scoreRubric(rubric, answers));
      }),
    );
  });
});
