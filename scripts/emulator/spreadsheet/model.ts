import { type CopiesOwnState, copyOwnState } from '../clone';
import type { CellValue } from './values';

/** Everything Sheets keeps about one cell. Absent fields mean the default. */
export interface Cell {
  v: CellValue;
  f?: string;
  note?: string;
  fmt?: string;
  dv?: unknown;
  style?: Record<string, string>;
}

export interface ProtectionModel {
  id: number;
  type: 'SHEET' | 'RANGE';
  /** For RANGE protections: [row, col, numRows, numCols]. */
  box?: [number, number, number, number];
  description: string;
  warningOnly: boolean;
  editors: string[];
}

export interface ChartModel {
  id: number;
  type: string;
  ranges: string[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface FilterModel {
  box: [number, number, number, number];
  /** Per sheet column: whether a cell's text is hidden by that column's criteria. */
  criteria: Map<number, (text: string) => boolean>;
}

export interface ColumnGroupModel {
  first: number;
  count: number;
  depth: number;
  collapsed: boolean;
}

/** One sheet's grid and settings, addressed 1-based. Rows are allocated only as far as they are used. */
export class SheetModel implements CopiesOwnState {
  rows: Array<Array<Cell | undefined> | undefined> = [];
  maxRows = 1000;
  maxCols = 26;
  hidden = false;
  frozenRows = 0;
  frozenCols = 0;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** The sheet's basic filter, if any. */
  filter: FilterModel | null = null;
  /** Rows the filter hides from view. */
  readonly filteredRows = new Set<number>();
  /** Column groups (depth 1 is the outermost); collapsing hides the group's columns. */
  columnGroups: ColumnGroupModel[] = [];
  protections: ProtectionModel[] = [];
  charts: ChartModel[] = [];

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  /** Emulator.clone: every field copied; each cell is copied by value (a cell is in one place only). */
  [copyOwnState](copy: <T>(value: T) => T): SheetModel {
    const out = Object.create(SheetModel.prototype) as Record<string, unknown>;
    for (const [key, value] of Object.entries(this)) out[key] = key === 'rows' ? undefined : copy(value);
    out.rows = this.rows.map((row) =>
      row?.map((c) => {
        if (!c) return c;
        const cell: Cell = { ...c };
        if (c.v instanceof Date) cell.v = new Date(c.v.getTime());
        if (c.style) cell.style = copy(c.style);
        if (c.dv !== undefined) cell.dv = copy(c.dv);
        return cell;
      }),
    );
    return out as unknown as SheetModel;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** The cell, created if needed, for writing. */
  ensure(row: number, col: number): Cell {
    let r = this.rows[row - 1];
    if (!r) {
      r = [];
      this.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = { v: '' };
      r[col - 1] = c;
    }
    return c;
  }

  static hasContent(c: Cell | undefined): boolean {
    return c !== undefined && (c.v !== '' || c.f !== undefined);
  }

  lastRow(): number {
    // Plain loops: getLastRow runs in nearly every execution, over sheets whose formatted, empty rows
    // run to the bottom.
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const r = this.rows[i];
      if (!r) continue;
      for (let j = 0; j < r.length; j++) {
        const c = r[j];
        if (c !== undefined && (c.v !== '' || c.f !== undefined)) return i + 1;
      }
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const r of this.rows) {
      if (!r) continue;
      for (let j = r.length - 1; j >= last; j--) {
        if (SheetModel.hasContent(r[j])) {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  insertRows(before: number, count: number): void {
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...new Array<undefined>(count));
    this.maxRows += count;
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  insertColumns(before: number, count: number): void {
    for (const r of this.rows)
      if (r && r.length >= before) r.splice(before - 1, 0, ...new Array<undefined>(count));
    this.maxCols += count;
  }

  deleteColumns(start: number, count: number): void {
    for (const r of this.rows) r?.splice(start - 1, count);
    this.maxCols -= count;
  }
}
