import { type FinaliseCandidate, planFinalising } from '../../src/core/audits';

const DAY = 86_400_000;
const row = (
  n: number,
  at: number,
  state: FinaliseCandidate['state'],
  kind: FinaliseCandidate['kind'] = 'normal',
): FinaliseCandidate => ({
  row: n,
  auditId: `QA-${n}`,
  at: new Date(at),
  kind,
  state,
});

describe('planFinalising', () => {
  const dueOf = (at: Date) => at.getTime() + 7 * DAY;

  it('locks scored and acknowledged normal audits past their window and stops at the first still open', () => {
    const rows = [
      row(2, 0, 'scored'),
      row(3, DAY, 'acknowledged'),
      row(4, DAY, 'appealed'),
      row(5, DAY, 'needsReview'),
      row(6, 2 * DAY, 'scored', 'calibration'),
      row(7, 5 * DAY, 'scored'),
      row(8, 6 * DAY, 'scored'),
    ];
    const plan = planFinalising(rows, 2, 10 * DAY, dueOf);
    expect(plan.lock.map((r) => r.auditId)).toEqual(['QA-2', 'QA-3']);
    expect(plan).toMatchObject({ nextRow: 7, nextDue: 12 * DAY });
  });

  it('walks to the end of the block when every window has closed', () => {
    const plan = planFinalising([row(9, 0, 'scored'), row(10, 0, 'locked')], 9, 8 * DAY, dueOf);
    expect(plan).toMatchObject({ nextRow: 11, nextDue: null });
    expect(plan.lock).toHaveLength(1);
  });

  it('an empty block leaves the cursor where it was', () => {
    expect(planFinalising([], 4, 0, dueOf)).toEqual({ lock: [], nextRow: 4, nextDue: null });
  });
});
