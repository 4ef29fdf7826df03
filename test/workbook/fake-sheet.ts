/** An in-memory SheetPort that counts calls, for table-layer tests. Values are stored as written. */
import type { CellBox, CellValue, Grid, SheetMatches, SheetPort } from '../../src/ports';

export class FakeSheet implements SheetPort {
  readonly calls = { read: 0, write: 0, writeList: 0, lastRow: 0, lastColumn: 0, appendRow: 0 };
  /** Cells written so far, one entry per cell (both write kinds). */
  readonly written: Array<[number, number]> = [];
  readonly writes: Array<{ row: number; column: number; rows: number; columns: number }> = [];
  cells: Grid;

  constructor(
    readonly name: string,
    rows: Grid = [],
  ) {
    this.cells = rows.map((r) => [...r]);
  }

  id(): number {
    return 1;
  }
  lastRow(): number {
    this.calls.lastRow++;
    for (let r = this.cells.length - 1; r >= 0; r--) if (this.cells[r].some((c) => c !== '')) return r + 1;
    return 0;
  }
  lastColumn(): number {
    this.calls.lastColumn++;
    let last = 0;
    for (const row of this.cells) {
      for (let i = 0; i < row.length; i++) if (row[i] !== '') last = Math.max(last, i + 1);
    }
    return last;
  }
  maxColumns(): number {
    return Math.max(26, ...this.cells.map((r) => r.length));
  }
  maxRows(): number {
    return Math.max(1000, this.cells.length);
  }
  insertRowsAfter(): void {}
  groupColumns(): void {}
  read(row: number, column: number, numRows: number, numColumns: number): Grid {
    if (numRows === 0 || numColumns === 0) return [];
    this.calls.read++;
    const out: Grid = [];
    for (let r = 0; r < numRows; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < numColumns; c++) line.push(this.cells[row - 1 + r]?.[column - 1 + c] ?? '');
      out.push(line);
    }
    return out;
  }
  write(row: number, column: number, values: Grid): void {
    this.calls.write++;
    this.writes.push({ row, column, rows: values.length, columns: values[0].length });
    values.forEach((line, r) => {
      if (line.length !== values[0].length) throw new Error('not rectangular');
      line.forEach((value, c) => {
        this.written.push([row + r, column + c]);
        this.set(row + r, column + c, value);
      });
    });
  }
  writeBlocks(
    blocks: ReadonlyArray<{ row: number; column: number; values: Grid }>,
    notes: ReadonlyArray<{ row: number; column: number; notes: string[][] }> = [],
  ): void {
    for (const block of blocks) this.write(block.row, block.column, block.values);
    if (notes.length > 0) this.writeNotes();
  }
  writeToBoxes(boxes: readonly CellBox[], value: CellValue): void {
    this.calls.writeList++;
    for (const box of boxes)
      for (let r = 0; r < box.numRows; r++)
        for (let c = 0; c < box.numColumns; c++) {
          this.written.push([box.row + r, box.column + c]);
          this.set(box.row + r, box.column + c, value);
        }
  }
  rowOf(column: number, text: string): number | null {
    const wanted = text.toLowerCase();
    const index = this.cells.findIndex(
      (row, r) => r > 0 && String(row?.[column - 1] ?? '').toLowerCase() === wanted,
    );
    return index < 0 ? null : index + 1;
  }
  hasInColumn(column: number, text: string): boolean {
    const wanted = text.toLowerCase();
    return this.cells.slice(1).some((row) => String(row?.[column - 1] ?? '').toLowerCase() === wanted);
  }
  findRows(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    pattern: string,
    options: { regex?: boolean; limit?: number } = {},
  ): number[] {
    const test = options.regex
      ? (text: string) => new RegExp(pattern, 'i').test(text)
      : (text: string) => text.toLowerCase().includes(pattern.toLowerCase());
    const rows: number[] = [];
    for (let r = row; r < row + numRows; r++)
      for (let c = column; c < column + numColumns; c++) if (test(String(this.value(r, c)))) rows.push(r);
    return options.limit === undefined ? rows : rows.slice(Math.max(0, rows.length - options.limit));
  }
  appendRow(values: CellValue[]): void {
    this.calls.appendRow++;
    this.cells.push([...values]);
  }
  /** What getValues would return: a text cell written with a leading apostrophe reads without it. */
  value(row: number, column: number): CellValue {
    return this.cells[row - 1]?.[column - 1] ?? '';
  }
  resetCalls(): void {
    for (const k of Object.keys(this.calls) as (keyof FakeSheet['calls'])[]) this.calls[k] = 0;
    this.writes.length = 0;
    this.written.length = 0;
  }
  private set(row: number, column: number, value: CellValue): void {
    while (this.cells.length < row) this.cells.push([]);
    const line = this.cells[row - 1];
    while (line.length < column) line.push('');
    line[column - 1] = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
  }
  readNotes(): string[][] {
    return [];
  }
  readWithNotes(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): { values: Grid; notes: string[][] } {
    return { values: this.read(row, column, numRows, numColumns), notes: [] };
  }
  findInColumn(): null {
    return null;
  }
  matchesInColumn(): null {
    return null;
  }
  firstRowContaining(): null {
    return null;
  }
  searchSheet(): SheetMatches {
    return { count: 0, rowAt: () => 0 };
  }
  searchColumn(): SheetMatches {
    return { count: 0, rowAt: () => 0 };
  }
  select(): void {}
  writeNotes(): void {}
  setNumberFormat(): void {}
  setListValidation(): void {}
  protectColumns(): void {}
  removeProtections(): void {}
  freezeRows(): void {}
  setHeaderStyle(): void {}
  setColumnWidth(): void {}
  hide(): void {}
  isHidden(): boolean {
    return false;
  }
  clear(): void {
    this.cells = [];
  }
  insertColumnsAfter(column: number, howMany: number): void {
    for (const line of this.cells) line.splice(column, 0, ...new Array<CellValue>(howMany).fill(''));
  }
  deleteRows(row: number, howMany: number): void {
    this.cells.splice(row - 1, howMany);
  }
  setBackgrounds(): void {}
  setNumberFormats(): void {}
  setFontWeights(): void {}
  addColumnChart(): void {}
  removeCharts(): void {}
}
