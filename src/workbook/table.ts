/**
 * The one layer that reads and writes every sheet by header (SPEC §3). Jobs say which columns they need
 * by key; the table finds them wherever the user put them, decodes labels of either language into codes,
 * and batches: one read per `readRows`, one write per append and per contiguous block of an update.
 *
 * Calls per operation (each `SheetPort` method is one Sheets call):
 * - readRows: lastRow + lastColumn + 1 read when the header map is known (cached and still matching,
 *   checked on the header cells read in the same block), else 1 more read of row 1.
 * - appendRecords: 1 write, plus lastRow unless a read in this execution already saw it (jobs append
 *   under the document lock, so the last row cannot move in between). The header row is checked once
 *   per execution before the first append (1 read of the cached width, or lastColumn + 1 read).
 * - appendRecord: 1 appendRow, for append-only logs whose row number nobody needs.
 * - updateRows: 1 write per block of changed cells (see ./block-plan.ts).
 * - updateRowsByValue: 1 RangeList write per distinct value, whatever the number of rows.
 */
import type { CellValue, Grid } from '../core/cells';
import type { Lang } from '../i18n';
import type { LockPort, SheetMatches, SheetPort } from '../ports';
import { type Block, type CellChanges, planBlocks, planValueLists } from './block-plan';
import { decodeCell, encodeCell, type TypedValue } from './codec';
import { MissingColumnError } from './errors';
import { buildHeaderMap, type HeaderMap, headerMatches } from './header-map';
import { type ColumnSpec, columnLabel, columnOf, type SheetSchema, sheetTitle } from './schema';

export interface TableRow<T> {
  /** 1-based sheet row: valid until the sheet is sorted or rows are inserted; identify records by ID. */
  row: number;
  values: T;
  /** Cells whose text the column type could not read (unknown enum label, text in a date column): kept raw. */
  unrecognized: Partial<Record<keyof T, string>>;
}

/** A cell that could not be decoded, for the health check and the job's log. */
export interface CellIssue {
  sheet: string;
  row: number;
  column: string;
  text: string;
}

export interface ReadResult<T> {
  rows: TableRow<T>[];
  issues: CellIssue[];
}

/** Cells of one or more columns that all get one value (one RangeList write). */
export interface ValueGroup<R> {
  value: CellValue;
  keys: Array<keyof R & string>;
  cells: number;
}

export interface RowChange<R> {
  row: number;
  values: Partial<R>;
}

/** Values a record may hold in a cell (typed by the row interfaces of ./schemas). */
type RecordValue = TypedValue | null | undefined;

/**
 * The fields of `next` that differ from what was read (`read`), plus the `keep` keys whatever their
 * value (the cells a person just edited, rewritten in their canonical form). A field that was not read
 * is kept: only a known-equal cell is left alone, so it is not written back over a newer edit.
 */
export function changedFields<R extends object>(
  read: Partial<R>,
  next: Partial<R>,
  keep: readonly (keyof R)[] = [],
): Partial<R> {
  const changed: Partial<R> = {};
  for (const key of Object.keys(next) as (keyof R)[]) {
    if (keep.includes(key) || !(key in read) || !sameValue(read[key], next[key])) changed[key] = next[key];
  }
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (
    a === b || ((a === '' || a === null || a === undefined) && (b === '' || b === null || b === undefined))
  );
}

/** How long an append that needs the document lock waits for it. */
const APPEND_LOCK_MS = 30_000;

/** Empty rows left spare when an append outgrows the sheet (Sheets' own default size of a new sheet). */
const GROW_ROWS = 1000;

/**
 * Registers whose appends use the cached header map without a check of their own, because their job's
 * call budget (SPEC §15: an audit submission ≤ 15 calls) has no room for it; the hourly run checks
 * these headers, one sheet per run (jobs/scheduler.ts), so a moved column is seen within two hours.
 */
export const HEADERS_CHECKED_HOURLY: ReadonlySet<string> = new Set(['audits', 'auditItems']);

export class Table<R extends object> {
  private map: HeaderMap | null;
  /** Whether `map` was compared with the sheet's row 1 during this execution. */
  private verified = false;
  /** The sheet's last row as seen by this execution's last read or append. */
  private lastRowSeen: number | null = null;

  constructor(
    private readonly sheet: SheetPort,
    readonly schema: SheetSchema<keyof R & string>,
    readonly lang: Lang,
    cachedMap: HeaderMap | null = null,
    /** Multi-row appends take the document lock when the caller does not hold it (issue 13). */
    private readonly lock: LockPort | null = null,
  ) {
    this.map = cachedMap && cachedMap.sheet === schema.key ? cachedMap : null;
  }

  get title(): string {
    return sheetTitle(this.schema, this.lang);
  }

  /** The header map, read from row 1 unless already checked during this execution (cache it with serializeHeaderMap). */
  headerMap(): HeaderMap {
    if (this.map && this.verified) return this.map;
    const cached = this.map;
    const complete =
      cached !== null &&
      this.schema.columns.every((column) => !column.required || cached.columns[column.key] !== undefined);
    if (cached && complete && cached.headers.length > 0) {
      // One read of the cached width checks the cached map: any moved, renamed or deleted column of
      // ours shows as a difference there (a column added at the right changes nothing we write). A map
      // lacking a required column is read afresh: the column may have been added back since.
      try {
        const cells = this.sheet.read(1, 1, 1, cached.headers.length)[0] ?? [];
        if (headerMatches(cached, 1, cells)) {
          this.verified = true;
          return cached;
        }
      } catch {
        // Columns were deleted past the cached width: read the header afresh.
      }
    }
    const width = this.sheet.lastColumn();
    const header = width > 0 ? this.sheet.read(1, 1, 1, width)[0] : [];
    this.map = buildHeaderMap(this.schema, header);
    this.verified = true;
    return this.map;
  }

  /** The header map if it was checked against row 1 during this execution (worth caching), else null. */
  verifiedHeaderMap(): HeaderMap | null {
    return this.verified ? this.map : null;
  }

  /** The header map as known without reading the sheet: cached (possibly stale) or verified; null if neither. */
  knownHeaderMap(): HeaderMap | null {
    return this.map;
  }

  /** The sheet columns spanning `keys` in the known header map, or null. */
  columnSpan(keys: readonly (keyof R & string)[]): { first: number; last: number } | null {
    return this.span(keys);
  }

  /**
   * Decodes a block the caller read itself (a row found by a TextFinder, say) with the known header map.
   */
  decodeBlock<K extends keyof R & string>(
    keys: readonly K[],
    grid: Grid,
    firstRow: number,
    firstColumn: number,
  ): ReadResult<Pick<R, K>> {
    return this.decodeRows(keys, grid, firstRow, firstColumn);
  }

  /** Throws MissingColumnError for the first required column among `keys` that the sheet lacks. */
  requireColumns(keys: readonly (keyof R & string)[] = this.schema.columns.map((c) => c.key)): void {
    const map = this.headerMap();
    for (const key of keys) {
      const column = this.column(key);
      if (column.required && map.columns[key] === undefined) {
        throw new MissingColumnError(this.title, columnLabel(column, this.lang), key);
      }
    }
  }

  /**
   * Reads `keys` for every data row with one read of the column span that covers them. With a cached
   * map the header row is read in the same block and checked; a stale map costs one more read.
   */
  readRows<K extends keyof R & string>(keys: readonly K[]): ReadResult<Pick<R, K>> {
    const lastRow = this.sheet.lastRow();
    this.lastRowSeen = lastRow;
    if (this.map && !this.verified) {
      const fromCache = this.readWithCachedHeader(keys, lastRow);
      if (fromCache) return fromCache;
    }
    this.requireColumns(keys);
    const span = this.span(keys);
    if (lastRow < 2 || span === null) return { rows: [], issues: [] };
    const grid = this.sheet.read(2, span.first, lastRow - 1, span.last - span.first + 1);
    return this.decodeRows(keys, grid, 2, span.first);
  }

  /** Reads `keys` of `count` rows from `firstRow` (e.g. the rows a user just edited) with one read. */
  readRowsAt<K extends keyof R & string>(
    firstRow: number,
    count: number,
    keys: readonly K[],
  ): ReadResult<Pick<R, K>> {
    this.requireColumns(keys);
    const span = this.span(keys);
    const first = Math.max(firstRow, 2);
    const rows = Math.min(firstRow + count, this.sheet.lastRow() + 1) - first;
    if (rows <= 0 || span === null) return { rows: [], issues: [] };
    const grid = this.sheet.read(first, span.first, rows, span.last - span.first + 1);
    return this.decodeRows(keys, grid, first, span.first);
  }

  /** Whether a record's `key` cell is exactly `value` (any case): one search, whatever the sheet's size. */
  has(key: keyof R & string, value: string): boolean {
    // A search writes nothing: a cached map will do (a stale one finds nothing, it misplaces nothing).
    const map = this.map ?? this.mapForAppend();
    const index = map.columns[key];
    const wanted = value.trim();
    // The search sees the header row too: a value that is the column's header is no record.
    const header = index === undefined ? '' : String(map.headers[index - 1] ?? '');
    if (index === undefined || wanted === '' || wanted.toLowerCase() === header.trim().toLowerCase())
      return false;
    return this.sheet.hasInColumn(index, wanted);
  }

  /** The sheet row of the record whose `key` cell is exactly `value` (any case), or null: one search. */
  rowOf(key: keyof R & string, value: string): number | null {
    const index = this.mapForAppend().columns[key];
    return index === undefined || value.trim() === '' ? null : this.sheet.rowOf(index, value.trim());
  }

  /**
   * Data rows where a cell of the `keys` columns (the span covering them) contains `pattern` in any case
   * (or matches it as a regular expression), searched by Google (TextFinder): one search whatever the
   * number of rows, no cell read. At most the last `limit` matches. Callers check the rows they read.
   */
  findRows(
    keys: readonly (keyof R & string)[],
    pattern: string,
    options: { regex?: boolean; exact?: boolean; limit?: number } = {},
  ): number[] {
    this.requireColumns(keys);
    if (options.exact) {
      // The whole cell, as a regular expression: a response 7:2 is not 7:20.
      pattern = `^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
      options = { ...options, regex: true };
    }
    const span = this.span(keys);
    const lastRow = this.lastRowSeen ?? this.sheet.lastRow();
    this.lastRowSeen = lastRow;
    if (span === null || lastRow < 2) return [];
    return this.sheet.findRows(2, span.first, lastRow - 1, span.last - span.first + 1, pattern, options);
  }

  /**
   * Where `text` is in the `key` column below the header, found by Google (TextFinder) with no cell
   * read and no getLastRow: the first and last such rows and how many; null when none. Any case; the
   * whole cell unless `wholeCell` is false (one call fewer), which also finds longer cells containing
   * `text` — callers check the rows they read. The header map is checked first (the search needs the
   * column where it is now).
   */
  spanOf(
    key: keyof R & string,
    text: string,
    { wholeCell = true }: { wholeCell?: boolean } = {},
  ): { first: number; last: number; count: number } | null {
    this.requireColumns([key]);
    const index = this.map?.columns[key];
    const wanted = text.trim();
    if (index === undefined || wanted === '') return null;
    return this.sheet.findInColumn(index, 2, wanted, { wholeCell });
  }

  /** Reads `keys` of rows first…last, which a search just found (so within the sheet): one read, no getLastRow. */
  readRowSpan<K extends keyof R & string>(
    first: number,
    last: number,
    keys: readonly K[],
  ): ReadResult<Pick<R, K>> {
    this.requireColumns(keys);
    const span = this.span(keys);
    const from = Math.max(first, 2);
    if (span === null || last < from) return { rows: [], issues: [] };
    const grid = this.sheet.read(from, span.first, last - from + 1, span.last - span.first + 1);
    return this.decodeRows(keys, grid, from, span.first);
  }

  /** The sheet's last row, asked once per execution (appends under the lock keep it current). */
  lastRow(): number {
    this.lastRowSeen ??= this.sheet.lastRow();
    return this.lastRowSeen;
  }

  /** Cells of the whole sheet whose text contains `text`, any case (SheetPort.searchSheet): two calls. */
  searchSheet(text: string): SheetMatches {
    return this.sheet.searchSheet(text);
  }

  /** Cells of the `key` column below the header containing `text`, any case (SheetPort.searchColumn): three calls. */
  searchColumn(key: keyof R & string, text: string): SheetMatches {
    this.requireColumns([key]);
    const index = this.map?.columns[key];
    if (index === undefined || text.trim() === '') return { count: 0, rowAt: () => 0 };
    return this.sheet.searchColumn(index, 2, text.trim());
  }

  /**
   * Rows first…last across the header's whole width, one read: the cells as read (to look at every
   * column, as a whole-sheet search does) and `keys` decoded.
   */
  readWideSpan<K extends keyof R & string>(
    first: number,
    last: number,
    keys: readonly K[],
  ): { grid: Grid; rows: TableRow<Pick<R, K>>[] } {
    this.requireColumns(keys);
    const width = this.headerMap().headers.length;
    const from = Math.max(first, 2);
    if (width === 0 || last < from) return { grid: [], rows: [] };
    const grid = this.sheet.read(from, 1, last - from + 1, width);
    return { grid, rows: this.decodeRows(keys, grid, from, 1).rows };
  }

  /** Reads `keys` of each listed row (rows found by findRows, so within the last row seen): one read per row. */
  readRowList<K extends keyof R & string>(
    rows: readonly number[],
    keys: readonly K[],
  ): ReadResult<Pick<R, K>> {
    this.requireColumns(keys);
    const span = this.span(keys);
    const result: ReadResult<Pick<R, K>> = { rows: [], issues: [] };
    if (span === null) return result;
    for (const row of rows) {
      if (row < 2) continue;
      const grid = this.sheet.read(row, span.first, 1, span.last - span.first + 1);
      const decoded = this.decodeRows(keys, grid, row, span.first);
      result.rows.push(...decoded.rows);
      result.issues.push(...decoded.issues);
    }
    return result;
  }

  /** The schema keys of the columns between `first` and `last` (1-based, inclusive) of the sheet. */
  keysInColumns(first: number, last: number): Array<keyof R & string> {
    const map = this.headerMap();
    return this.schema.columns
      .map((column) => column.key)
      .filter((key) => {
        const index = map.columns[key];
        return index !== undefined && index >= first && index <= last;
      });
  }

  /** Appends records in one write after the last row, across the full header width (user columns left ''). */
  appendRecords(
    records: readonly Partial<R>[],
    { trustCache = false }: { trustCache?: boolean } = {},
  ): { firstRow: number; count: number } {
    // Several rows are one write at a row found first, which another append must not take meanwhile:
    // under the document lock, and with the last row read under it (a row seen before may be stale).
    const lock = this.lock;
    if (records.length > 1 && lock && !lock.held()) {
      return lock.withDocumentLock(APPEND_LOCK_MS, () => {
        this.lastRowSeen = null;
        return this.appendUnderLock(records, trustCache);
      });
    }
    return this.appendUnderLock(records, trustCache);
  }

  private appendUnderLock(
    records: readonly Partial<R>[],
    trustCache: boolean,
  ): { firstRow: number; count: number } {
    const map = trustCache && this.map ? this.map : this.mapForAppend();
    const firstRow = (this.lastRowSeen ?? this.sheet.lastRow()) + 1;
    if (records.length === 0) return { firstRow, count: 0 };
    const lastRow = firstRow + records.length - 1;
    if (records.length === 1) {
      // appendRow lands on firstRow (the last row is known under the lock) and grows a full sheet.
      this.sheet.appendRow(this.line(map, records[0]));
    } else {
      const lines = records.map((record) => this.line(map, record));
      // A burst of many rows (escalations of a whole backlog, an import) most likely outgrows the sheet:
      // asking its size first costs one call, a failed write would cost one more.
      if (records.length >= GROW_ROWS / 2) {
        const maxRows = this.sheet.maxRows();
        if (lastRow > maxRows) this.sheet.insertRowsAfter(maxRows, lastRow - maxRows + GROW_ROWS);
      }
      try {
        this.sheet.write(firstRow, 1, lines);
      } catch (error) {
        // A range beyond the sheet's rows is an error in Sheets. Growing is rare (GROW_ROWS at a time),
        // so the common append costs no getMaxRows: on a failed write, grow if that was why, and retry.
        const maxRows = this.sheet.maxRows();
        if (lastRow <= maxRows) throw error;
        this.sheet.insertRowsAfter(maxRows, lastRow - maxRows + GROW_ROWS);
        this.sheet.write(firstRow, 1, lines);
      }
    }
    this.lastRowSeen = lastRow;
    return { firstRow, count: records.length };
  }

  /**
   * Appends one record with a single appendRow call (its row number is not returned). `trustCache`
   * skips the header check when a cached map exists — only for History rows of intake and the ticket
   * panel, whose call budgets (SPEC §15, issue 19) have no room for it; the hourly run checks that
   * header every run.
   */
  appendRecord(record: Partial<R>, { trustCache = false }: { trustCache?: boolean } = {}): void {
    const map = trustCache && this.map ? this.map : this.mapForAppend();
    this.sheet.appendRow(this.line(map, record));
    if (this.lastRowSeen !== null) this.lastRowSeen += 1;
  }

  /** Throws MissingColumnError for a required column the map for appends lacks (no Sheets call when cached). */
  requireColumnsForAppend(): void {
    this.mapForAppend();
  }

  /**
   * The header row appends write under, checked against the sheet once per execution (a cached map may
   * be hours old, and people move columns): a row never lands under the wrong headers.
   */
  private mapForAppend(): HeaderMap {
    const map = this.map && HEADERS_CHECKED_HOURLY.has(this.schema.key) ? this.map : this.headerMap();
    for (const column of this.schema.columns) {
      if (column.required && map.columns[column.key] === undefined) {
        throw new MissingColumnError(this.title, columnLabel(column, this.lang), column.key);
      }
    }
    return map;
  }

  /** One full-width row in the sheet's column order; user columns left ''. */
  private line(map: HeaderMap, record: Partial<R>): CellValue[] {
    const width = Math.max(map.headers.length, ...Object.values(map.columns));
    const line: CellValue[] = new Array<CellValue>(width).fill('');
    for (const column of this.schema.columns) {
      const index = map.columns[column.key];
      if (index !== undefined) line[index - 1] = this.encode(column, record, column.key);
    }
    return line;
  }

  /**
   * Writes the changed cells only, batched into rectangular blocks of changed cells (./block-plan.ts):
   * a cell this execution merely read is never written back, as someone may have typed into it since.
   * Returns the number of writes.
   */
  updateRows(
    changes: readonly RowChange<R>[],
    notes: ReadonlyArray<{ row: number; notes: Partial<Record<keyof R & string, string>> }> = [],
  ): number {
    const blocks: Block[] = planBlocks(this.cellChanges(changes));
    // Notes explain the values just written: their blocks share the values' one list of ranges.
    const noteBlocks = notes.flatMap(({ row, notes: line }) => this.noteBlocks(row, [line]));
    this.sheet.writeBlocks(blocks, noteBlocks);
    return blocks.length + noteBlocks.length;
  }

  /**
   * Writes the changed cells only, one RangeList per distinct value (2 calls each, whatever the number of
   * rows): for many scattered rows changed to few values (the sweep). With `maxValues`, the groups of
   * lowest `rank` go first (ties: the most cells first); the groups left out are returned with their
   * cells (the caller recomputes them next run).
   */
  updateRowsByValue(
    changes: readonly RowChange<R>[],
    options: { maxValues?: number; rank?: (group: ValueGroup<R>) => number } = {},
  ): { writes: number; unwritten: Array<{ row: number; key: keyof R & string }>; deferred: ValueGroup<R>[] } {
    const cells = this.cellChanges(changes);
    const map = this.headerMap();
    const keyOf = new Map<number, keyof R & string>();
    for (const [key, index] of Object.entries(map.columns)) keyOf.set(index, key as keyof R & string);
    const groups = planValueLists(cells).map((list) => {
      const columns = new Set(list.cells.map(([, column]) => column));
      const keys = [...columns].map((column) => keyOf.get(column)).filter((k) => k !== undefined);
      const group: ValueGroup<R> = { value: list.value, keys, cells: list.cells.length };
      return { list, group, rank: options.rank?.(group) ?? 0 };
    });
    groups.sort((a, b) => a.rank - b.rank || b.group.cells - a.group.cells);
    const limit = options.maxValues ?? groups.length;
    const result = {
      writes: 0,
      unwritten: [] as Array<{ row: number; key: keyof R & string }>,
      deferred: [] as ValueGroup<R>[],
    };
    groups.forEach(({ list, group }, i) => {
      if (i < limit) {
        this.sheet.writeToBoxes(list.boxes, list.value);
        result.writes += 1;
        return;
      }
      result.deferred.push(group);
      for (const [row, column] of list.cells) {
        const key = keyOf.get(column);
        if (key !== undefined) result.unwritten.push({ row, key });
      }
    });
    return result;
  }

  /** The encoded new value of each changed cell, by sheet row and column (keys the sheet lacks are skipped). */
  private cellChanges(changes: readonly RowChange<R>[]): CellChanges {
    const keys = new Set<keyof R & string>();
    for (const change of changes)
      for (const key of Object.keys(change.values)) keys.add(key as keyof R & string);
    this.requireColumns([...keys]);
    const map = this.headerMap();
    const cells: CellChanges = new Map();
    for (const change of changes) {
      const line = cells.get(change.row) ?? new Map<number, CellValue>();
      for (const key of Object.keys(change.values) as (keyof R & string)[]) {
        const index = map.columns[key];
        if (index !== undefined) line.set(index, this.encode(this.column(key), change.values, key));
      }
      if (line.size > 0) cells.set(change.row, line);
    }
    return cells;
  }

  /**
   * Sets the notes of one row's cells by column key. Writes one block per run of columns, where a run
   * may bridge our own columns (their notes are ours to clear) but never a user column (its notes are
   * theirs). A key the sheet lacks is skipped: notes only explain values. Returns the number of writes.
   */
  writeNotes(row: number, notes: Partial<Record<keyof R & string, string>>): number {
    return this.writeNotesOfRows(row, [notes]);
  }

  /**
   * The notes of consecutive rows from `firstRow` (e.g. records just appended together), one write per
   * run of columns over all the rows; a row that lacks a key of another row gets '' there.
   */
  writeNotesOfRows(firstRow: number, rows: ReadonlyArray<Partial<Record<keyof R & string, string>>>): number {
    const blocks = this.noteBlocks(firstRow, rows);
    for (const block of blocks) this.sheet.writeNotes(block.row, block.column, block.notes);
    return blocks.length;
  }

  /** The note blocks of consecutive rows from `firstRow`: one per run of columns (see writeNotes). */
  private noteBlocks(
    firstRow: number,
    rows: ReadonlyArray<Partial<Record<keyof R & string, string>>>,
  ): Array<{ row: number; column: number; notes: string[][] }> {
    // Notes follow the values just written: the map those were placed with is the one to trust.
    const map = this.map ?? this.headerMap();
    // A block may run over our columns that carry no notes (writing '' there changes nothing), never
    // over a user's column or a column whose notes explain something (they would be blanked).
    const ours = new Set(
      this.schema.columns
        .filter((column) => !column.noted && map.columns[column.key] !== undefined)
        .map((column) => map.columns[column.key] as number),
    );
    const wanted = rows.map(() => new Map<number, string>());
    const indexSet = new Set<number>();
    rows.forEach((notes, i) => {
      for (const [key, note] of Object.entries(notes) as Array<[string, string]>) {
        const index = map.columns[key];
        if (index === undefined) continue;
        wanted[i].set(index, note);
        indexSet.add(index);
      }
    });
    const indexes = [...indexSet].sort((a, b) => a - b);
    const blocks: Array<{ row: number; column: number; notes: string[][] }> = [];
    let start = 0;
    while (start < indexes.length) {
      let end = start;
      while (end + 1 < indexes.length && this.bridgeable(indexes[end], indexes[end + 1], ours)) end += 1;
      const first = indexes[start];
      const last = indexes[end];
      const block = wanted.map((line) => {
        const cells: string[] = [];
        for (let column = first; column <= last; column++) cells.push(line.get(column) ?? '');
        return cells;
      });
      blocks.push({ row: firstRow, column: first, notes: block });
      start = end + 1;
    }
    return blocks;
  }

  private bridgeable(from: number, to: number, ours: ReadonlySet<number>): boolean {
    for (let column = from + 1; column < to; column++) if (!ours.has(column)) return false;
    return true;
  }

  private readWithCachedHeader<K extends keyof R & string>(
    keys: readonly K[],
    lastRow: number,
  ): ReadResult<Pick<R, K>> | null {
    const map = this.map;
    if (!map) return null;
    const span = this.span(keys);
    if (span === null || keys.some((key) => this.column(key).required && map.columns[key] === undefined))
      return null;
    let grid: Grid;
    try {
      grid = this.sheet.read(1, span.first, Math.max(lastRow, 1), span.last - span.first + 1);
    } catch {
      // A stale map can point past the sheet's last column (columns were deleted): re-read the header.
      return null;
    }
    if (!headerMatches(map, span.first, grid[0] ?? [])) return null;
    this.verified = true;
    return this.decodeRows(keys, grid.slice(1), 2, span.first);
  }

  private column(key: string): ColumnSpec {
    return columnOf(this.schema, key);
  }

  private span(keys: readonly string[]): { first: number; last: number } | null {
    const indexes = keys.map((key) => this.map?.columns[key]).filter((i): i is number => i !== undefined);
    return indexes.length === 0 ? null : { first: Math.min(...indexes), last: Math.max(...indexes) };
  }

  private decodeRows<K extends keyof R & string>(
    keys: readonly K[],
    grid: Grid,
    firstRow: number,
    firstColumn: number,
  ): ReadResult<Pick<R, K>> {
    const located = keys.map((key) => ({
      key,
      column: this.column(key),
      offset: (this.map?.columns[key] ?? 0) - firstColumn,
    }));
    const rows: TableRow<Pick<R, K>>[] = [];
    const issues: CellIssue[] = [];
    grid.forEach((line, i) => {
      const values: Record<string, TypedValue> = {};
      const unrecognized: Partial<Record<K, string>> = {};
      for (const { key, column, offset } of located) {
        const decoded = offset < 0 ? { value: '' } : decodeCell(column, line[offset] ?? '');
        values[key] = decoded.value;
        if (decoded.unrecognized !== undefined) {
          unrecognized[key] = decoded.unrecognized;
          issues.push({
            sheet: this.title,
            row: firstRow + i,
            column: columnLabel(column, this.lang),
            text: decoded.unrecognized,
          });
        }
      }
      // The schema's column types are the row interface's field types (one decoder per type), hence the cast.
      rows.push({ row: firstRow + i, values: values as Pick<R, K>, unrecognized });
    });
    return { rows, issues };
  }

  private encode(column: ColumnSpec, record: Partial<R>, key: keyof R & string): CellValue {
    return encodeCell(column, (record as Record<string, RecordValue>)[key], this.lang);
  }
}
