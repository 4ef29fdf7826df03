import type { SheetsWorld } from './spreadsheet/app';
import type { SpreadsheetModel } from './spreadsheet/context';
import { cellCount } from './spreadsheet/limits';
import type { Cell, ChartModel, ProtectionModel, SheetModel } from './spreadsheet/model';
import { type CellValue, copyValue } from './spreadsheet/values';

const value = (c: Cell | undefined): CellValue => (c ? copyValue(c.v) : '');

/** Uncounted, read-only views of spreadsheet state for tests and exporters. */
export class SheetView {
  constructor(private readonly m: SheetModel) {}
  private grid<T>(fn: (c: Cell | undefined) => T): T[][] {
    const rows = Math.max(this.m.lastRow(), 0);
    const cols = Math.max(this.m.lastColumn(), 0);
    const out: T[][] = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = this.line(this.m.rows[i], cols, fn);
    return out;
  }
  private line<T>(r: Array<Cell | undefined> | undefined, cols: number, fn: (c: Cell | undefined) => T): T[] {
    const line: T[] = new Array(cols);
    for (let j = 0; j < cols; j++) line[j] = fn(r?.[j]);
    return line;
  }
  get name(): string {
    return this.m.name;
  }
  get id(): number {
    return this.m.id;
  }
  /** The grid up to the last row and column with content. */
  values(): CellValue[][] {
    return this.grid(value);
  }
  /** Row `row` (1-based) of values(): up to the last column with content, [] past the last row. */
  row(row: number): CellValue[] {
    if (row < 1 || row > this.m.lastRow()) return [];
    return this.line(this.m.rows[row - 1], this.m.lastColumn(), value);
  }
  formulas(): string[][] {
    return this.grid((c) => c?.f ?? '');
  }
  notes(): string[][] {
    return this.grid((c) => c?.note ?? '');
  }
  formats(): string[][] {
    return this.grid((c) => c?.fmt ?? 'General');
  }
  /** Validation rules as {criteria, values, allowInvalid} or null. */
  validations(): Array<Array<{ criteria: string; values: unknown[]; allowInvalid: boolean } | null>> {
    return this.grid((c) => {
      const dv = c?.dv as { _criteria?: unknown; _values?: unknown[]; _allowInvalid?: boolean } | undefined;
      return dv?._criteria
        ? { criteria: String(dv._criteria), values: dv._values ?? [], allowInvalid: dv._allowInvalid ?? true }
        : null;
    });
  }
  styles(key: string): Array<Array<string | null>> {
    return this.grid((c) => c?.style?.[key] ?? null);
  }
  /** Cell at 1-based coordinates, with everything stored about it. */
  cell(row: number, col: number): Cell | undefined {
    return this.m.cell(row, col);
  }
  isHidden(): boolean {
    return this.m.hidden;
  }
  frozenRows(): number {
    return this.m.frozenRows;
  }
  frozenColumns(): number {
    return this.m.frozenCols;
  }
  maxRows(): number {
    return this.m.maxRows;
  }
  maxColumns(): number {
    return this.m.maxCols;
  }
  lastRow(): number {
    return this.m.lastRow();
  }
  lastColumn(): number {
    return this.m.lastColumn();
  }
  columnWidths(): Map<number, number> {
    return new Map(this.m.columnWidths);
  }
  hiddenColumns(): number[] {
    return [...this.m.hiddenColumns].sort((a, b) => a - b);
  }
  filteredRows(): number[] {
    return [...this.m.filteredRows].sort((a, b) => a - b);
  }
  columnGroups(): Array<{ first: number; count: number; depth: number; collapsed: boolean }> {
    return this.m.columnGroups.map((g) => ({ ...g }));
  }
  protections(): ProtectionModel[] {
    return this.m.protections.map((p) => ({ ...p, editors: [...p.editors] }));
  }
  charts(): ChartModel[] {
    return this.m.charts.map((c) => ({ ...c, ranges: [...c.ranges], options: { ...c.options } }));
  }
}

export class SpreadsheetView {
  constructor(
    private readonly world: SheetsWorld,
    private readonly model: () => SpreadsheetModel,
  ) {}
  get id(): string {
    return this.model().id;
  }
  get timeZone(): string {
    return this.model().timeZone;
  }
  get locale(): string {
    return this.model().locale;
  }
  sheetNames(): string[] {
    return this.model().sheets.map((s) => s.name);
  }
  sheet(name: string): SheetView {
    const m = this.model().sheets.find((s) => s.name === name);
    if (!m) throw new Error(`emulator: no sheet named "${name}" (have: ${this.sheetNames().join(', ')})`);
    return new SheetView(m);
  }
  /** Cells of the spreadsheet as Google counts them toward its 10,000,000 limit (every sheet's grid). */
  cellCount(): number {
    return cellCount(this.model());
  }
  hasSheet(name: string): boolean {
    return this.model().sheets.some((s) => s.name === name);
  }
  /** Writes without counting and without triggers: for seeding test fixtures. */
  host(): ReturnType<SheetsWorld['open']> {
    return this.world.open(this.model());
  }
}
