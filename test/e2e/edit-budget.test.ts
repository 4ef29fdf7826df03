/**
 * An edit of the Tickets sheet is a person's action, like an intake submit (SPEC §15 gives no line for
 * it): its Sheets calls are the same at 1,000 and 100,000 tickets, and the edited range is read from
 * the event in 3 calls (its A1 notation and its sheet's name) where the four getters took 6.
 */
import { cellOf, newDesk, rowsOf } from '../helpers/desk';
import { fillTickets } from '../helpers/fixtures';
import { complaint, submitIntake } from '../helpers/intake';

const EDIT_CALLS = 17;
/** Two rows pasted: each row's changed cells and deadline notes are written. */
const PASTE_CALLS = 21;
const CELLS = 5_000;

function measuredEdits(tickets: number): { single: number; paste: number; cells: number } {
  const emu = newDesk({ lang: 'en' });
  fillTickets(emu, tickets);
  submitIntake(emu, complaint({ phone: '13700000001' }));
  submitIntake(emu, complaint({ phone: '13700000002' }));
  const rows = rowsOf(emu, 'Tickets');
  const first = rows.length; // the two new tickets are the last two rows (+1 for the header)
  emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Resolution', first), [['warm']]); // warms the caches
  emu.counts.reset();
  emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', first), [['In progress']]);
  const single = emu.counts.sheets();
  const cells = emu.counts.cells().read;
  // Two rows pasted at once: the range's A1 notation spans both rows.
  const status = cellOf(emu, 'Tickets', 'Status', first).replace(/\d+$/, '');
  emu.counts.reset();
  emu.editCells('Tickets', `${status}${first}:${status}${first + 1}`, [
    ['Waiting on customer'],
    ['In progress'],
  ]);
  const paste = emu.counts.sheets();
  const after = rowsOf(emu, 'Tickets');
  expect(after[first - 2].Status).toBe('Waiting on customer');
  expect(after[first - 1].Status).toBe('In progress');
  return { single, paste, cells };
}

describe('edit budget', () => {
  it(`a Status edit ≤ ${EDIT_CALLS} Sheets calls and ≤ ${CELLS} cells read, the same at 1,000 and 100,000 tickets; a two-row paste ≤ ${PASTE_CALLS}`, () => {
    const small = measuredEdits(1_000);
    const large = measuredEdits(100_000);
    console.log(`Status edit: ${JSON.stringify({ small, large })}`);
    expect(small.single).toBeLessThanOrEqual(EDIT_CALLS);
    expect(small.paste).toBeLessThanOrEqual(PASTE_CALLS);
    expect(large).toEqual(small);
    expect(large.cells).toBeLessThanOrEqual(CELLS);
  }, 120_000);
});
