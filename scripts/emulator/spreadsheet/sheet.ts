import { type Enum, ProtectionType } from '../enums';
import { Exception } from '../errors';
import { ServiceObject } from '../runtime';
import { parseA1 } from './a1';
import type { SheetsContext } from './context';
import { EmbeddedChart, EmbeddedChartBuilder, Group, Protection } from './extras';
import { Filter } from './filter';
import { assertCellText, assertRoom } from './limits';
import type { SheetModel } from './model';
import { Range } from './range';
import { RangeList } from './range-list';
import { TextFinder } from './text-finder';
import { parseInput } from './values';

export class Sheet extends ServiceObject {
  readonly _service = 'Sheet';
  constructor(
    private readonly ctx: SheetsContext,
    readonly _model: SheetModel,
  ) {
    super();
  }

  private get m(): SheetModel {
    return this._model;
  }

  /** Builds a range with Google's argument checks. */
  _range(row: number, col: number, numRows: number, numCols: number): Range {
    if (numRows < 1) throw new Exception('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Exception('The number of columns in the range must be at least 1.');
    if (row < 1) throw new Exception('The starting row of the range is too small.');
    if (col < 1) throw new Exception('The starting column of the range is too small.');
    if (row + numRows - 1 > this.m.maxRows || col + numCols - 1 > this.m.maxCols) {
      throw new Exception('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this.ctx, this.m, row, col, numRows, numCols);
  }

  _rangeA1(a1: string): Range {
    const b = parseA1(a1);
    const row = b.row ?? 1;
    const col = b.col ?? 1;
    const lastRow = b.lastRow ?? (b.row === undefined || b.lastCol !== undefined ? this.m.maxRows : row);
    const lastCol = b.lastCol ?? (b.col === undefined ? this.m.maxCols : col);
    return this._range(
      Math.min(row, lastRow),
      Math.min(col, lastCol),
      Math.abs(lastRow - row) + 1,
      Math.abs(lastCol - col) + 1,
    );
  }

  getName(): string {
    return this.m.name;
  }
  setName(name: string): this {
    const taken = this.ctx.ss.sheets.some(
      (s) => s !== this.m && s.name.toLowerCase() === String(name).toLowerCase(),
    );
    if (taken)
      throw new Exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.m.name = String(name);
    return this;
  }
  getSheetId(): number {
    return this.m.id;
  }
  getSheetName(): string {
    return this.m.name;
  }
  getIndex(): number {
    return this.ctx.ss.sheets.indexOf(this.m) + 1;
  }
  getParent(): unknown {
    return this.ctx.spreadsheet();
  }
  getLastRow(): number {
    return this.m.lastRow();
  }
  getLastColumn(): number {
    return this.m.lastColumn();
  }
  getMaxRows(): number {
    return this.m.maxRows;
  }
  getMaxColumns(): number {
    return this.m.maxCols;
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === 'string') return this._rangeA1(a);
    if (column === undefined)
      throw new Exception(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return this._range(a, column, numRows ?? 1, numColumns ?? 1);
  }
  /**
   * Google: "Returns the RangeList collection representing the ranges in the same sheet specified by a
   * non-empty list of A1 notations or R1C1 notations" (reference/spreadsheet/sheet#getRangeList). A1 only
   * here; an empty list, or a notation naming another sheet, throws (Google's texts not documented: assumed).
   */
  getRangeList(a1Notations: unknown): RangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw new Exception('The list of ranges must not be empty.');
    return new RangeList(
      a1Notations.map((a1) => {
        const box = parseA1(String(a1));
        if (box.sheet !== undefined && box.sheet !== this.m.name) throw new Exception('Range not found');
        return this._rangeA1(String(a1).slice(String(a1).lastIndexOf('!') + 1));
      }),
    );
  }
  /**
   * Google: "Returns the rectangular grid of values for this range starting at the given coordinates"
   * — getRange(...).getValues() in one call, with the same shape checks and cell count.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    return this.getRange(startRow, startColumn, numRows, numColumns).getValues();
  }

  getDataRange(): Range {
    return new Range(this.ctx, this.m, 1, 1, Math.max(1, this.m.lastRow()), Math.max(1, this.m.lastColumn()));
  }
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents))
      throw new Exception(
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    assertCellText(rowContents);
    const row = this.m.lastRow() + 1;
    const rows = Math.max(row, this.m.maxRows);
    const cols = Math.max(rowContents.length, this.m.maxCols);
    assertRoom(this.ctx.ss, rows * cols - this.m.maxRows * this.m.maxCols);
    this.m.maxRows = rows;
    this.m.maxCols = cols;
    this.ctx.runtime.counter.cellsMoved('written', rowContents.length);
    rowContents.forEach((v, j) => {
      const c = this.m.ensure(row, j + 1);
      const parsed = parseInput(v, {
        locale: this.ctx.ss.locale,
        timeZone: this.ctx.ss.timeZone,
        cellFormat: c.fmt,
      });
      c.v = parsed.value;
      if (parsed.formula) c.f = parsed.formula;
      else delete c.f;
      if (parsed.format) c.fmt = parsed.format;
    });
    return this;
  }

  // Rows and columns
  private checkRow(position: number): void {
    if (position < 1 || position > this.m.maxRows) throw new Exception('Those rows are out of bounds.');
  }
  private checkColumn(position: number): void {
    if (position < 1 || position > this.m.maxCols) throw new Exception('Those columns are out of bounds.');
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.checkRow(afterPosition);
    assertRoom(this.ctx.ss, howMany * this.m.maxCols);
    this.m.insertRows(afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.checkRow(beforePosition);
    assertRoom(this.ctx.ss, howMany * this.m.maxCols);
    this.m.insertRows(beforePosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.checkColumn(afterPosition);
    assertRoom(this.ctx.ss, howMany * this.m.maxRows);
    this.m.insertColumns(afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.checkColumn(beforePosition);
    assertRoom(this.ctx.ss, howMany * this.m.maxRows);
    this.m.insertColumns(beforePosition, howMany);
    return this;
  }
  deleteRow(rowPosition: number): this {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): this {
    this.checkRow(rowPosition);
    this.checkRow(rowPosition + howMany - 1);
    if (howMany >= this.m.maxRows - this.m.frozenRows)
      throw new Exception('Sorry, it is not possible to delete all non-frozen rows.');
    this.m.deleteRows(rowPosition, howMany);
    return this;
  }
  deleteColumn(columnPosition: number): this {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): this {
    this.checkColumn(columnPosition);
    this.checkColumn(columnPosition + howMany - 1);
    if (howMany >= this.m.maxCols - this.m.frozenCols)
      throw new Exception('Sorry, it is not possible to delete all non-frozen columns.');
    this.m.deleteColumns(columnPosition, howMany);
    return this;
  }
  /** Sorts every row below the frozen rows by one column. */
  sort(columnPosition: number, ascending = true): this {
    const first = this.m.frozenRows + 1;
    const last = this.m.lastRow();
    if (last >= first) {
      new Range(
        this.ctx,
        this.m,
        first,
        1,
        last - first + 1,
        Math.max(this.m.lastColumn(), columnPosition),
      ).sort({
        column: columnPosition,
        ascending,
      });
    }
    return this;
  }

  // Visibility and layout
  hideSheet(): this {
    const visible = this.ctx.ss.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this.m)
      throw new Exception("You can't hide all the sheets in a document.");
    this.m.hidden = true;
    return this;
  }
  showSheet(): this {
    this.m.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.m.hidden;
  }
  setFrozenRows(rows: number): this {
    this.m.frozenRows = rows;
    return this;
  }
  getFrozenRows(): number {
    return this.m.frozenRows;
  }
  setFrozenColumns(columns: number): this {
    this.m.frozenCols = columns;
    return this;
  }
  getFrozenColumns(): number {
    return this.m.frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.m.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let i = 0; i < numColumns; i++) this.m.columnWidths.set(startColumn + i, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.m.columnWidths.get(columnPosition) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.checkColumn(startColumn);
    this.checkColumn(startColumn + numColumns - 1);
    return this;
  }
  getFilter(): Filter | null {
    const model = this.m.filter;
    return model ? new Filter(this.m, model, (b) => this.ctx.range(this.m, ...b)) : null;
  }
  isRowHiddenByFilter(rowPosition: number): boolean {
    return this.m.filteredRows.has(rowPosition);
  }
  /** The column group at `groupDepth` that contains column `columnIndex`, or null (Google's contract). */
  getColumnGroup(columnIndex: number, groupDepth: number): Group | null {
    const model = this.m.columnGroups.find(
      (g) => g.depth === groupDepth && columnIndex >= g.first && columnIndex < g.first + g.count,
    );
    return model ? new Group(this.m, model, (b) => this.ctx.range(this.m, ...b)) : null;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let i = 0; i < numColumns; i++) this.m.hiddenColumns.add(columnIndex + i);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let i = 0; i < numColumns; i++) this.m.hiddenColumns.delete(columnIndex + i);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.m.hiddenColumns.has(columnPosition);
  }
  setTabColor(_color: string | null): this {
    return this;
  }
  activate(): this {
    this.ctx.ss.activeSheetId = this.m.id;
    return this;
  }

  // Protection
  protect(): Protection {
    const existing = this.m.protections.find((p) => p.type === 'SHEET');
    const model = existing ?? {
      id: this.ctx.runtime.nextNumber(),
      type: 'SHEET' as const,
      description: '',
      warningOnly: false,
      editors: [this.ctx.runtime.current.user],
    };
    if (!existing) this.m.protections.push(model);
    return new Protection(this.m, model, (b) => this.ctx.range(this.m, ...b));
  }
  getProtections(type: Enum): Protection[] {
    const wanted = type === ProtectionType.SHEET ? 'SHEET' : 'RANGE';
    return this.m.protections
      .filter((p) => p.type === wanted)
      .map((p) => new Protection(this.m, p, (b) => this.ctx.range(this.m, ...b)));
  }

  // Clearing
  clear(): this {
    this.m.clearGrid();
    return this;
  }
  clearContents(): this {
    for (const r of this.m.ownRows()) {
      for (const c of r ?? []) {
        if (c) {
          c.v = '';
          delete c.f;
        }
      }
    }
    return this;
  }
  clearFormats(): this {
    for (const r of this.m.ownRows()) {
      for (const c of r ?? []) {
        if (c) {
          delete c.fmt;
          delete c.style;
        }
      }
    }
    return this;
  }
  clearNotes(): this {
    for (const r of this.m.ownRows()) for (const c of r ?? []) if (c) delete c.note;
    return this;
  }

  createTextFinder(findText: string): TextFinder {
    const box: [number, number, number, number] = [1, 1, this.m.maxRows, this.m.maxCols];
    return new TextFinder(this.ctx, [{ sheet: this.m, box }], String(findText));
  }

  /** The selection when this sheet is the one selected on, else its top-left cell. */
  getActiveRange(): Range {
    const sel = this.ctx.ss.selection;
    if (sel && sel.sheetId === this.m.id) return this._range(...sel.box);
    return this._range(1, 1, 1, 1);
  }
  getActiveCell(): Range {
    const sel = this.ctx.ss.selection;
    if (sel && sel.sheetId === this.m.id) return this._range(sel.current[0], sel.current[1], 1, 1);
    return this._range(1, 1, 1, 1);
  }
  setActiveRange(range: Range): Range {
    range.activate();
    return range;
  }
  setActiveSelection(a1: string | Range): Range {
    const range = typeof a1 === 'string' ? this._rangeA1(a1) : a1;
    range.activate();
    return range;
  }

  getFormUrl(): string | null {
    const formId = this.ctx.ss.formSheets.get(this.m.id);
    return formId ? this.ctx.formUrl(formId) : null;
  }

  // Charts
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder({
      id: 0,
      type: 'LINE',
      ranges: [],
      position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
      options: {},
    });
  }
  insertChart(chart: EmbeddedChart): void {
    this.m.charts.push({ ...chart._model, id: this.ctx.runtime.nextNumber() });
  }
  updateChart(chart: EmbeddedChart): void {
    const i = this.m.charts.findIndex((c) => c.id === chart._model.id);
    if (i < 0) throw new Exception('Chart not found.');
    this.m.charts[i] = { ...chart._model };
  }
  getCharts(): EmbeddedChart[] {
    return this.m.charts.map((c) => new EmbeddedChart(c));
  }
  removeChart(chart: EmbeddedChart): void {
    this.m.charts = this.m.charts.filter((c) => c.id !== chart._model.id);
  }
}
