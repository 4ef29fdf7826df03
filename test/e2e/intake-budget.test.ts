/** SPEC §15: one intake submit costs ≤ 15 Sheets service calls, the same at 10 and at 100,000 tickets. */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, rowsOf } from '../helpers/desk';
import { fillTickets } from '../helpers/fixtures';
import { complaint, submitIntake } from '../helpers/intake';

const BUDGET = 15;

function callsForOneSubmit(emu: Emulator): number {
  // A first submit warms the caches (settings rows, header maps), as on any working day.
  submitIntake(emu, complaint({ phone: '13700000001' }));
  emu.counts.reset();
  submitIntake(emu, complaint({ phone: '13700000002' }));
  return emu.counts.sheets();
}

describe('intake call budget', () => {
  it(`≤ ${BUDGET} Sheets calls with 10 existing tickets, and the same count with 100,000`, () => {
    const small = newDesk({ lang: 'en' });
    fillTickets(small, 10);
    const atTen = callsForOneSubmit(small);

    const large = newDesk({ lang: 'en' });
    fillTickets(large, 100_000);
    const atHundredThousand = callsForOneSubmit(large);

    expect(atTen).toBeLessThanOrEqual(BUDGET);
    expect(atHundredThousand).toBe(atTen);
    expect(rowsOf(large, 'Tickets')).toHaveLength(100_002);
  });
});
