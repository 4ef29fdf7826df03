/** The merits ledger's rules (core/merits): catalog parsing, points, reversals, automatic entries. */
import fc from 'fast-check';
import type { KeyedRow } from '../../src/core/cells';
import {
  checkReversal,
  entryAmount,
  entryPoints,
  type LedgerEntry,
  parseMeritCatalog,
  planAutomatic,
  standingEntries,
} from '../../src/core/merits';
import { bothLanguages } from '../../src/i18n';

const POINTS = { A2: 10, A1: 5, B1: 2, C1: 1 };

function rows(values: Array<Record<string, string>>): KeyedRow[] {
  return values.map((row, i) => ({ row: i + 2, values: row }));
}

describe('⚙ Merit catalog', () => {
  it('reads levels and signs in either language, "−B1" in the level cell, and reports bad rows with their reason', () => {
    const parsed = parseMeritCatalog(
      rows([
        { item: 'Left the post', level: 'B1', sign: '− Demerit' },
        { item: '拾金不昧', level: 'B1', sign: '+ 奖' },
        { item: 'Late', level: '-C1', sign: '' },
        { item: 'Bad level', level: 'D9', sign: '+' },
        { item: 'Bad sign', level: 'A1', sign: 'maybe' },
        { item: 'Praise', level: 'A1', sign: '+', automatic: 'Praise from a customer' },
        { item: 'Praise again', level: 'A1', sign: '+', automatic: '顾客表扬' },
      ]),
      bothLanguages,
    );
    expect(parsed.value.map((entry) => [entry.item, entry.level, entry.sign, entry.automatic])).toEqual([
      ['Left the post', 'B1', 'demerit', null],
      ['拾金不昧', 'B1', 'merit', null],
      ['Late', 'C1', 'demerit', null],
      ['Praise', 'A1', 'merit', 'praise'],
      ['Praise again', 'A1', 'merit', null],
    ]);
    expect(parsed.issues.map((issue) => [issue.row, issue.reason])).toEqual([
      [5, { key: 'merits.issue.badLevel', params: { value: 'D9' } }],
      [6, { key: 'merits.issue.badSign', params: { value: 'maybe' } }],
      [
        8,
        { key: 'merits.issue.automaticTwice', params: { rule: { key: 'enum.meritRule.praise' }, first: 7 } },
      ],
    ]);
  });

  it('points per level (A2 10, A1 5, B1 2, C1 1): a demerit is negative; money per point is optional', () => {
    expect(entryPoints('A2', 'merit', POINTS)).toBe(10);
    expect(entryPoints('A1', 'merit', POINTS)).toBe(5);
    expect(entryPoints('B1', 'demerit', POINTS)).toBe(-2);
    expect(entryPoints('C1', 'demerit', POINTS)).toBe(-1);
    expect(entryAmount(-2, '')).toBe('');
    expect(entryAmount(-2, 12.5)).toBe(25);
  });
});

function entry(partial: Partial<LedgerEntry> & { entryId: string }): LedgerEntry {
  return {
    staff: 'Zhang Wei',
    points: -2,
    rule: 'substantiated',
    evidence: 'CMP-1',
    state: 'entered',
    reverses: '',
    ...partial,
  };
}

describe('the ledger', () => {
  it('a reversal takes its entry out of what stands; a second correction of the same entry is refused', () => {
    const original = entry({ entryId: 'MR-1' });
    const reversal = entry({ entryId: 'MR-2', points: 2, state: 'reversal', reverses: 'MR-1' });
    expect(standingEntries([original], 'substantiated')).toEqual([original]);
    expect(standingEntries([original, reversal], 'substantiated')).toEqual([]);
    expect(checkReversal([original], 'mr-1')).toEqual({ ok: true, entry: original });
    expect(checkReversal([original, reversal], 'MR-1')).toEqual({
      ok: false,
      review: { key: 'merits.review.alreadyReversed', params: { id: 'MR-1', by: 'MR-2' } },
    });
    expect(checkReversal([original, reversal], 'MR-2').ok).toBe(false);
    expect(checkReversal([], 'MR-9')).toEqual({
      ok: false,
      review: { key: 'merits.review.unknownEntry', params: { id: 'MR-9' } },
    });
  });

  it('automatic entries: added once, kept when unchanged, reversed when withdrawn, moved to a new person', () => {
    const standing = entry({ entryId: 'MR-1' });
    expect(planAutomatic([], 'substantiated', 'Zhang Wei')).toEqual({ reverse: [], add: true });
    expect(planAutomatic([standing], 'substantiated', 'zhang wei')).toEqual({ reverse: [], add: false });
    expect(planAutomatic([standing], 'substantiated', null)).toEqual({ reverse: [standing], add: false });
    expect(planAutomatic([standing], 'substantiated', 'Liu Yang')).toEqual({
      reverse: [standing],
      add: true,
    });
    // Another rule's entry on the same evidence is not this rule's business.
    expect(planAutomatic([entry({ entryId: 'MR-3', rule: 'form' })], 'substantiated', null)).toEqual({
      reverse: [],
      add: false,
    });
  });

  it('property: applying a plan and planning again plans nothing, and at most one entry stands per evidence', () => {
    const people = fc.constantFrom('Zhang Wei', 'Liu Yang', null);
    fc.assert(
      fc.property(fc.array(people, { maxLength: 12 }), (sequence) => {
        const ledger: LedgerEntry[] = [];
        let n = 0;
        for (const wanted of sequence) {
          const plan = planAutomatic(ledger, 'substantiated', wanted);
          for (const reversed of plan.reverse)
            ledger.push(
              entry({
                entryId: `MR-${++n}`,
                points: -reversed.points,
                state: 'reversal',
                reverses: reversed.entryId,
                staff: reversed.staff,
              }),
            );
          if (plan.add && wanted) ledger.push(entry({ entryId: `MR-${++n}`, staff: wanted }));
          expect(planAutomatic(ledger, 'substantiated', wanted)).toEqual({ reverse: [], add: false });
          const stand = standingEntries(ledger, 'substantiated');
          expect(stand.length).toBe(wanted ? 1 : 0);
          // The ledger's sum is the standing entry's points: reversals cancel exactly.
          expect(ledger.reduce((sum, e) => sum + e.points, 0)).toBe(wanted ? -2 : 0);
        }
      }),
    );
  });
});
