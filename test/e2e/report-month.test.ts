/**
 * A simulated month (June 2026, npm start's simulation on the real bundle) and its monthly report
 * (issue 14 "Done when"):
 * - every KPI is recomputed here from the registers and the event logs — the Callbacks log by attempt
 *   time, the first resolution and the deadline it had then (checked against History's first Resolved
 *   event) — by this file's own code, not the report code, and matches the report sheet;
 * - the report sheet's columns are wide enough for every value they show (no `###`, nothing cut), and
 *   the report mail shows the same figures.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../scripts/emulator';
import { displayValue } from '../../scripts/emulator/spreadsheet/values';
import { DEFAULT_OPTIONS, type LocalRun, runLocal } from '../../scripts/sim';
import { countMails, escalationLines, mailKind } from '../../scripts/sim/mail-counts';
import { CATALOGS, LANGS } from '../../src/i18n';
import { bundleCode, rowsOf } from '../helpers/desk';

const JUNE = { from: Date.parse('2026-05-31T16:00:00Z'), to: Date.parse('2026-06-30T16:00:00Z') };
const inJune = (at: unknown): at is Date =>
  at instanceof Date && at.getTime() >= JUNE.from && at.getTime() < JUNE.to;
const time = (at: unknown): number | null => (at instanceof Date ? at.getTime() : null);

interface Counted {
  part: number;
  whole: number;
}

/** "12 件中 10 件" → { part: 10, whole: 12 }. */
function basis(text: unknown): Counted {
  const match = /(\d+) 件中 (\d+) 件/.exec(String(text));
  if (!match) throw new Error(`not a basis: ${String(text)}`);
  return { part: Number(match[2]), whole: Number(match[1]) };
}

/** Done on time → counts when done; otherwise when the deadline passed (README "One rule for on time"). */
function outcome(due: number | null, done: number | null): { at: number; onTime: boolean } | null {
  if (due === null) return null;
  return done !== null && done <= due ? { at: done, onTime: true } : { at: due, onTime: false };
}

function tally(items: ReadonlyArray<boolean | null>): Counted {
  const counted = items.filter((item): item is boolean => item !== null);
  return { part: counted.filter(Boolean).length, whole: counted.length };
}

/** The five KPIs of June, from the sheets alone. */
function recompute(emu: Emulator): Record<string, Counted> {
  const tickets = rowsOf(emu, '工单登记').filter((row) => row.编号 !== '' && row.状态 !== '已撤销');
  const firstResolved = new Map<string, number>();
  for (const event of rowsOf(emu, '操作日志')) {
    const id = String(event.记录编号);
    const at = time(event.时间);
    if (event.字段 !== '状态' || event.新值 !== '已解决' || at === null || firstResolved.has(id)) continue;
    firstResolved.set(id, at);
  }
  // The First resolved at column is the first Resolved event of History, whatever happened later.
  for (const ticket of tickets) {
    const first = time(ticket.首次解决时间);
    expect(first).toBe(firstResolved.get(String(ticket.编号)) ?? null);
  }
  const timeliness = (type: string) =>
    tally(
      tickets
        .filter((ticket) => ticket.类型 === type)
        .map((ticket) => {
          const first = time(ticket.首次解决时间);
          const due = first === null ? time(ticket.解决时限) : time(ticket.首次解决时限);
          const result = outcome(due, first);
          return result && inJune(new Date(result.at)) ? result.onTime : null;
        }),
    );
  const repairCallbacks = tally(
    tickets
      .filter((ticket) => ticket.类型 === '报修' && ticket.回访状态 !== '无需回访' && ticket.回访状态 !== '')
      .map((ticket) => {
        const done = ticket.回访状态 === '已回访' ? time(ticket.回访时间) : null;
        const result = outcome(time(ticket.回访截止), done);
        return result && inJune(new Date(result.at)) ? ticket.回访状态 === '已回访' : null;
      }),
  );
  // Rework: tickets set Resolved in June (History) whose June resolution was not their first.
  const resolvedInJune = new Map<string, number[]>();
  for (const event of rowsOf(emu, '操作日志')) {
    const at = time(event.时间);
    if (event.字段 !== '状态' || event.新值 !== '已解决' || at === null || !inJune(event.时间)) continue;
    const id = String(event.记录编号);
    resolvedInJune.set(id, [...(resolvedInJune.get(id) ?? []), at]);
  }
  const rework = tally(
    tickets.map((ticket) => {
      const times = resolvedInJune.get(String(ticket.编号));
      const first = time(ticket.首次解决时间);
      return times ? times.some((at) => first !== null && at > first) : null;
    }),
  );
  // The Callbacks log: every valid scored attempt in June, by its own time.
  const satisfaction = tally(
    rowsOf(emu, '回访记录').map((attempt) =>
      attempt.有效回访 === true && typeof attempt['满意度(1–5)'] === 'number' && inJune(attempt.回访时间)
        ? attempt['满意度(1–5)'] >= 4
        : null,
    ),
  );
  return {
    投诉处理及时率: timeliness('投诉'),
    报修处理及时率: timeliness('报修'),
    报修回访率: repairCallbacks,
    '返工（重新处理）率': { whole: rework.whole, part: rework.part },
    满意率: satisfaction,
  };
}

/** Pixels a value needs in Sheets' default font: CJK about 12 px, other characters about 7 px. */
function needed(text: string): number {
  let width = 4;
  for (const char of text) width += /[\u2E80-\uFFEF]/.test(char) ? 12 : 7;
  return width;
}

describe('a simulated month and its monthly report (zh-CN)', () => {
  let run: LocalRun;
  let emu: Emulator;

  beforeAll(async () => {
    run = await runLocal(bundleCode(), {
      ...DEFAULT_OPTIONS,
      start: '2026-06-01',
      days: 30,
      perDay: 3,
      out: mkdtempSync(join(tmpdir(), 'month-')),
    });
    emu = run.simulation.emu;
  }, 480_000); // a simulated month, hourly: ~110 s alone; twice that when the suite and others share 2 cores

  it('builds 月报 2026-06, and every KPI recomputed from the logs matches it', () => {
    expect(emu.spreadsheet.sheetNames()).toContain('月报 2026-06');
    const values = emu.spreadsheet.sheet('月报 2026-06').values();
    const expected = recompute(emu);
    for (const [kpi, counted] of Object.entries(expected)) {
      const row = values.find((line) => line[0] === kpi);
      if (!row) throw new Error(`no KPI row ${kpi}`);
      expect({ kpi, ...basis(row[6]) }).toEqual({ kpi, ...counted });
      expect(row[1]).toBe(counted.whole === 0 ? '–' : counted.part / counted.whole);
    }
    // The month had something to count in each KPI.
    expect(Object.values(expected).every((counted) => counted.whole > 0)).toBe(true);
  });

  it('every report sheet column fits what it shows; change is in 个百分点', () => {
    const names = emu.spreadsheet.sheetNames().filter((name) => /^(周报|月报) /.test(name));
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const name of names) {
      const sheet = emu.spreadsheet.sheet(name);
      const values = sheet.values();
      const formats = sheet.formats();
      const widths = sheet.columnWidths();
      values.forEach((row, r) => {
        const filled = row.filter((cell) => cell !== '').length;
        // A row of one title or note runs into the empty cells beside it; every other cell must fit.
        if (filled < 2) return;
        row.forEach((cell, c) => {
          const shown = displayValue(cell, formats[r]?.[c], 'Asia/Shanghai');
          if (shown === '') return;
          const width = widths.get(c + 1) ?? 100;
          if (width < needed(shown))
            throw new Error(`${name} ${r + 1}:${c + 1} “${shown}” needs ${needed(shown)} px, has ${width}`);
        });
      });
      const kpi = values.find((line) => line[0] === '满意率');
      if (kpi && typeof kpi[5] === 'number')
        expect(displayValue(kpi[5], formats[values.indexOf(kpi)][5], 'Asia/Shanghai')).toMatch(/个百分点$/);
    }
  });

  it('the monthly report mail shows the figures as the sheet, with no ### and no jargon', () => {
    const mail = emu.mail.outbox.find((sent) => sent.subject === '【客服工作台】月报 2026年6月');
    if (!mail) throw new Error('no monthly report mail');
    const values = emu.spreadsheet.sheet('月报 2026-06').values();
    const satisfaction = values.find((line) => line[0] === '满意率');
    if (!satisfaction || typeof satisfaction[1] !== 'number') throw new Error('no satisfaction figure');
    expect(mail.body).toContain(`${(satisfaction[1] * 100).toFixed(1)} %`);
    expect(mail.body).not.toMatch(/###/);
    // No reference users cannot look up, in any mail of the month.
    for (const sent of emu.mail.outbox) expect(`${sent.subject}\n${sent.body}`).not.toMatch(/seed \d|SPEC|§/);
    // A week compared with a week that had data shows its change in 个百分点, as the sheet does.
    const weekly = emu.mail.outbox.find((sent) => sent.subject === '【客服工作台】周报 2026年第26周');
    expect(weekly?.body).toMatch(/[+−±]\d+\.\d 个百分点/);
  });

  it('mail noise over the month: each level told once, one summary a day, alerts only for Major complaints', () => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
    const counts = countMails(emu.mail.outbox, (at) => day.format(at));
    expect(counts.escalationMails).toBeGreaterThan(0);
    expect(counts.maxPerTicketLevelRecipient).toBe(1);
    expect(counts.maxSummariesPerRecipientDay).toBe(1);
    // An alert sent at once names only Major complaints and Urgent tickets (⚙ SLA policy's defaults); the
    // rest wait for the summary.
    const tickets = new Map(rowsOf(emu, '工单登记').map((row) => [String(row.编号), row]));
    const alerts = emu.mail.outbox.filter((mail) => mailKind(mail.subject) === 'escalation');
    const atOnce = new Set(['投诉 重大', '投诉 紧急', '报修 紧急']);
    for (const alert of alerts)
      for (const { ticket } of escalationLines(alert.body)) {
        const row = tickets.get(ticket);
        expect([ticket, atOnce.has(`${row?.类型} ${row?.严重程度}`)]).toEqual([ticket, true]);
      }
    // The month had emergencies, and each was told at once on receipt.
    const urgent = [...tickets.values()].filter((row) => row.严重程度 === '紧急');
    expect(urgent.length).toBeGreaterThan(0);
    for (const row of urgent)
      expect(
        emu.mail.outbox.some((mail) => mail.subject.startsWith(`【客服工作台】紧急报修 ${row.编号}`)),
      ).toBe(true);
    // Praise never escalates; inquiries and suggestions never reach the GM.
    for (const row of tickets.values()) {
      if (row.类型 === '表扬') expect(row.升级级别).toBe(0);
      if (row.类型 === '咨询' || row.类型 === '建议') expect(Number(row.升级级别)).toBeLessThanOrEqual(2);
    }
  });

  it('Needs review only on tickets with a real input problem', () => {
    // Every reason a ticket is flagged for, as the product words it (either language), that is about its input.
    const inputProblems = [
      'missing',
      'invalidPhone',
      'invalidEmail',
      'noContact',
      'unknownValue',
      'truncated',
      'receivedInFuture',
      'receivedUnparsable',
      'unknownCategory',
    ].flatMap((reason) =>
      LANGS.map((lang) => {
        const template = CATALOGS[lang][`tickets.review.${reason}` as keyof (typeof CATALOGS)['en']];
        const parts = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        return new RegExp(`^${parts.join('.*')}$`);
      }),
    );
    const flagged = rowsOf(emu, '工单登记').filter((row) => row.待核实 === true);
    for (const row of flagged) {
      const lines = String(row.核实说明)
        .split('\n')
        .map((line) => line.trim());
      expect({
        id: row.编号,
        lines,
        input: lines.some((line) => inputProblems.some((re) => re.test(line))),
      }).toEqual({
        id: row.编号,
        lines,
        input: true,
      });
    }
  });
});
