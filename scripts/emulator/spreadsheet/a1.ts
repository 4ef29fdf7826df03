import { Exception } from '../errors';

/** A1 notation <-> 1-based coordinates. Open ends (A:C, 2:5, A2:C) are left undefined for the caller. */
export interface A1Box {
  sheet?: string;
  row?: number;
  col?: number;
  lastRow?: number;
  lastCol?: number;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

export function parseA1(a1: string): A1Box {
  let text = a1.trim();
  const box: A1Box = {};
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    let name = text.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
    box.sheet = name;
    text = text.slice(bang + 1);
  }
  const [first, second] = text.split(':');
  const a = PART.exec(first ?? '');
  const b = second === undefined ? a : PART.exec(second);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2]) || text.split(':').length > 2) {
    throw new Exception('Range not found');
  }
  if (a[1]) box.col = columnNumber(a[1]);
  if (a[2]) box.row = Number(a[2]);
  if (b[1]) box.lastCol = columnNumber(b[1]);
  if (b[2]) box.lastRow = Number(b[2]);
  if (box.row === 0 || box.lastRow === 0) throw new Exception('Range not found');
  return box;
}

export function toA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetter(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetter(col + numCols - 1)}${row + numRows - 1}`;
}
