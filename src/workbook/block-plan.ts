/**
 * Turns scattered cell changes into as few rectangular writes as possible (SPEC §2: one setValues per
 * contiguous write, never a call per cell).
 *
 * Strategy:
 * 1. Changed columns are grouped into column segments: neighbours join when every column between them
 *    can be filled with the value already in the sheet (known from the read that preceded the update).
 * 2. Within a segment, changed rows join one block while every row between them, and every cell of
 *    the segment that did not change, can be filled the same way.
 * 3. A row that cannot be completed (its unchanged cells are unknown) is written on its own, one write
 *    per run of adjacent changed columns, merged with the next row when that row changes the same run.
 * Without fill values this is "one write per contiguous block of changed cells"; with the read that a
 * sweep does anyway it is one write per column segment, whatever the number of rows.
 */
import type { CellValue, Grid } from '../core/cells';

export interface Block {
  row: number;
  column: number;
  values: Grid;
}

/** Sheet row → sheet column → new value. */
export type CellChanges = Map<number, Map<number, CellValue>>;

/** The current value of a cell when it is known and safe to write back unchanged; undefined otherwise. */
export type FillValue = (row: number, column: number) => CellValue | undefined;

const NO_FILL: FillValue = () => undefined;

function valueAt(changes: CellChanges, fill: FillValue, row: number, column: number): CellValue | undefined {
  const changed = changes.get(row)?.get(column);
  return changed !== undefined ? changed : fill(row, column);
}

function canComplete(changes: CellChanges, fill: FillValue, row: number, from: number, to: number): boolean {
  for (let column = from; column <= to; column++) {
    if (valueAt(changes, fill, row, column) === undefined) return false;
  }
  return true;
}

function columnSegments(changes: CellChanges, fill: FillValue): Array<[number, number]> {
  const columns = new Set<number>();
  for (const cells of changes.values()) for (const column of cells.keys()) columns.add(column);
  const sorted = [...columns].sort((a, b) => a - b);
  const anyRow = Math.min(...changes.keys());
  const segments: Array<[number, number]> = [];
  for (const column of sorted) {
    const last = segments[segments.length - 1];
    // Bridging a gap needs the gap's current values in every row; checked per row in step 2 and 3.
    if (last && bridgeable(fill, anyRow, last[1] + 1, column - 1)) last[1] = column;
    else segments.push([column, column]);
  }
  return segments;
}

function bridgeable(fill: FillValue, row: number, from: number, to: number): boolean {
  for (let column = from; column <= to; column++) if (fill(row, column) === undefined) return false;
  return true;
}

function blockOf(changes: CellChanges, fill: FillValue, rows: number[], from: number, to: number): Block {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const values: Grid = [];
  for (let row = first; row <= last; row++) {
    const line: CellValue[] = [];
    for (let column = from; column <= to; column++) line.push(valueAt(changes, fill, row, column) ?? '');
    values.push(line);
  }
  return { row: first, column: from, values };
}

/** Writes for rows whose unchanged cells are unknown: runs of adjacent changed columns, merged downwards. */
function sparseBlocks(changes: CellChanges, rows: number[], from: number, to: number): Block[] {
  const blocks: Block[] = [];
  let open: { block: Block; lastRow: number; from: number; to: number } | null = null;
  for (const row of rows) {
    const columns = [...(changes.get(row)?.keys() ?? [])]
      .filter((c) => c >= from && c <= to)
      .sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const column of columns) {
      const run = runs[runs.length - 1];
      if (run && run[1] === column - 1) run[1] = column;
      else runs.push([column, column]);
    }
    for (const [start, end] of runs) {
      const line: CellValue[] = [];
      for (let column = start; column <= end; column++) line.push(changes.get(row)?.get(column) ?? '');
      if (open && runs.length === 1 && open.lastRow === row - 1 && open.from === start && open.to === end) {
        open.block.values.push(line);
        open.lastRow = row;
        continue;
      }
      const block: Block = { row, column: start, values: [line] };
      blocks.push(block);
      open = runs.length === 1 ? { block, lastRow: row, from: start, to: end } : null;
    }
  }
  return blocks;
}

export function planBlocks(changes: CellChanges, fill: FillValue = NO_FILL): Block[] {
  if (changes.size === 0) return [];
  const blocks: Block[] = [];
  for (const [from, to] of columnSegments(changes, fill)) {
    const rows = [...changes.keys()]
      .filter((row) => [...(changes.get(row)?.keys() ?? [])].some((c) => c >= from && c <= to))
      .sort((a, b) => a - b);
    const incomplete: number[] = [];
    let run: number[] = [];
    const flush = () => {
      if (run.length > 0) blocks.push(blockOf(changes, fill, run, from, to));
      run = [];
    };
    for (const row of rows) {
      if (!canComplete(changes, fill, row, from, to)) {
        incomplete.push(row);
        continue;
      }
      const previous = run[run.length - 1];
      const gapFillable =
        previous !== undefined &&
        Array.from({ length: row - previous - 1 }, (_, i) => previous + 1 + i).every((between) =>
          canComplete(changes, fill, between, from, to),
        );
      if (previous !== undefined && !gapFillable) flush();
      run.push(row);
    }
    flush();
    blocks.push(...sparseBlocks(changes, incomplete, from, to));
  }
  return blocks;
}
