import { Exception } from '../errors';
import { type Runtime, ServiceObject } from '../runtime';
import { parseA1 } from './a1';
import type { SheetsContext, SpreadsheetModel } from './context';
import { assertRoom } from './limits';
import { SheetModel } from './model';
import type { Range } from './range';
import { Sheet } from './sheet';
import { TextFinder } from './text-finder';

export function newSpreadsheetModel(runtime: Runtime, name: string): SpreadsheetModel {
  const model: SpreadsheetModel = {
    id: runtime.newId(),
    name,
    timeZone: runtime.timeZone,
    locale: runtime.locale,
    sheets: [],
    activeSheetId: 0,
    nextSheetId: 1,
    formSheets: new Map(),
  };
  const first = new SheetModel(0, runtime.locale.startsWith('zh') ? '工作表1' : 'Sheet1');
  model.sheets.push(first);
  return model;
}

export interface Toast {
  at: Date;
  msg: string;
  title: string;
  timeoutSeconds: number;
}

export class Spreadsheet extends ServiceObject {
  readonly _service = 'Spreadsheet';
  readonly _ctx: SheetsContext;

  constructor(
    runtime: Runtime,
    readonly _model: SpreadsheetModel,
    private readonly toasts: Toast[],
    formUrl: (formId: string) => string,
  ) {
    super();
    this._ctx = {
      runtime,
      ss: _model,
      spreadsheet: () => this,
      sheet: (m) => new Sheet(this._ctx, m),
      range: (m, r, c, nr, nc) => new Sheet(this._ctx, m)._range(r, c, nr, nc),
      formUrl,
    };
  }

  private sheetOf(m: SheetModel): Sheet {
    return new Sheet(this._ctx, m);
  }

  getId(): string {
    return this._model.id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._model.id}/edit`;
  }
  getName(): string {
    return this._model.name;
  }
  rename(newName: string): void {
    this._model.name = String(newName);
  }
  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this._model.timeZone = String(timezone);
  }
  getSpreadsheetLocale(): string {
    return this._model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._model.locale = String(locale);
  }
  getSheets(): Sheet[] {
    return this._model.sheets.map((m) => this.sheetOf(m));
  }
  getNumSheets(): number {
    return this._model.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const m = this._model.sheets.find((s) => s.name === name);
    return m ? this.sheetOf(m) : null;
  }
  getSheetById(id: number): Sheet | null {
    const m = this._model.sheets.find((s) => s.id === id);
    return m ? this.sheetOf(m) : null;
  }
  getActiveSheet(): Sheet {
    const m = this._model.sheets.find((s) => s.id === this._model.activeSheetId) ?? this._model.sheets[0];
    if (!m) throw new Exception('The spreadsheet has no sheets.');
    return this.sheetOf(m);
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this._model.activeSheetId = sheet._model.id;
    return sheet;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). */
  insertSheet(a?: string | number, b?: number): Sheet {
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : b;
    const sheets = this._model.sheets;
    if (name !== undefined && sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const prefix = this._model.locale.startsWith('zh') ? '工作表' : 'Sheet';
    let n = sheets.length + 1;
    while (sheets.some((s) => s.name === `${prefix}${n}`)) n++;
    const m = new SheetModel(this.nextSheetId(), name ?? `${prefix}${n}`);
    assertRoom(this._model, m.maxRows * m.maxCols);
    sheets.splice(index === undefined ? sheets.length : Math.max(0, Math.min(index, sheets.length)), 0, m);
    this._model.activeSheetId = m.id;
    return this.sheetOf(m);
  }
  /** Sheet ids are large random-looking integers in Sheets; only the first sheet has id 0. */
  private nextSheetId(): number {
    return 100000000 + this._ctx.runtime.nextNumber() * 7919;
  }
  deleteSheet(sheet: Sheet): void {
    const sheets = this._model.sheets;
    const i = sheets.indexOf(sheet._model);
    if (i < 0) throw new Exception('Sheet not found.');
    if (sheets.filter((s) => !s.hidden && s !== sheet._model).length === 0) {
      throw new Exception("You can't remove all the visible sheets in a document.");
    }
    sheets.splice(i, 1);
    this._model.formSheets.delete(sheet._model.id);
  }
  moveActiveSheet(pos: number): void {
    const sheets = this._model.sheets;
    const m = this.getActiveSheet()._model;
    sheets.splice(sheets.indexOf(m), 1);
    sheets.splice(Math.max(0, pos - 1), 0, m);
  }
  /** A1 notation with an optional sheet name; without one, the active sheet. */
  getRange(a1Notation: string): Range {
    const box = parseA1(a1Notation);
    const sheet = box.sheet === undefined ? this.getActiveSheet() : this.getSheetByName(box.sheet);
    if (!sheet) throw new Exception('Range not found');
    const bang = a1Notation.lastIndexOf('!');
    return sheet._rangeA1(bang >= 0 ? a1Notation.slice(bang + 1) : a1Notation);
  }
  createTextFinder(findText: string): TextFinder {
    const scopes = this._model.sheets.map((sheet) => ({
      sheet,
      box: [1, 1, sheet.maxRows, sheet.maxCols] as [number, number, number, number],
    }));
    return new TextFinder(this._ctx, scopes, String(findText));
  }
  /** The user's selection on the active sheet (A1 when nothing is selected, as in the Sheets UI). */
  getActiveRange(): Range {
    return this.getActiveSheet().getActiveRange();
  }
  getActiveCell(): Range {
    return this.getActiveSheet().getActiveCell();
  }
  setActiveRange(range: Range): Range {
    range.activate();
    return range;
  }
  setActiveSelection(a1: string): Range {
    const range = this.getRange(a1);
    range.activate();
    return range;
  }
  getFormUrl(): string | null {
    return this._model.formId ? this._ctx.formUrl(this._model.formId) : null;
  }
  toast(msg: string, title = '', timeoutSeconds = 5): void {
    this.toasts.push({
      at: this._ctx.runtime.clock.now(),
      msg: String(msg),
      title: String(title),
      timeoutSeconds,
    });
  }
  getOwner(): null {
    return null;
  }
}
