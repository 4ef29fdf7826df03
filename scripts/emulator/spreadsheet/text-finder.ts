import { Exception } from '../errors';
import { ServiceObject } from '../runtime';
import type { SheetsContext } from './context';
import type { SheetModel } from './model';
import { displayValue } from './values';

/** The block a TextFinder searches (a Range's box). */
export interface SearchBox {
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/**
 * Range.createTextFinder (developers.google.com/apps-script/reference/spreadsheet/text-finder): searches
 * the cells' displayed text, case-insensitive and matching part of a cell unless matchCase /
 * matchEntireCell say otherwise, row by row from the top-left. findNext continues after the current
 * match and returns null when there is none left; findAll returns every matching cell.
 *
 * Counting: issue 12 makes a search one counted call, `Range.createTextFinder`. The TextFinder's own
 * methods are counted under `TextFinder` but are not in the Sheets family (counter.ts), so a
 * configured search (createTextFinder → matchEntireCell → findAll) is one Sheets call.
 */
export class TextFinder extends ServiceObject {
  readonly _service = 'TextFinder';
  private caseSensitive = false;
  private entireCell = false;
  private current: { row: number; col: number } | null = null;

  constructor(
    private readonly ctx: SheetsContext,
    private readonly box: SearchBox,
    private readonly text: string,
  ) {
    super();
    if (text === '') throw new Exception('Invalid argument: findText');
  }
  matchCase(matchCase: boolean): this {
    this.caseSensitive = Boolean(matchCase);
    return this;
  }
  matchEntireCell(matchEntireCell: boolean): this {
    this.entireCell = Boolean(matchEntireCell);
    return this;
  }
  findNext(): unknown {
    const next = this.matches().find(
      (m) =>
        this.current === null ||
        m.row > this.current.row ||
        (m.row === this.current.row && m.col > this.current.col),
    );
    if (!next) return null;
    this.current = next;
    return this.cell(next);
  }
  findPrevious(): unknown {
    const all = this.matches();
    const previous = all
      .filter(
        (m) =>
          this.current === null ||
          m.row < this.current.row ||
          (m.row === this.current.row && m.col < this.current.col),
      )
      .pop();
    if (!previous) return null;
    this.current = previous;
    return this.cell(previous);
  }
  findAll(): unknown[] {
    return this.matches().map((m) => this.cell(m));
  }
  getCurrentMatch(): unknown {
    return this.current ? this.cell(this.current) : null;
  }

  private cell(at: { row: number; col: number }): unknown {
    return this.ctx.range(this.box.sheet, at.row, at.col, 1, 1);
  }

  private matches(): Array<{ row: number; col: number }> {
    const { sheet, row, col, numRows, numCols } = this.box;
    const needle = this.caseSensitive ? this.text : this.text.toLowerCase();
    const out: Array<{ row: number; col: number }> = [];
    const lastRow = Math.min(row + numRows - 1, sheet.lastRow());
    // The search runs on Google's side: it costs time per cell scanned (latency.ts), not cells read.
    this.ctx.runtime.scan(Math.max(0, lastRow - row + 1) * numCols);
    for (let r = row; r <= lastRow; r++) {
      const line = sheet.rows[r - 1];
      if (!line) continue;
      for (let c = col; c < col + numCols; c++) {
        const cell = line[c - 1];
        if (!cell || cell.v === '') continue;
        const shown = displayValue(cell.v, cell.fmt, this.ctx.ss.timeZone);
        const hay = this.caseSensitive ? shown : shown.toLowerCase();
        if (this.entireCell ? hay === needle : hay.includes(needle)) out.push({ row: r, col: c });
      }
    }
    return out;
  }
}
