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

type Row = Array<Cell | undefined>;

/**
 * One sheet's grid and settings, addressed 1-based. Rows are allocated only as far as they are used.
 *
 * Emulator.clone shares the grid's rows between the original and its copy, and each side copies a row
 * (with its cells) the first time it writes to it: a copy of a set-up desk then costs the rows it
 * changes, not the 100,000 cells of validated, formatted and empty rows it inherits. So every change to
 * a cell goes through `ensure`/`ownRow`; reads (`cell`, `rows`) may see shared rows and must not change
 * them.
 */
export class SheetModel implements CopiesOwnState {
  rows: Array<Row | undefined> = [];
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
  /**
   * The rows this model may change in place; null while it has never been cloned (every row is its
   * own). Rows not in it may be shared with a clone and are copied before a write (ownRow).
   */
  private owned: WeakSet<Row> | null = null;
  /**
   * lastRow() and lastColumn() as last computed, or -1: getLastRow runs in nearly every execution, over
   * sheets whose validated, empty rows run to the bottom. Every change to the grid goes through
   * ownRow/ownRows or a row or column insert/delete/clear here, and each of those drops them.
   */
  private lastRowSeen = -1;
  private lastColumnSeen = -1;

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  /**
   * Emulator.clone: every field copied; the rows are shared (copied on write on either side, see the
   * class comment) when their cells hold nothing another world could reach — values, formats, notes,
   * styles (replaced, never changed in place) and validation rules of plain values (immutable). A rule
   * holding anything else (a range of this world) is copied with the grid, as before.
   */
  [copyOwnState](copy: <T>(value: T) => T): SheetModel {
    const out = Object.create(SheetModel.prototype) as Record<string, unknown>;
    for (const [key, value] of Object.entries(this))
      out[key] = key === 'rows' || key === 'owned' ? undefined : copy(value);
    if (this.rows.every((row) => row === undefined || row.every(sharable, seenRules))) {
      out.rows = this.rows.slice();
      this.owned = new WeakSet();
      out.owned = new WeakSet();
    } else {
      out.rows = this.rows.map((row) => row?.map((c) => copyCell(c, copy)));
      out.owned = null;
    }
    return out as unknown as SheetModel;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  /** Row `row` (1-based), created if needed, for writing: its own, never shared with a clone. */
  ownRow(row: number): Row {
    this.changed();
    const r = this.rows[row - 1];
    if (!r) {
      const created: Row = [];
      this.rows[row - 1] = created;
      this.owned?.add(created);
      return created;
    }
    if (this.owned === null || this.owned.has(r)) return r;
    const copied = r.map((c) => (c === undefined ? c : copyCell(c)));
    this.rows[row - 1] = copied;
    this.owned.add(copied);
    return copied;
  }

  /** The cell, created if needed, for writing. */
  ensure(row: number, col: number): Cell {
    const r = this.ownRow(row);
    let c = r[col - 1];
    if (!c) {
      c = { v: '' };
      r[col - 1] = c;
    }
    return c;
  }

  /** Every existing row made its own, for changes across the whole grid (clear, columns moved). */
  ownRows(): Array<Row | undefined> {
    this.changed();
    if (this.owned !== null) for (let i = 0; i < this.rows.length; i++) if (this.rows[i]) this.ownRow(i + 1);
    return this.rows;
  }

  static hasContent(c: Cell | undefined): boolean {
    return c !== undefined && (c.v !== '' || c.f !== undefined);
  }

  /** Every cell may change: the cached last row and column are dropped. */
  private changed(): void {
    this.lastRowSeen = -1;
    this.lastColumnSeen = -1;
  }

  /** Empties the grid (Sheet.clear). */
  clearGrid(): void {
    this.changed();
    this.rows = [];
  }

  lastRow(): number {
    if (this.lastRowSeen < 0) this.lastRowSeen = this.findLastRow();
    return this.lastRowSeen;
  }

  private findLastRow(): number {
    // Plain loops: over sheets whose formatted, empty rows run to the bottom.
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
    if (this.lastColumnSeen < 0) this.lastColumnSeen = this.findLastColumn();
    return this.lastColumnSeen;
  }

  private findLastColumn(): number {
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
    this.changed();
    if (this.rows.length >= before) this.rows.splice(before - 1, 0, ...new Array<undefined>(count));
    this.maxRows += count;
  }

  deleteRows(start: number, count: number): void {
    this.changed();
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  insertColumns(before: number, count: number): void {
    for (const r of this.ownRows())
      if (r && r.length >= before) r.splice(before - 1, 0, ...new Array<undefined>(count));
    this.maxCols += count;
  }

  deleteColumns(start: number, count: number): void {
    for (const r of this.ownRows()) r?.splice(start - 1, count);
    this.maxCols -= count;
  }
}

/** A cell's own copy: a Date value is copied (Dates are mutable); styles and rules are never changed in place. */
function copyCell(c: Cell | undefined, copy?: <T>(value: T) => T): Cell | undefined {
  if (!c) return c;
  const cell: Cell = { ...c };
  if (c.v instanceof Date) cell.v = new Date(c.v.getTime());
  if (copy) {
    if (c.style) cell.style = copy(c.style);
    if (c.dv !== undefined) cell.dv = copy(c.dv);
  }
  return cell;
}

/** The last plain rule seen (a column's cells share one rule object): checked once, not per cell. */
const seenRules: { last: unknown } = { last: undefined };

/** Whether a cell can be shared with a clone: nothing in it refers to a part of one world. */
function sharable(this: { last: unknown }, c: Cell | undefined): boolean {
  if (c === undefined || c.dv === undefined || c.dv === this.last) return true;
  if (!plainRule(c.dv)) return false;
  this.last = c.dv;
  return true;
}

const plainRules = new WeakSet<object>();

/** A validation rule of plain values (a list, a checkbox): fields of primitives, enums, lists of them. */
function plainRule(dv: unknown): boolean {
  if (dv === null || typeof dv !== 'object') return true;
  if (plainRules.has(dv)) return true;
  const plain = (v: unknown, depth: number): boolean =>
    v === null ||
    typeof v !== 'object' ||
    Object.isFrozen(v) ||
    (depth < 2 && Array.isArray(v) && v.every((x) => plain(x, depth + 1)));
  const ok = Object.values(dv).every((v) => plain(v, 0));
  if (ok) plainRules.add(dv);
  return ok;
}
