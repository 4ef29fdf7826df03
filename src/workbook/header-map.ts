/**
 * Where each column of a schema sits in a sheet, found by header text. A header matches a column when,
 * ignoring case, spaces and full-width forms, it equals the column's label in either language or its
 * key, so users may reorder columns, insert their own, and rename headers into the other language.
 *
 * A HeaderMap is plain data: it serializes to a short string for CacheService, and `headerMatches`
 * tells cheaply whether the header cells read along with the data still say what the map expects.
 */
import type { CellValue } from '../core/cells';
import { normalizeLabel } from '../core/text';
import { bothLanguages } from '../i18n';
import type { SheetKey, SheetSchema } from './schema';

export interface HeaderMap {
  sheet: SheetKey;
  /** Row 1 as read, full width (normalized), so a later read can be checked against it. */
  headers: string[];
  /** 1-based column of each schema column found; a key missing here is missing from the sheet. */
  columns: Record<string, number>;
}

const FORMAT_VERSION = 1;

function aliasesOf(schema: SheetSchema): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const column of schema.columns) {
    for (const alias of [column.key, ...bothLanguages(column.label)]) {
      const normalized = normalizeLabel(alias);
      if (!aliases.has(normalized)) aliases.set(normalized, column.key);
    }
  }
  return aliases;
}

function headerText(cell: CellValue | undefined): string {
  return cell === undefined ? '' : normalizeLabel(cell instanceof Date ? cell.toISOString() : String(cell));
}

/** Maps a header row; when two headers name the same column the leftmost wins. */
export function buildHeaderMap(schema: SheetSchema, headerRow: readonly CellValue[]): HeaderMap {
  const aliases = aliasesOf(schema);
  const headers = headerRow.map(headerText);
  const columns: Record<string, number> = {};
  headers.forEach((header, index) => {
    const key = aliases.get(header);
    if (key !== undefined && !(key in columns)) columns[key] = index + 1;
  });
  return { sheet: schema.key, headers, columns };
}

/**
 * Whether `cells` (header cells read starting at `firstColumn`) still say what the map recorded there.
 * Only the columns read can be checked: a change elsewhere cannot misplace them.
 */
export function headerMatches(map: HeaderMap, firstColumn: number, cells: readonly CellValue[]): boolean {
  if (firstColumn < 1 || firstColumn - 1 + cells.length > map.headers.length) return false;
  return cells.every((cell, i) => headerText(cell) === map.headers[firstColumn - 1 + i]);
}

export function serializeHeaderMap(map: HeaderMap): string {
  return JSON.stringify({ v: FORMAT_VERSION, sheet: map.sheet, headers: map.headers });
}

/** The map a serialized string describes, rebuilt for `schema`; null when it is for another sheet or format. */
export function parseHeaderMap(text: string | null, schema: SheetSchema): HeaderMap | null {
  if (!text) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const { v, sheet, headers } = data as { v?: unknown; sheet?: unknown; headers?: unknown };
    if (v !== FORMAT_VERSION || sheet !== schema.key || !Array.isArray(headers)) return null;
    if (!headers.every((h): h is string => typeof h === 'string')) return null;
    // Headers were stored normalized; normalizing is idempotent, so rebuilding gives the same map.
    return buildHeaderMap(schema, headers);
  } catch {
    return null;
  }
}
