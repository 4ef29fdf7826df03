/** Reading one settings cell: text, whole numbers in a range, yes/no. Each returns null when invalid. */
import type { CellValue } from '../cells';
import type { Labels } from '../message';
import { enumCodeFromText, normalizeLabel } from '../text';

export function cellText(cell: CellValue | undefined): string {
  if (cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString() : String(cell).trim();
}

export function parseInteger(cell: CellValue | undefined, min: number, max: number): number | null {
  const value = typeof cell === 'number' ? cell : Number(cellText(cell));
  if (cellText(cell) === '' || !Number.isInteger(value) || value < min || value > max) return null;
  return value;
}

/** Yes/no in either language (the enum's labels), or true/false, y/n, 1/0. */
export function parseBool(cell: CellValue | undefined, labels: Labels): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const text = normalizeLabel(cellText(cell));
  const code = enumCodeFromText(labels, 'yesNo', text);
  if (code !== null) return code === 'yes';
  if (text === 'true' || text === 'y' || text === '1') return true;
  if (text === 'false' || text === 'n' || text === '0') return false;
  return null;
}
