/** Manual edits of the Tickets sheet through the installable onEdit (SPEC §4). */
import type { Emulator } from '../../scripts/emulator';
import { cellOf, lastRunAt, newDesk, noteOf, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

const HOUR = 3_600_000;

function deskWithTicket(overrides = {}): Emulator {
  const emu = newDesk({ lang: 'en' });
  submitIntake(emu, complaint(overrides));
  return emu;
}

function edit(emu: Emulator, header: string, value: string, row = 2): void {
  emu.editCells('Tickets', cellOf(emu, 'Tickets', header, row), [[value]]);
}

function ticket(emu: Emulator, row = 2): Record<string, unknown> {
  return rowsOf(emu, 'Tickets')[row - 2];
}

describe('status edits follow the state machine', () => {
  it('New → In progress is allowed and logged in History', () => {
    const emu = deskWithTicket();
    emu.clock.advance(HOUR);
    edit(emu, 'Status', 'In progress');
    expect(ticket(emu).Status).toBe('In progress');
    const history = rowsOf(emu, 'History');
    expect(history.at(-1)).toMatchObject({ Field: 'Status', 'Old value': 'New', 'New value': 'In progress' });
  });

  it('New → Closed is refused: the cell is restored and a note says why', () => {
    const emu = deskWithTicket();
    edit(emu, 'Status', 'Closed');
    expect(ticket(emu).Status).toBe('New');
    expect(noteOf(emu, 'Tickets', 'Status', 2)).toMatch(/cannot go from “New” to “Closed”/);
    expect(rowsOf(emu, 'History')).toHaveLength(1);
  });

  it('Resolved needs a Resolution; with one it sets Resolved at and opens the 0–14 d callback window of a General complaint', () => {
    const emu = deskWithTicket();
    edit(emu, 'Status', 'In progress');
    edit(emu, 'Status', 'Resolved');
    expect(ticket(emu).Status).toBe('In progress');
    expect(noteOf(emu, 'Tickets', 'Status', 2)).toMatch(/Resolution/);

    edit(emu, 'Resolution', 'Replaced the pipe joint.');
    emu.clock.advance(2 * HOUR);
    edit(emu, 'Status', 'Resolved');
    const resolved = ticket(emu);
    expect(resolved.Status).toBe('Resolved');
    expect(resolved['Resolved at']).toEqual(lastRunAt(emu));
    const due = (resolved['Callback due'] as Date).getTime() - (resolved['Resolved at'] as Date).getTime();
    expect(due).toBe(14 * 24 * HOUR);
    expect(noteOf(emu, 'Tickets', 'Status', 2)).toBe('');
  });

  it('Waiting on customer pauses the resolve clock: the due date moves by the paused business time', () => {
    const emu = deskWithTicket();
    edit(emu, 'Status', 'In progress');
    const dueBefore = (ticket(emu)['Resolve due'] as Date).getTime();
    // Service calls take time, so the clock is past Mon 10:00 by now; the pause is put at half past (the
    // hourly run takes the first seconds of each hour): Tue 09:30 → 11:30 Shanghai, 2 business hours.
    emu.advanceTo(new Date('2026-03-03T01:30:00Z'));
    edit(emu, 'Status', 'Waiting on customer');
    emu.advanceTo(new Date('2026-03-03T03:30:00Z'));
    edit(emu, 'Status', 'In progress');
    const after = ticket(emu);
    expect(after['Paused (h:mm)']).toBeCloseTo(2 / 24, 10);
    expect((after['Resolve due'] as Date).getTime()).toBe(dueBefore + 2 * HOUR);
    // The note says why the deadline moved.
    expect(noteOf(emu, 'Tickets', 'Resolve due', 2)).toMatch(/paused 2 h waiting on the customer → due/);
    // Resolving keeps every deadline's note (a note block for the callback columns used to blank them).
    const notesBefore = ['Ack due', 'Transfer due', 'Feedback due', 'Resolve due'].map((header) =>
      noteOf(emu, 'Tickets', header, 2),
    );
    expect(notesBefore.every((note) => note !== '')).toBe(true);
    edit(emu, 'Resolution', 'Fixed.');
    edit(emu, 'Status', 'Resolved');
    expect(ticket(emu).Status).toBe('Resolved');
    expect(noteOf(emu, 'Tickets', 'Callback due', 2)).not.toBe('');
    expect(
      ['Ack due', 'Transfer due', 'Feedback due', 'Resolve due'].map((h) => noteOf(emu, 'Tickets', h, 2)),
    ).toEqual(notesBefore);
  });

  it('Severity General → Major recomputes the deadlines (3 wd → 1 wd) and logs the change', () => {
    const emu = deskWithTicket();
    edit(emu, 'Severity', 'Major');
    const changed = ticket(emu);
    // Received Mon 2026-03-02 10:00 Shanghai; Major complaint: 1 wd → Tue 10:00 (02:00Z).
    expect((changed['Resolve due'] as Date).toISOString()).toBe('2026-03-03T02:00:00.000Z');
    expect(noteOf(emu, 'Tickets', 'Resolve due', 2)).toMatch(/1 wd/);
    expect(rowsOf(emu, 'History').at(-1)).toMatchObject({ Field: 'Severity', 'New value': 'Major' });
  });

  it('a multi-row paste of statuses applies the rules row by row', () => {
    const emu = deskWithTicket();
    submitIntake(emu, complaint({ phone: '13900005555' }));
    edit(emu, 'Status', 'In progress', 2);
    const first = cellOf(emu, 'Tickets', 'Status', 2);
    const column = first.replace(/\d+$/, '');
    emu.editCells('Tickets', `${column}2:${column}3`, [['Waiting on customer'], ['Closed']]);
    expect(ticket(emu, 2).Status).toBe('Waiting on customer');
    expect(ticket(emu, 2)['Waiting since']).toEqual(lastRunAt(emu));
    expect(ticket(emu, 3).Status).toBe('New');
    expect(noteOf(emu, 'Tickets', 'Status', 3)).toMatch(/Closed/);
  });

  it('an edit of an untracked column changes nothing else and logs nothing', () => {
    const emu = deskWithTicket();
    const before = ticket(emu);
    edit(emu, 'Description', 'Updated by the customer on the phone.');
    const after = ticket(emu);
    expect(after.Description).toBe('Updated by the customer on the phone.');
    expect(after['Resolve due']).toEqual(before['Resolve due']);
    expect(rowsOf(emu, 'History')).toHaveLength(1);
    expect(emu.executions.filter((execution) => execution.error)).toEqual([]);
  });

  it('a Chinese status label typed into an English sheet is understood', () => {
    const emu = deskWithTicket();
    edit(emu, 'Status', '处理中');
    expect(ticket(emu).Status).toBe('In progress');
  });
});

describe('Needs review for routing (SPEC §4 step 4)', () => {
  /** Everyone in Engineering on leave: routing finds nobody and flags the ticket. */
  function engineeringOnLeave(emu: Emulator): void {
    const staff = rowsOf(emu, '⚙ Staff');
    staff.forEach((person, i) => {
      if (person.Department === 'Engineering')
        emu.editCells('⚙ Staff', cellOf(emu, '⚙ Staff', 'On leave', i + 2), [[true]]);
    });
  }

  it('the default roster has no dispatch caps: 12 tickets in one day are all assigned, none flagged', () => {
    const emu = newDesk({ lang: 'en' });
    for (let i = 0; i < 12; i++) submitIntake(emu, complaint({ customer: `Customer ${i}` }));
    const tickets = rowsOf(emu, 'Tickets');
    expect(tickets).toHaveLength(12);
    expect(tickets.every((row) => row.Assignee !== '' && row['Needs review'] === false)).toBe(true);
  });

  it('clears once a supervisor names an assignee, and keeps the other reasons', () => {
    const emu = newDesk({ lang: 'en' });
    engineeringOnLeave(emu);
    submitIntake(emu, complaint());
    submitIntake(emu, complaint({ phone: '12345' }));
    const [plain, badPhone] = rowsOf(emu, 'Tickets');
    expect(plain).toMatchObject({ Assignee: '', 'Needs review': true });
    expect(String(plain['Review note'])).toMatch(/Nobody in Engineering/);
    expect(badPhone['Needs review']).toBe(true);

    edit(emu, 'Assignee', 'Zhou Lei', 2);
    edit(emu, 'Assignee', 'Zhou Lei', 3);
    const [assigned, stillBad] = rowsOf(emu, 'Tickets');
    expect(assigned).toMatchObject({ Assignee: 'Zhou Lei', 'Needs review': false, 'Review note': '' });
    expect(stillBad['Needs review']).toBe(true);
    expect(String(stillBad['Review note'])).toMatch(/not a valid/);
    expect(String(stillBad['Review note'])).not.toMatch(/Nobody in/);
  });
});
