/**
 * Turns scattered cell changes into few writes that touch the changed cells only (issue 13: a cell a job
 * merely read is never written back, since a person may have typed into it since the read).
 *
 * Two plans, for two shapes of change:
 * - planBlocks: rectangles of changed cells — each row's runs of adjacent changed columns, merged with
 *   the rows below that change the same run. One setValues per block: right for a few rows (an edit, a
 *   callback, a panel action), costly for thousands of scattered rows.
 * - planValueLists: one list of ranges per distinct value (RangeList.setValue), each range a vertical run
 *   of rows of one column getting that value. The number of writes is the number of distinct values,
 *   whatever the number of rows: right for the sweep (SPEC §15: ≤ 30 calls at 100,000 tickets).
 */
import type { CellValue, Grid } from '../core/cells';
import type { CellBox } from '../ports';

export interface Block {
  row: number;
  column: number;
  values: Grid;
}

/** Sheet row → sheet column → new value. */
export type CellChanges = Map<number, Map<number, CellValue>>;

/** Cells that all get one value: one RangeList.setValue. */
export interface ValueList {
  value: CellValue;
  boxes: CellBox[];
  /** The changed cells it covers (row, column), for callers that need to know what was written. */
  cells: Array<[number, number]>;
}

function runsOf(columns: Iterable<number>): Array<[number, number]> {
  const sorted = [...columns].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const column of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[1] === column - 1) run[1] = column;
    else runs.push([column, column]);
  }
  return runs;
}

export function planBlocks(changes: CellChanges): Block[] {
  const blocks: Block[] = [];
  // The block each run of columns is growing, keyed "from:to", with the last row it covers.
  const open = new Map<string, { block: Block; lastRow: number }>();
  for (const row of [...changes.keys()].sort((a, b) => a - b)) {
    const cells = changes.get(row);
    if (!cells) continue;
    for (const [from, to] of runsOf(cells.keys())) {
      const line: CellValue[] = [];
      for (let column = from; column <= to; column++) line.push(cells.get(column) ?? '');
      const key = `${from}:${to}`;
      const growing = open.get(key);
      if (growing && growing.lastRow === row - 1) {
        growing.block.values.push(line);
        growing.lastRow = row;
        continue;
      }
      const block: Block = { row, column: from, values: [line] };
      blocks.push(block);
      open.set(key, { block, lastRow: row });
    }
  }
  return blocks;
}

/** Identity of a cell value for grouping: type and content (a Date by its instant). */
function valueKey(value: CellValue): string {
  return value instanceof Date ? `d:${value.getTime()}` : `${typeof value}:${String(value)}`;
}

export function planValueLists(changes: CellChanges): ValueList[] {
  const byValue = new Map<string, { value: CellValue; byColumn: Map<number, number[]> }>();
  for (const [row, cells] of changes) {
    for (const [column, value] of cells) {
      const key = valueKey(value);
      let group = byValue.get(key);
      if (!group) {
        group = { value, byColumn: new Map() };
        byValue.set(key, group);
      }
      const rows = group.byColumn.get(column) ?? [];
      rows.push(row);
      group.byColumn.set(column, rows);
    }
  }
  const lists: ValueList[] = [];
  for (const { value, byColumn } of byValue.values()) {
    const list: ValueList = { value, boxes: [], cells: [] };
    for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
      const rows = (byColumn.get(column) ?? []).sort((a, b) => a - b);
      for (const [first, last] of runsOf(rows)) {
        list.boxes.push({ row: first, column, numRows: last - first + 1, numColumns: 1 });
      }
      for (const row of rows) list.cells.push([row, column]);
    }
    lists.push(list);
  }
  return lists;
}
