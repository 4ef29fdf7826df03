/** ⚙ General's notes say in plain words which defaults come from the manuals; no reference is shown. */
import { newDesk, rowsOf } from '../helpers/desk';

describe('⚙ General notes', () => {
  it('a default from the manuals says so in words, others say nothing, none cites a source', () => {
    const rows = rowsOf(newDesk({ lang: 'en' }), '⚙ General');
    const noteColumn = Object.keys(rows[0]).find((header) => /note/i.test(header));
    expect(noteColumn).toBeDefined();
    const noteOf = (pattern: RegExp) =>
      String(
        rows.find((row) => Object.values(row).some((v) => pattern.test(String(v))))?.[noteColumn ?? ''] ?? '',
      );
    const notes = rows.map((row) => String(row[noteColumn ?? '']));
    expect(notes.filter((note) => note === 'Default taken from the service manuals.').length).toBeGreaterThan(
      5,
    );
    expect(notes.some((note) => /seed|SPEC|§/.test(note))).toBe(false);
    expect(noteOf(/appeal/i)).toBe('');
  });
});
