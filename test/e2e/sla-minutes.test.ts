/**
 * Durations under an hour in minutes (⚙ SLA policy): a new desk writes Urgent's 15-minute ack and
 * 30-minute on-site targets as "15 min" / "15 分钟", not "0.25 h"; they are read back to the same
 * deadline, explained in minutes in the due-date note, validated (a fraction of a minute is refused, with
 * the column's label), and a desk set up before minutes existed, whose sheet still says "0.25 h", keeps
 * exactly the same deadlines.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk, noteOf, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';
import { a1, columnOf, shanghai } from '../jobs/scheduler-fixtures';

const NIGHT = shanghai('2026-10-03 23:40'); // Sat, National Day holiday: Urgent runs 24×7

/** To the minute (edits before the intake move the simulated clock by milliseconds). */
function minute(value: unknown): string {
  return new Date(Math.floor((value as Date).getTime() / 60_000) * 60_000).toISOString();
}

function urgentRow(emu: Emulator, sheet: string, severity: string): number {
  return (
    emu.spreadsheet
      .sheet(sheet)
      .values()
      .findIndex((row) => row[1] === severity) + 1
  );
}

function urgentRepair(emu: Emulator) {
  submitIntake(emu, complaint({ type: 'Repair', severity: 'Urgent', description: 'Pipe burst.' }));
  return rowsOf(emu, 'Tickets').at(-1) ?? {};
}

describe('durations in minutes', () => {
  it('a new desk writes Urgent targets in minutes, in each language', () => {
    for (const [lang, sheet, urgent, ack, feedback] of [
      ['en', '⚙ SLA policy', 'Urgent', '15 min', '30 min'],
      ['zh-CN', '⚙ 时限标准', '紧急', '15 分钟', '30 分钟'],
    ] as const) {
      const emu = newDesk({ lang });
      const values = emu.spreadsheet.sheet(sheet).values();
      const urgentRows = values.filter((row) => row[1] === urgent);
      expect(urgentRows).toHaveLength(2); // complaints and repairs
      for (const row of urgentRows) {
        expect(row[2]).toBe(ack);
        expect(row[4]).toBe(feedback);
        expect(row[5]).toBe(lang === 'en' ? '4 h' : '4 小时');
      }
      expect(values.flat().some((cell) => /0\.25|0\.5 /.test(String(cell)))).toBe(false);
    }
  });

  it('read back to the same deadline, explained in minutes', () => {
    const emu = newDesk({ lang: 'en', start: NIGHT });
    const ticket = urgentRepair(emu);
    expect((ticket['Ack due'] as Date).toISOString()).toBe(shanghai('2026-10-03 23:55').toISOString());
    expect((ticket['Feedback due'] as Date).toISOString()).toBe(shanghai('2026-10-04 00:10').toISOString());
    const note = noteOf(emu, 'Tickets', 'Ack due', 2);
    expect(note).toContain('15 min');
    expect(note).not.toContain('0.25');
  });

  it('a desk whose sheet still says "0.25 h" / "0.5 小时" keeps its deadlines', () => {
    for (const [lang, sheet, urgent, ack, feedback] of [
      ['en', '⚙ SLA policy', 'Urgent', '0.25 h', '0.5 h'],
      ['zh-CN', '⚙ 时限标准', '紧急', '0.25 小时', '0.5 小时'],
    ] as const) {
      const emu = newDesk({ lang, start: NIGHT });
      const row = urgentRow(emu, sheet, urgent);
      // Both Urgent rows as an older setup wrote them.
      for (const at of [row, row + 1])
        emu.editCells(sheet, `${a1(3, at)}:${a1(5, at)}`, [[ack, '—', feedback]]);
      const intake =
        lang === 'en'
          ? complaint({ type: 'Repair', severity: 'Urgent', description: 'Pipe burst.' })
          : {
              receivedBy: '李娜',
              channel: '电话',
              type: '报修',
              category: '维修 / 水管',
              severity: '紧急',
              customer: '王芳',
              phone: '13812341234',
              description: '水管爆裂',
            };
      submitIntake(emu, intake, lang);
      const ticket = rowsOf(emu, lang === 'en' ? 'Tickets' : '工单登记').at(-1) ?? {};
      const ackDue = ticket[lang === 'en' ? 'Ack due' : '答复时限'] as Date;
      const feedbackDue = ticket[lang === 'en' ? 'Feedback due' : '反馈时限'] as Date;
      expect(minute(ackDue)).toBe(shanghai('2026-10-03 23:55').toISOString());
      expect(minute(feedbackDue)).toBe(shanghai('2026-10-04 00:10').toISOString());
    }
  });

  it('a fraction of a minute is refused, named by the column, and the row keeps its defaults', () => {
    const emu = newDesk({ lang: 'zh-CN', start: NIGHT });
    const sheet = '⚙ 时限标准';
    const row = urgentRow(emu, sheet, '紧急');
    emu.editCells(sheet, a1(columnOf(emu, sheet, '答复时限'), row), [['7.5 分钟']]);
    emu.run('menuCheckSetup', undefined, { interactive: true });
    const html = emu.ui.shown.at(-1)?.html ?? '';
    expect(html).toContain(
      '答复时限：“7.5 分钟”不是时限（如 3 工作小时、1 工作日、24 小时、7 天、15 分钟 或 —）',
    );
  });
});
