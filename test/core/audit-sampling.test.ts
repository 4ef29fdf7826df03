import fc from 'fast-check';
import { drawSample, type SampleCandidate } from '../../src/core/audits/sampling';

function ticket(id: string, extra: Partial<SampleCandidate> = {}): SampleCandidate {
  return { id, staff: 'A', type: 'inquiry', channel: 'phone', reopened: false, satisfaction: null, ...extra };
}

describe('weekly audit sample', () => {
  test('N per person besides the must-includes; satisfaction ≤ 2 and reopened always in, 3 not', () => {
    const tickets = [
      ticket('T1'),
      ticket('T2'),
      ticket('T3'),
      ticket('T4', { satisfaction: 2 }),
      ticket('T5', { satisfaction: 3 }),
      ticket('T6', { reopened: true }),
      ticket('B1', { staff: 'B' }),
    ];
    const sample = drawSample(tickets, new Set(), 2, '2026-W10');
    const a = sample.filter((s) => s.ticket.staff === 'A');
    expect(a.filter((s) => s.reason !== 'random').map((s) => [s.ticket.id, s.reason])).toEqual(
      expect.arrayContaining([
        ['T4', 'dissatisfied'],
        ['T6', 'reopened'],
      ]),
    );
    expect(a.filter((s) => s.reason === 'random')).toHaveLength(2);
    expect(sample.filter((s) => s.ticket.staff === 'B').map((s) => s.ticket.id)).toEqual(['B1']);
  });

  test('spread: with 2 per person and two channels, one of each', () => {
    const tickets = [
      ticket('P1'),
      ticket('P2'),
      ticket('P3'),
      ticket('E1', { channel: 'email' }),
      ticket('E2', { channel: 'email' }),
    ];
    const channels = drawSample(tickets, new Set(), 2, 'seed').map((s) => s.ticket.channel);
    expect(channels.sort()).toEqual(['email', 'phone']);
  });

  test('never an excluded ticket (audited or sampled before); the same seed gives the same sample', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            n: fc.nat(50),
            staff: fc.constantFrom('A', 'B', 'C'),
            ch: fc.constantFrom('phone', 'email'),
          }),
          {
            maxLength: 40,
          },
        ),
        fc.nat(3),
        fc.string(),
        (rows, perPerson, seed) => {
          const unique = [...new Map(rows.map((r) => [r.n, r])).values()];
          const tickets = unique.map((r) => ticket(`T${r.n}`, { staff: r.staff, channel: r.ch }));
          const excluded = new Set(tickets.filter((_, i) => i % 3 === 0).map((t) => t.id));
          const sample = drawSample(tickets, excluded, perPerson, seed);
          const again = drawSample([...tickets].reverse(), excluded, perPerson, seed);
          const perStaff = new Map<string, number>();
          for (const s of sample) perStaff.set(s.ticket.staff, (perStaff.get(s.ticket.staff) ?? 0) + 1);
          return (
            sample.every((s) => !excluded.has(s.ticket.id)) &&
            [...perStaff.values()].every((n) => n <= perPerson) &&
            JSON.stringify(sample.map((s) => s.ticket.id).sort()) ===
              JSON.stringify(again.map((s) => s.ticket.id).sort())
          );
        },
      ),
    );
  });
});
