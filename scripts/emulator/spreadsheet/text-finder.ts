import { Exception } from '../errors';
import { ServiceObject } from '../runtime';
import type { SheetsContext } from './context';
import type { Cell, SheetModel } from './model';
import type { Range } from './range';
import { displayValue } from './values';

/**
 * The displayed text of date cells already searched, while their value, format, zone and locale stay
 * the same: formatting a date is the slow part of a search, and a sheet searched again (every intake
 * searches Tickets) mostly holds the same dates. The text is recomputed whenever any of them changed,
 * so a search matches exactly what it would without this.
 */
const shownDates = new WeakMap<
  Cell,
  { time: number; fmt: string | undefined; tz: string; locale: string | undefined; text: string }
>();

function shown(cell: Cell, tz: string, locale: string | undefined): string {
  const v = cell.v;
  if (!(v instanceof Date)) return displayValue(v, cell.fmt, tz, locale);
  const time = v.getTime();
  const hit = shownDates.get(cell);
  if (hit && hit.time === time && hit.fmt === cell.fmt && hit.tz === tz && hit.locale === locale)
    return hit.text;
  const text = displayValue(v, cell.fmt, tz, locale);
  shownDates.set(cell, { time, fmt: cell.fmt, tz, locale, text });
  return text;
}

/** One searched block: a sheet and [row, col, numRows, numCols]. */
export interface SearchScope {
  sheet: SheetModel;
  box: [number, number, number, number];
}

/**
 * Range/Sheet/Spreadsheet.createTextFinder: a server-side search. It matches displayed values (or
 * formulas with matchFormulaText), row by row, left to right; findAll returns ranges and findNext walks
 * the matches, null after the last. developers.google.com/apps-script/reference/spreadsheet/text-finder.
 * No cell values cross to the script, so it moves no cells in emu.counts.cells; the cells it searched
 * cost latency.
 */
export class TextFinder extends ServiceObject {
  readonly _service = 'TextFinder';
  private caseSensitive = false;
  private entireCell = false;
  private formulaText = false;
  private regex = false;
  private position = -1;
  private matches: Array<[SheetModel, number, number]> | null = null;

  constructor(
    private readonly ctx: SheetsContext,
    private readonly scopes: SearchScope[],
    private readonly text: string,
  ) {
    super();
    if (String(text) === '') throw new Exception('Invalid argument: findText');
  }

  private reset(): this {
    this.matches = null;
    this.position = -1;
    return this;
  }
  matchCase(matchCase: boolean): this {
    this.caseSensitive = Boolean(matchCase);
    return this.reset();
  }
  matchEntireCell(matchEntireCell: boolean): this {
    this.entireCell = Boolean(matchEntireCell);
    return this.reset();
  }
  matchFormulaText(matchFormulaText: boolean): this {
    this.formulaText = Boolean(matchFormulaText);
    return this.reset();
  }
  useRegularExpression(useRegEx: boolean): this {
    this.regex = Boolean(useRegEx);
    return this.reset();
  }
  ignoreDiacritics(_ignoreDiacritics: boolean): this {
    return this.reset();
  }
  /** Searching resumes after this cell. */
  startFrom(startRange: Range): this {
    const all = this.all();
    const at = all.findIndex(
      ([s, r, c]) =>
        s === startRange._sheet && (r > startRange._row || (r === startRange._row && c > startRange._col)),
    );
    this.position = at < 0 ? all.length - 1 : at - 1;
    return this;
  }

  private pattern(): RegExp {
    const source = this.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(this.entireCell ? `^(?:${source})$` : source, this.caseSensitive ? '' : 'i');
  }

  private all(): Array<[SheetModel, number, number]> {
    if (this.matches) return this.matches;
    const re = this.pattern();
    const tz = this.ctx.ss.timeZone;
    const out: Array<[SheetModel, number, number]> = [];
    let searched = 0;
    for (const { sheet, box } of this.scopes) {
      const [row, col, numRows, numCols] = box;
      const lastRow = Math.min(row + numRows - 1, sheet.lastRow());
      for (let r = row; r <= lastRow; r++) {
        const cells = sheet.rows[r - 1];
        searched += numCols;
        if (!cells) continue;
        for (let c = col; c < col + numCols; c++) {
          const cell = cells[c - 1];
          if (!cell) continue;
          const text = this.formulaText && cell.f ? cell.f : shown(cell, tz, this.ctx.ss.locale);
          if (text !== '' && re.test(text)) out.push([sheet, r, c]);
        }
      }
    }
    this.ctx.runtime.scan(searched);
    this.matches = out;
    return out;
  }

  private rangeAt(m: [SheetModel, number, number]): Range {
    return this.ctx.range(m[0], m[1], m[2], 1, 1) as Range;
  }
  findAll(): Range[] {
    return this.all().map((m) => this.rangeAt(m));
  }
  findNext(): Range | null {
    const all = this.all();
    if (this.position + 1 >= all.length) return null;
    this.position++;
    return this.rangeAt(all[this.position] as [SheetModel, number, number]);
  }
  findPrevious(): Range | null {
    const all = this.all();
    const at = this.position < 0 ? all.length - 1 : this.position - 1;
    if (at < 0) return null;
    this.position = at;
    return this.rangeAt(all[at] as [SheetModel, number, number]);
  }
  getCurrentMatch(): Range | null {
    const m = this.matches?.[this.position];
    return m ? this.rangeAt(m) : null;
  }
  /** Replaces the matched text in every match (values only), returning how many cells changed. */
  replaceAllWith(replaceText: string): number {
    const re = new RegExp(this.pattern().source, this.caseSensitive ? 'g' : 'gi');
    const all = this.all();
    for (const [sheet, r, c] of all) {
      const cell = sheet.ensure(r, c);
      cell.v = String(cell.v).replace(re, String(replaceText));
    }
    this.reset();
    return all.length;
  }
}
