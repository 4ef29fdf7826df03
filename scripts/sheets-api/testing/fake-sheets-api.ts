/**
 * An in-process fake of the Sheets API v4 subset the tools use — spreadsheets.get, values.get,
 * values.batchGet, values.append, values.batchUpdate, spreadsheets.batchUpdate (addSheet) — served
 * through nock at Google's own host, so the real `googleapis` client builds and sends every request,
 * and backed by the emulator's spreadsheet, so the add-on then processes exactly what was written.
 *
 * Behaviour as Google documents it (developers.google.com/sheets/api/reference/rest and guides/values):
 * trailing empty cells and rows are omitted from a response; UNFORMATTED_VALUE gives numbers and dates
 * as serial numbers (days since 1899-12-30 in the spreadsheet's zone); RAW input is stored as typed
 * (a string stays a string even when it looks like a number or a formula); INSERT_ROWS appends after
 * the table's last row and grows the grid; a missing spreadsheet is 404 NOT_FOUND, an unknown sheet in a
 * range is 400 "Unable to parse range".
 */
import nock from 'nock';
import type { Emulator } from '../../emulator';

type Cell = string | number | boolean | Date;

export interface FakeFault {
  /** Which requests fail: a substring of 'METHOD path'. */
  match: string;
  status: number;
  retryAfter?: string;
  times: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

const HOST = 'https://sheets.googleapis.com';

function googleError(status: number, message: string, reason: string) {
  const statusText: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return {
    error: { code: status, message, status: statusText[status] ?? 'UNKNOWN', errors: [{ reason, message }] },
  };
}

interface Area {
  sheet: string;
  row: number;
  column: number;
  /** Inclusive; null = to the end of the sheet. */
  lastRow: number | null;
  lastColumn: number | null;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnLetters(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

export class FakeSheetsApi {
  readonly requests: RecordedRequest[] = [];
  readonly faults: FakeFault[] = [];

  constructor(
    private readonly emu: Emulator,
    readonly spreadsheetId = 'sheet-under-test',
  ) {}

  private get book() {
    return this.emu.spreadsheet.host();
  }

  /** Serves Google's Sheets host for this spreadsheet (and `others`, e.g. one per site of a rollup). */
  install(others: readonly FakeSheetsApi[] = []): void {
    const scope = nock(HOST).persist();
    const fakes = [this, ...others];
    const handler = (method: string) =>
      function (this: unknown, uri: string, body: unknown) {
        const fake = fakes.find((f) => uri.includes(`/v4/spreadsheets/${f.spreadsheetId}`)) ?? fakes[0];
        return fake.handle(method, uri, body);
      };
    scope.get(/.*/).reply(handler('GET'));
    scope.post(/.*/).reply(handler('POST'));
    scope.put(/.*/).reply(handler('PUT'));
  }

  /** Requests of a method and path fragment, e.g. count('POST', ':append'). */
  count(method: string, fragment: string): number {
    return this.requests.filter((r) => r.method === method && r.path.includes(fragment)).length;
  }

  handle(method: string, uri: string, body: unknown): [number, unknown, Record<string, string>?] {
    const url = new URL(uri, HOST);
    const path = decodeURIComponent(url.pathname);
    this.requests.push({ method, path: `${path}${url.search}`, body });
    const fault = this.faults.find((f) => f.times > 0 && `${method} ${path}`.includes(f.match));
    if (fault) {
      fault.times -= 1;
      const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
      return [fault.status, googleError(fault.status, 'Quota exceeded (fake)', 'rateLimitExceeded'), headers];
    }
    const m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(path);
    if (!m) return [404, googleError(404, 'Not found', 'notFound')];
    if (m[1] !== this.spreadsheetId)
      return [404, googleError(404, 'Requested entity was not found.', 'notFound')];
    const rest = m[2];
    try {
      if (method === 'GET' && rest === '') return [200, this.get()];
      if (method === 'GET' && rest === '/values:batchGet') {
        const render = url.searchParams.get('valueRenderOption') ?? 'FORMATTED_VALUE';
        return [
          200,
          {
            spreadsheetId: this.spreadsheetId,
            valueRanges: url.searchParams.getAll('ranges').map((range) => this.read(range, render)),
          },
        ];
      }
      if (method === 'GET' && rest.startsWith('/values/'))
        return [
          200,
          this.read(
            rest.slice('/values/'.length),
            url.searchParams.get('valueRenderOption') ?? 'FORMATTED_VALUE',
          ),
        ];
      if (method === 'POST' && rest.endsWith(':append')) {
        const range = rest.slice('/values/'.length, -':append'.length);
        return [
          200,
          this.append(range, body as { values: unknown[][] }, url.searchParams.get('valueInputOption')),
        ];
      }
      if (method === 'POST' && rest === '/values:batchUpdate')
        return [200, this.valuesBatchUpdate(body as never)];
      if (method === 'POST' && rest === ':batchUpdate') return [200, this.batchUpdate(body as never)];
    } catch (error) {
      return [400, googleError(400, (error as Error).message, 'badRequest')];
    }
    return [404, googleError(404, `fake: ${method} ${rest} is not part of the subset`, 'notFound')];
  }

  private get() {
    const book = this.book;
    return {
      spreadsheetId: this.spreadsheetId,
      properties: {
        title: book.getName(),
        locale: book.getSpreadsheetLocale(),
        timeZone: book.getSpreadsheetTimeZone(),
      },
      sheets: book.getSheets().map((sheet) => ({
        properties: {
          sheetId: sheet.getSheetId(),
          title: sheet.getName(),
          hidden: sheet.isSheetHidden(),
          gridProperties: { rowCount: sheet.getMaxRows(), columnCount: sheet.getMaxColumns() },
        },
      })),
    };
  }

  private parseRange(range: string): Area {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+?))(?:!(.+))?$/.exec(range);
    if (!m) throw new Error(`Unable to parse range: ${range}`);
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    if (!this.book.getSheetByName(sheet)) throw new Error(`Unable to parse range: ${range}`);
    const part = m[3];
    if (!part) return { sheet, row: 1, column: 1, lastRow: null, lastColumn: null };
    const cell = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/i.exec(part);
    if (!cell) throw new Error(`Unable to parse range: ${range}`);
    const [, c1, r1, c2, r2] = cell;
    const single = part.indexOf(':') < 0;
    return {
      sheet,
      row: r1 ? Number(r1) : 1,
      column: c1 ? columnNumber(c1) : 1,
      lastRow: single ? (r1 ? Number(r1) : null) : r2 ? Number(r2) : null,
      lastColumn: single ? (c1 ? columnNumber(c1) : null) : c2 ? columnNumber(c2) : null,
    };
  }

  private serial(date: Date): number {
    const zone = this.book.getSpreadsheetTimeZone();
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(date);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    );
    return local / 86_400_000 + 25569;
  }

  private render(value: Cell, mode: string, display: string): Cell {
    if (mode === 'FORMATTED_VALUE') return display;
    if (value instanceof Date) return this.serial(value);
    return value;
  }

  read(range: string, mode: string) {
    const area = this.parseRange(range);
    const sheet = this.book.getSheetByName(area.sheet);
    if (!sheet) throw new Error(`Unable to parse range: ${range}`);
    const lastRow = Math.min(area.lastRow ?? sheet.getLastRow(), sheet.getLastRow());
    const lastColumn = Math.min(area.lastColumn ?? sheet.getLastColumn(), sheet.getLastColumn());
    const a1 = `'${area.sheet.replace(/'/g, "''")}'!${columnLetters(area.column)}${area.row}:${columnLetters(area.lastColumn ?? sheet.getMaxColumns())}${area.lastRow ?? sheet.getMaxRows()}`;
    if (lastRow < area.row || lastColumn < area.column) return { range: a1, majorDimension: 'ROWS' };
    const block = sheet.getRange(area.row, area.column, lastRow - area.row + 1, lastColumn - area.column + 1);
    const values = block.getValues() as Cell[][];
    const shown = block.getDisplayValues() as string[][];
    const rows = values.map((line, i) => {
      const out = line.map((value, j) => (value === '' ? '' : this.render(value, mode, shown[i][j])));
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
      return out;
    });
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    return { range: a1, majorDimension: 'ROWS', values: rows };
  }

  /** RAW keeps text as text: the emulator's setValues parses like typing, so every string gets the apostrophe. */
  private rawCell(value: unknown): unknown {
    return typeof value === 'string' && value !== '' ? `'${value}` : value;
  }

  private write(sheetName: string, row: number, column: number, values: unknown[][], input: string | null) {
    const sheet = this.book.getSheetByName(sheetName);
    if (!sheet || values.length === 0) return;
    const width = Math.max(...values.map((line) => line.length));
    const lastRow = row + values.length - 1;
    if (lastRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
    const lastColumn = column + width - 1;
    if (lastColumn > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn - sheet.getMaxColumns());
    const grid = values.map((line) => {
      const full = [...line];
      while (full.length < width) full.push('');
      return full.map((v) => (input === 'RAW' ? this.rawCell(v ?? '') : (v ?? '')));
    });
    sheet.getRange(row, column, grid.length, width).setValues(grid as never);
  }

  append(range: string, body: { values: unknown[][] }, input: string | null) {
    const area = this.parseRange(range);
    const sheet = this.book.getSheetByName(area.sheet);
    if (!sheet) throw new Error(`Unable to parse range: ${range}`);
    const row = Math.max(sheet.getLastRow(), area.row - 1) + 1;
    this.write(area.sheet, row, area.column, body.values ?? [], input);
    const rows = body.values?.length ?? 0;
    return {
      spreadsheetId: this.spreadsheetId,
      tableRange: `'${area.sheet}'!A1`,
      updates: {
        updatedRange: `'${area.sheet}'!A${row}:${columnLetters(area.column + (body.values?.[0]?.length ?? 1) - 1)}${row + rows - 1}`,
        updatedRows: rows,
        updatedCells: rows * (body.values?.[0]?.length ?? 0),
      },
    };
  }

  valuesBatchUpdate(body: { valueInputOption: string; data: Array<{ range: string; values: unknown[][] }> }) {
    for (const { range, values } of body.data) {
      const area = this.parseRange(range);
      this.write(area.sheet, area.row, area.column, values, body.valueInputOption);
    }
    return { spreadsheetId: this.spreadsheetId, totalUpdatedRanges: body.data.length };
  }

  batchUpdate(body: {
    requests: Array<{
      addSheet?: {
        properties: { title: string; hidden?: boolean; gridProperties?: { frozenRowCount?: number } };
      };
    }>;
  }) {
    const replies = body.requests.map((request) => {
      if (!request.addSheet) throw new Error('fake: only addSheet is supported');
      const { title, hidden, gridProperties } = request.addSheet.properties;
      if (this.book.getSheetByName(title))
        throw new Error(`A sheet with the name "${title}" already exists.`);
      const sheet = this.book.insertSheet(title);
      if (hidden) sheet.hideSheet();
      if (gridProperties?.frozenRowCount) sheet.setFrozenRows(gridProperties.frozenRowCount);
      return { addSheet: { properties: { sheetId: sheet.getSheetId(), title, hidden: !!hidden } } };
    });
    return { spreadsheetId: this.spreadsheetId, replies };
  }
}
