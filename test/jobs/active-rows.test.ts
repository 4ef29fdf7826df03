/** Where the tickets still being worked begin (src/jobs/active-rows.ts): the window My queue reads. */
import { planActiveWindow } from '../../src/jobs/active-rows';

type Values = Parameters<typeof planActiveWindow>[0][number]['values'];

function rows(...values: Array<Partial<Values>>) {
  return values.map((v, i) => ({
    row: i + 2,
    values: { id: `T-${i + 2}`, status: 'closed', callbackState: 'done', ...v } as Values,
  }));
}

describe('planActiveWindow', () => {
  it('starts at the settled row above the first active ticket, anchored by it and by the last row', () => {
    expect(planActiveWindow(rows({}, {}, { status: 'inProgress' }, {}, { status: 'new' }))).toEqual({
      from: 3,
      fromId: 'T-3',
      last: 6,
      lastId: 'T-6',
    });
  });

  it('a callback still to be made is active: waiting, due, overdue or invalid; done and unreachable are not', () => {
    for (const callbackState of ['waiting', 'due', 'overdue', 'invalid'] as const)
      expect(planActiveWindow(rows({}, { status: 'resolved', callbackState }, {}))?.from).toBe(2);
    for (const callbackState of ['done', 'unreachable', 'notRequired'] as const)
      expect(planActiveWindow(rows({}, { status: 'resolved', callbackState }, {}))?.from).toBe(4);
  });

  it('the first row active: every row from the header; nothing active: from the last row; a status typed by hand counts', () => {
    expect(planActiveWindow(rows({ status: 'reopened' }, {}))).toMatchObject({ from: 1, fromId: '' });
    expect(planActiveWindow(rows({}, {}, {}))).toMatchObject({ from: 4, fromId: 'T-4', last: 4 });
    expect(planActiveWindow(rows({}, { status: '' }, {}))?.from).toBe(2);
    // A blank row (no ID) is not a ticket.
    expect(planActiveWindow(rows({}, { id: '', status: '' }, {}))?.from).toBe(4);
    expect(planActiveWindow([])).toBeNull();
  });
});
