/**
 * What people read about their ⚙ settings is plain words in their language (GUIDE "Configurable,
 * plainly worded"): on a desk in each language, a bad value is typed into every column of the ⚙ sheets
 * (one column per row, so each parser reports each column) and every key of the key/value sheets, then
 * Check setup shows the issues. No reason may show an internal code — a camelCase key such as
 * sampleRate or digestHour, a message key, a placeholder or JSON — and each names the column or
 * setting by its label. The labels and notes of the key/value sheets are held to the same rule.
 */
import type { Emulator } from '../../scripts/emulator';
import { newDesk } from '../helpers/desk';
import { a1 } from '../jobs/scheduler-fixtures';

const BAD = '??';
/** A camelCase code (sampleRate, callbackOpen), a message key (sla.issue.x) or a placeholder/JSON brace. */
const CODE = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+\.[a-z]+\.[a-zA-Z]|[{}]/;

function htmlText(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Types a bad value into every value of the key/value sheets, and into the row tables one column per
 * row: row i gets it in column i + shift (two passes, shifted, reach every column of ⚙ SLA policy).
 */
function spoilSettings(emu: Emulator, shift: number): void {
  for (const name of emu.spreadsheet.sheetNames().filter((sheet) => sheet.startsWith('⚙'))) {
    const values = emu.spreadsheet.sheet(name).values();
    const header = values[0] ?? [];
    const rows = values.slice(1);
    if (header.length === 0) continue;
    const keyValue = header.length === 4 && rows.every((row) => /^[a-zA-Z0-9.]+$/.test(String(row[0])));
    if (keyValue) {
      if (rows.length === 0) continue;
      emu.editCells(
        name,
        `${a1(3, 2)}:${a1(3, rows.length + 1)}`,
        rows.map(() => [BAD]),
      );
      continue;
    }
    const data = rows.filter((row) => row.some((cell) => cell !== ''));
    const spoiled = data
      .slice(0, header.length)
      .map((row, i) => row.map((cell, c) => (c === (i + shift) % header.length ? BAD : cell)));
    if (spoiled.length === 0) continue;
    emu.editCells(name, `${a1(1, 2)}:${a1(header.length, spoiled.length + 1)}`, spoiled as never);
  }
}

/** A new ⚙ SLA policy row (Major inquiries) whose callback window has a due but no start. */
function openCallbackWindow(emu: Emulator, lang: 'en' | 'zh-CN', pristine: unknown[][]): void {
  const name = lang === 'en' ? '⚙ SLA policy' : '⚙ 时限标准';
  const [header, first] = pristine;
  const row = [...first];
  // Inquiries have one row of any severity by default: a row of Major ones is new.
  row[header.indexOf(lang === 'en' ? 'Type' : '类型')] = lang === 'en' ? 'Inquiry' : '咨询';
  row[header.indexOf(lang === 'en' ? 'Severity' : '严重程度')] = lang === 'en' ? 'Major' : '重大';
  row[header.indexOf(lang === 'en' ? 'Callback from' : '回访开始')] = '—';
  const at = Math.max(emu.spreadsheet.sheet(name).values().length, header.length) + 3; // past the spoiled rows
  emu.editCells(name, `${a1(1, at)}:${a1(header.length, at)}`, [row] as never);
}

function issueReasons(emu: Emulator): string[] {
  emu.run('menuCheckSetup', undefined, { interactive: true });
  const html = emu.ui.shown.at(-1)?.html ?? '';
  const rows = [
    ...html.matchAll(/<tr><td[^>]*>(⚙[^<]*)<\/td><td[^>]*>(\d+)<\/td><td[^>]*>([^<]*)<\/td><\/tr>/g),
  ];
  return rows.map((match) => `${htmlText(match[1])} ${match[2]}: ${htmlText(match[3])}`);
}

describe('settings messages in plain words', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`every issue of a spoiled ⚙ sheet names columns and settings by label (${lang})`, () => {
      const reasons: string[] = [];
      for (const shift of [0, 5]) {
        const emu = newDesk({ lang });
        const pristine = emu.spreadsheet.sheet(lang === 'en' ? '⚙ SLA policy' : '⚙ 时限标准').values();
        spoilSettings(emu, shift);
        if (shift === 5) openCallbackWindow(emu, lang, pristine);
        reasons.push(...issueReasons(emu));
      }
      expect(reasons.length).toBeGreaterThan(60);
      for (const reason of reasons)
        expect({ reason, code: CODE.exec(reason)?.[0] }).toEqual({ reason, code: undefined });
      // The two that showed codes: the sample rate and the callback window, by their column labels.
      const labels =
        lang === 'en'
          ? [/Callback sample rate: "\?\?" is not a percentage/, /Callback from and Callback due must both/]
          : [/回访抽样比例：“\?\?”不是 0 到 100 之间的百分比/, /回访开始与回访截止须同时填写/];
      for (const label of labels) expect(reasons.some((reason) => label.test(reason))).toBe(true);
      // A ⚙ General value by the setting's label, not its key.
      const digest = lang === 'en' ? /Daily digest hour/ : /每日摘要发送时刻/;
      expect(reasons.some((reason) => digest.test(reason))).toBe(true);
      if (lang === 'zh-CN') for (const reason of reasons) expect(reason).toMatch(/[\u4e00-\u9fff]/);
    });

    it(`the labels and notes of the key/value ⚙ sheets show no code (${lang})`, () => {
      const emu = newDesk({ lang });
      let checked = 0;
      for (const name of emu.spreadsheet.sheetNames().filter((sheet) => sheet.startsWith('⚙'))) {
        const values = emu.spreadsheet.sheet(name).values();
        if ((values[0] ?? []).length !== 4) continue;
        for (const row of values.slice(1)) {
          expect(String(row[1])).not.toBe(''); // every key has a label
          for (const text of [String(row[1]), String(row[3])]) {
            expect({ text, code: CODE.exec(text)?.[0] }).toEqual({ text, code: undefined });
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  }
});
