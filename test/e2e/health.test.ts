/**
 * The health check (menu "Check setup", SPEC §6, issue 5): triggers and owner, authorization, last run
 * of each job, mail quota and Outbox, holiday coverage (the bundled data ends in 2026, so 2027 is
 * missing), missing columns, bad settings rows with sheet, row and reason; all escaped.
 */
import { newDesk, OWNER } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { a1, columnOf, shanghai } from '../jobs/scheduler-fixtures';

type Emu = ReturnType<typeof newDesk>;

function healthHtml(emu: Emu): string {
  emu.run('menuCheckSetup', undefined, { interactive: true });
  const shown = emu.ui.shown.at(-1);
  if (!shown) throw new Error('no dialog shown');
  expect(shown.title).toBe('Service Desk: setup check');
  return shown.html;
}

describe('health check', () => {
  it('shows triggers with their owner, authorization, last runs, quota, Outbox and holiday coverage', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(emu, complaint());
    emu.advanceTo(shanghai('2026-03-03 08:30'));
    const html = healthHtml(emu);
    expect(html).toContain('Form submit: installed (onFormSubmit)');
    expect(html).toContain('Edit: installed (onEdit)');
    // Listed as installed, or (where Google lists no time-driven trigger for the document) seen running.
    expect(html).toMatch(
      /Hourly scheduler: (installed \(runScheduler\)|running, last run Tue 2026-03-03 08:00)/,
    );
    expect(html).toContain(`Triggers run as: ${OWNER}`);
    expect(html).toContain('Authorized.');
    expect(html).toMatch(/Deadline sweep<\/td><td[^>]*>Tue 2026-03-03 08:00/);
    expect(html).toMatch(/Daily digest<\/td><td[^>]*>Tue 2026-03-03 08:00/);
    expect(html).toMatch(/Weekly report<\/td><td[^>]*>never/);
    expect(html).toMatch(/Mail quota left today: \d+ recipients/);
    expect(html).toContain('Outbox: 0 email(s) waiting');
    expect(html).toContain('Holiday data for 2026: yes');
    expect(html).toContain('No holiday data for 2027');
    expect(html).toContain('Set up / repair');
    expect(html).toContain('Missing sheets and columns');
  });

  it('reports a missing trigger, a missing column and bad settings rows (sheet, row, reason), escaped', () => {
    const emu = newDesk({ lang: 'en' });
    const hourly = emu.triggers.find((trigger) => trigger.handler === 'runScheduler');
    if (!hourly) throw new Error('no hourly trigger');
    expect(emu.deleteTrigger(hourly.uid)).toBe(true);
    const host = emu.spreadsheet.host();
    const tickets = host.getSheetByName('Tickets');
    if (!tickets) throw new Error('no Tickets');
    tickets.getRange(1, columnOf(emu, 'Tickets', 'Callback due')).setValue('Callback deadline (mine)');
    // A manager types a bad email and a bad digest hour (edits drop the settings cache).
    emu.editCells('⚙ Staff', a1(columnOf(emu, '⚙ Staff', 'Email'), 4), [['<script>x</script>']]);
    const general = emu.spreadsheet.sheet('⚙ General').values();
    const digestRow = general.findIndex((row) => row[0] === 'digestHour') + 1;
    emu.editCells('⚙ General', a1(3, digestRow), [['25']]);

    const html = healthHtml(emu);
    expect(html).toContain('Hourly scheduler: MISSING');
    expect(html).toContain('Tickets: column &quot;Callback due&quot; missing');
    expect(html).toContain(
      '⚙ Staff</td><td style="padding:4px 8px;border:1px solid #dadce0;vertical-align:top">4</td>',
    );
    expect(html).toContain(
      `⚙ General</td><td style="padding:4px 8px;border:1px solid #dadce0;vertical-align:top">${digestRow}</td>`,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
