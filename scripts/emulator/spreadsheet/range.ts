import { Exception } from '../errors';
import { ServiceObject } from '../runtime';
import { toA1 } from './a1';
import type { SheetsContext } from './context';
import { DataValidation, Protection } from './extras';
import { Filter } from './filter';
import { assertCellText } from './limits';
import { type Cell, SheetModel } from './model';
import { TextFinder } from './text-finder';
import { type CellValue, compareCells, copyValue, displayValue, type Parsed, parseInput } from './values';

type Grid<T> = T[][];

/** Google's message when the data and the range disagree on one dimension. */
function checkShape(data: unknown, numRows: number, numCols: number): asserts data is unknown[][] {
  if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) {
    throw new Exception(
      `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.setValues.`,
    );
  }
  if (data.length !== numRows) {
    throw new Exception(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== numCols) {
      throw new Exception(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
}

export class Range extends ServiceObject {
  readonly _service = 'Range';
  constructor(
    private readonly ctx: SheetsContext,
    readonly _sheet: SheetModel,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    super();
  }

  /** Counts cells moved by the call being served (emu.counts.cells). */
  private moved(kind: 'read' | 'written', n = this._numRows * this._numCols): void {
    this.ctx.runtime.counter.cellsMoved(kind, n);
  }

  private read<T>(fn: (c: Cell | undefined, row: number, col: number) => T): Grid<T> {
    this.moved('read');
    const out: Grid<T> = [];
    for (let i = 0; i < this._numRows; i++) {
      const r = this._sheet.rows[this._row - 1 + i];
      const line: T[] = new Array<T>(this._numCols);
      for (let j = 0; j < this._numCols; j++)
        line[j] = fn(r?.[this._col - 1 + j], this._row + i, this._col + j);
      out.push(line);
    }
    return out;
  }

  private write(fn: (c: Cell, i: number, j: number) => void): this {
    this.moved('written');
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numCols; j++) fn(this._sheet.ensure(this._row + i, this._col + j), i, j);
    }
    return this;
  }

  private writeGrid<T>(data: unknown, fn: (c: Cell, v: T) => void): this {
    checkShape(data, this._numRows, this._numCols);
    return this.write((c, i, j) => fn(c, (data[i] as T[])[j] as T));
  }

  private storeValue(c: Cell, input: unknown, row: number, col: number): void {
    const parsed: Parsed =
      typeof input === 'number' || typeof input === 'boolean'
        ? { value: input }
        : parseInput(input, {
            locale: this.ctx.ss.locale,
            timeZone: this.ctx.ss.timeZone,
            cellFormat: c.fmt,
          });
    if (c.dv instanceof DataValidation && !parsed.formula && !c.dv._accepts(parsed.value)) {
      throw new Exception(
        `The data you entered in cell ${toA1(row, col, 1, 1)} violates the data validation rules set on this cell.`,
      );
    }
    c.v = parsed.value;
    if (parsed.formula) c.f = parsed.formula;
    else delete c.f;
    if (parsed.format) c.fmt = parsed.format;
  }

  // Geometry
  getRow(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getHeight(): number {
    return this._numRows;
  }
  getWidth(): number {
    return this._numCols;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getA1Notation(): string {
    return toA1(this._row, this._col, this._numRows, this._numCols);
  }
  getSheet(): unknown {
    return this.ctx.sheet(this._sheet);
  }

  getGridId(): number {
    return this._sheet.id;
  }
  getCell(row: number, column: number): unknown {
    if (row < 1 || row > this._numRows || column < 1 || column > this._numCols) {
      throw new Exception('Cell reference out of range');
    }
    return this.ctx.range(this._sheet, this._row + row - 1, this._col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): unknown {
    return this.ctx.range(
      this._sheet,
      this._row + rowOffset,
      this._col + columnOffset,
      numRows ?? this._numRows,
      numColumns ?? this._numCols,
    );
  }

  // Values
  getValues(): CellValue[][] {
    return this.read((c) => (c ? copyValue(c.v) : ''));
  }
  getValue(): CellValue {
    this.moved('read', 1);
    const c = this._sheet.cell(this._row, this._col);
    return c ? copyValue(c.v) : '';
  }
  getDisplayValues(): string[][] {
    const { timeZone, locale } = this.ctx.ss;
    return this.read((c) => (c ? displayValue(c.v, c.fmt, timeZone, locale) : ''));
  }
  getDisplayValue(): string {
    this.moved('read', 1);
    const c = this._sheet.cell(this._row, this._col);
    return c ? displayValue(c.v, c.fmt, this.ctx.ss.timeZone, this.ctx.ss.locale) : '';
  }
  setValues(values: unknown): this {
    checkShape(values, this._numRows, this._numCols);
    assertCellText(values);
    return this.write((c, i, j) => this.storeValue(c, values[i]?.[j], this._row + i, this._col + j));
  }
  setValue(value: unknown): this {
    assertCellText(value);
    return this.write((c, i, j) => this.storeValue(c, value, this._row + i, this._col + j));
  }
  isBlank(): boolean {
    return this.read((c) => SheetModel.hasContent(c)).every((r) => r.every((x) => !x));
  }

  // Formulas
  getFormulas(): string[][] {
    return this.read((c) => c?.f ?? '');
  }
  getFormula(): string {
    this.moved('read', 1);
    return this._sheet.cell(this._row, this._col)?.f ?? '';
  }
  setFormula(formula: string): this {
    return this.write((c) => {
      c.v = '';
      c.f = String(formula);
    });
  }
  setFormulas(formulas: unknown): this {
    return this.writeGrid<string>(formulas, (c, f) => {
      c.v = '';
      if (f) c.f = String(f);
      else delete c.f;
    });
  }

  // Notes
  getNotes(): string[][] {
    return this.read((c) => c?.note ?? '');
  }
  getNote(): string {
    this.moved('read', 1);
    return this._sheet.cell(this._row, this._col)?.note ?? '';
  }
  setNote(note: string | null): this {
    return this.write((c) => {
      c.note = note ? String(note) : undefined;
    });
  }
  setNotes(notes: unknown): this {
    return this.writeGrid<string | null>(notes, (c, n) => {
      c.note = n ? String(n) : undefined;
    });
  }
  clearNote(): this {
    return this.setNote(null);
  }

  // Number formats
  getNumberFormats(): string[][] {
    return this.read((c) => c?.fmt ?? 'General');
  }
  getNumberFormat(): string {
    this.moved('read', 1);
    return this._sheet.cell(this._row, this._col)?.fmt ?? 'General';
  }
  setNumberFormat(format: string): this {
    return this.write((c) => {
      c.fmt = String(format);
    });
  }
  setNumberFormats(formats: unknown): this {
    return this.writeGrid<string>(formats, (c, f) => {
      c.fmt = String(f);
    });
  }

  // Data validation
  getDataValidations(): Array<Array<DataValidation | null>> {
    return this.read((c) => (c?.dv instanceof DataValidation ? c.dv : null));
  }
  getDataValidation(): DataValidation | null {
    const dv = this._sheet.cell(this._row, this._col)?.dv;
    return dv instanceof DataValidation ? dv : null;
  }
  setDataValidation(rule: DataValidation | null): this {
    return this.write((c) => {
      c.dv = rule ?? undefined;
    });
  }
  setDataValidations(rules: unknown): this {
    return this.writeGrid<DataValidation | null>(rules, (c, r) => {
      c.dv = r ?? undefined;
    });
  }
  clearDataValidations(): this {
    return this.setDataValidation(null);
  }

  // Styles: stored so tests and the xlsx exporter can read them back.
  private setStyle(key: string, value: string | null): this {
    return this.write((c) => {
      c.style = { ...c.style };
      if (value === null) delete c.style[key];
      else c.style[key] = String(value);
    });
  }
  private setStyles(key: string, grid: unknown): this {
    return this.writeGrid<string | null>(grid, (c, v) => {
      c.style = { ...c.style };
      if (v === null) delete c.style[key];
      else c.style[key] = String(v);
    });
  }
  private getStyles(key: string, fallback: string): string[][] {
    return this.read((c) => c?.style?.[key] ?? fallback);
  }
  setBackground(color: string | null): this {
    return this.setStyle('background', color);
  }
  setBackgrounds(colors: unknown): this {
    return this.setStyles('background', colors);
  }
  getBackground(): string {
    return this.getStyles('background', '#ffffff')[0]?.[0] ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.getStyles('background', '#ffffff');
  }
  setFontWeight(weight: string | null): this {
    return this.setStyle('fontWeight', weight);
  }
  setFontWeights(weights: unknown): this {
    return this.setStyles('fontWeight', weights);
  }
  getFontWeight(): string {
    return this.getStyles('fontWeight', 'normal')[0]?.[0] ?? 'normal';
  }
  getFontWeights(): string[][] {
    return this.getStyles('fontWeight', 'normal');
  }
  setFontColor(color: string | null): this {
    return this.setStyle('fontColor', color);
  }
  setFontColors(colors: unknown): this {
    return this.setStyles('fontColor', colors);
  }
  getFontColor(): string {
    return this.getStyles('fontColor', '#000000')[0]?.[0] ?? '#000000';
  }
  getFontColors(): string[][] {
    return this.getStyles('fontColor', '#000000');
  }
  setFontSize(size: number): this {
    return this.setStyle('fontSize', String(size));
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.setStyle('horizontalAlignment', alignment);
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.setStyle('verticalAlignment', alignment);
  }
  setWrap(isWrapEnabled: boolean): this {
    return this.setStyle('wrap', String(isWrapEnabled));
  }
  setWrapStrategy(strategy: unknown): this {
    return this.setStyle('wrapStrategy', String(strategy));
  }

  // Clearing
  clearContent(): this {
    return this.write((c) => {
      c.v = '';
      delete c.f;
    });
  }
  clearFormat(): this {
    return this.write((c) => {
      delete c.fmt;
      delete c.style;
    });
  }
  clear(): this {
    return this.write((c) => {
      c.v = '';
      delete c.f;
      delete c.fmt;
      delete c.style;
      delete c.note;
      delete c.dv;
    });
  }

  /** Sorts the rows of this range only (cells move whole, with their notes and formats). */
  sort(sortSpecObj: unknown): this {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((s) =>
      typeof s === 'number' ? { column: s, ascending: true } : (s as { column: number; ascending?: boolean }),
    );
    for (const s of specs) {
      if (s.column < this._col || s.column > this.getLastColumn()) {
        throw new Exception(`Column specified for sorting is out of range: ${s.column}`);
      }
    }
    // The cells that move are the rows' own, not ones shared with a clone (model.ts: copy on write).
    const rows = Array.from({ length: this._numRows }, (_, i) => this._sheet.ownRow(this._row + i));
    const block = this.read((c) => c);
    const value = (r: Array<Cell | undefined>, col: number): CellValue => r[col - this._col]?.v ?? '';
    block.sort((a, b) => {
      for (const s of specs) {
        const d = compareCells(value(a, s.column), value(b, s.column), s.ascending !== false);
        if (d !== 0) return d;
      }
      return 0;
    });
    this.moved('written');
    rows.forEach((r, i) => {
      for (let j = 0; j < this._numCols; j++) r[this._col - 1 + j] = block[i]?.[j];
    });
    return this;
  }

  /** Creates the sheet's basic filter over this range (one per sheet, as in Sheets). */
  createFilter(): Filter {
    if (this._sheet.filter)
      throw new Exception("You can't create a filter in a sheet that already has a filter.");
    const model = {
      box: [this._row, this._col, this._numRows, this._numCols] as [number, number, number, number],
      criteria: new Map<number, (text: string) => boolean>(),
    };
    this._sheet.filter = model;
    return new Filter(this._sheet, model, (b) => this.ctx.range(this._sheet, ...b));
  }

  /**
   * Groups the range's columns one level deeper (delta > 0) or shallower (delta < 0). Like Google, the
   * group of a range is keyed by its columns; nested depths are counted per call.
   */
  shiftColumnGroupDepth(delta: number): Range {
    const sheet = this._sheet;
    const same = (g: { first: number; count: number }) => g.first === this._col && g.count === this._numCols;
    if (delta > 0) {
      const depth = Math.max(0, ...sheet.columnGroups.filter(same).map((g) => g.depth)) + 1;
      sheet.columnGroups.push({ first: this._col, count: this._numCols, depth, collapsed: false });
    } else if (delta < 0) {
      const deepest = sheet.columnGroups.filter(same).sort((a, b) => b.depth - a.depth)[0];
      if (deepest) sheet.columnGroups = sheet.columnGroups.filter((g) => g !== deepest);
    }
    return this;
  }

  protect(): Protection {
    const model = {
      id: this.ctx.runtime.nextNumber(),
      type: 'RANGE' as const,
      box: [this._row, this._col, this._numRows, this._numCols] as [number, number, number, number],
      description: '',
      warningOnly: false,
      editors: [this.ctx.runtime.current.user],
    };
    this._sheet.protections.push(model);
    return new Protection(this._sheet, model, (b) => this.ctx.range(this._sheet, ...b));
  }

  createTextFinder(findText: string): TextFinder {
    return new TextFinder(
      this.ctx,
      [{ sheet: this._sheet, box: [this._row, this._col, this._numRows, this._numCols] }],
      String(findText),
    );
  }

  /** Selects this range (the active range a menu execution then sees) on its sheet, made active. */
  activate(): this {
    this.ctx.ss.activeSheetId = this._sheet.id;
    this.ctx.ss.selection = {
      sheetId: this._sheet.id,
      box: [this._row, this._col, this._numRows, this._numCols],
      current: [this._row, this._col],
    };
    return this;
  }
  activateAsCurrentCell(): this {
    this.activate();
    return this;
  }
}
