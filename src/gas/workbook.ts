import { WorkbookFullError } from '../core/errors';
import type { CellBox, CellValue, ChartSpec, Grid, SheetMatches, SheetPort, WorkbookPort } from '../ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const CHART_TYPES = {
  column: () => Charts.ChartType.COLUMN,
  line: () => Charts.ChartType.LINE,
  bar: () => Charts.ChartType.BAR,
  pie: () => Charts.ChartType.PIE,
} as const;

/** 1 → A, 27 → AA. */
function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Runs a call that adds cells; Google's refusal past 10,000,000 cells ("This action would increase the
 * number of cells in the workbook above the limit of 10000000 cells.") becomes WorkbookFullError, which
 * says in the user's language what to do.
 */
function withinCellLimit<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/above the limit of \d+ cells/.test(text)) throw new WorkbookFullError(text);
    throw error;
  }
}

/** A1 notation of a box on its sheet (no sheet name). */
function a1Of(box: CellBox): string {
  const start = `${columnLetter(box.column)}${box.row}`;
  return box.numRows === 1 && box.numColumns === 1
    ? start
    : `${start}:${columnLetter(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}

/** SheetPort over one Apps Script Sheet. Each method is one batched Sheets call (plus its getRange). */
class GasSheet implements SheetPort {
  constructor(private readonly sheet: Sheet) {}

  get name(): string {
    return this.sheet.getName();
  }
  id(): number {
    return this.sheet.getSheetId();
  }
  lastRow(): number {
    return this.sheet.getLastRow();
  }
  lastColumn(): number {
    return this.sheet.getLastColumn();
  }
  maxColumns(): number {
    return this.sheet.getMaxColumns();
  }
  maxRows(): number {
    return this.sheet.getMaxRows();
  }
  insertRowsAfter(row: number, howMany: number): void {
    withinCellLimit(() => this.sheet.insertRowsAfter(row, howMany));
  }
  read(row: number, column: number, numRows: number, numColumns: number): Grid {
    if (numRows <= 0 || numColumns <= 0) return [];
    // One call (getRange + getValues would be two): SPEC §15 counts calls.
    return this.sheet.getSheetValues(row, column, numRows, numColumns) as Grid;
  }
  write(row: number, column: number, values: Grid): void {
    if (values.length === 0) return;
    this.sheet.getRange(row, column, values.length, values[0].length).setValues(values);
  }
  writeBlocks(
    blocks: ReadonlyArray<{ row: number; column: number; values: Grid }>,
    notes: ReadonlyArray<{ row: number; column: number; notes: string[][] }> = [],
  ): void {
    if (blocks.length + notes.length <= 2) {
      for (const block of blocks) this.write(block.row, block.column, block.values);
      for (const block of notes) this.writeNotes(block.row, block.column, block.notes);
      return;
    }
    const boxOf = (row: number, column: number, grid: unknown[][]): CellBox => ({
      row,
      column,
      numRows: grid.length,
      numColumns: grid[0].length,
    });
    const boxes = [
      ...blocks.map((block) => boxOf(block.row, block.column, block.values)),
      ...notes.map((block) => boxOf(block.row, block.column, block.notes)),
    ];
    const ranges = this.sheet.getRangeList(boxes.map(a1Of)).getRanges();
    blocks.forEach((block, i) => {
      ranges[i].setValues(block.values);
    });
    notes.forEach((block, i) => {
      ranges[blocks.length + i].setNotes(block.notes);
    });
  }
  writeToBoxes(boxes: readonly CellBox[], value: CellValue): void {
    if (boxes.length === 0) return;
    this.sheet.getRangeList(boxes.map(a1Of)).setValue(value);
  }
  appendRow(values: CellValue[]): void {
    withinCellLimit(() => this.sheet.appendRow(values));
  }
  hasInColumn(column: number, text: string): boolean {
    return this.find(column, text) !== null;
  }
  rowOf(column: number, text: string): number | null {
    return this.find(column, text)?.getRow() ?? null;
  }
  private find(column: number, text: string): GoogleAppsScript.Spreadsheet.Range | null {
    if (text === '') return null;
    // An open-ended A1 range ("C2:C") is the column below the header, without a getLastRow.
    const letter = columnLetter(column);
    return this.sheet
      .getRange(`${letter}2:${letter}`)
      .createTextFinder(text)
      .matchEntireCell(true)
      .findNext();
  }
  findRows(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    pattern: string,
    options: { regex?: boolean; limit?: number } = {},
  ): number[] {
    if (numRows <= 0 || numColumns <= 0) return [];
    const finder = this.sheet.getRange(row, column, numRows, numColumns).createTextFinder(pattern);
    // Google's default is a case-insensitive substring search; callers check the rows they read.
    if (options.regex) finder.useRegularExpression(true);
    const found = finder.findAll();
    // Google returns the matches in sheet order: the last ones are the latest rows appended.
    const wanted =
      options.limit === undefined ? found : found.slice(Math.max(0, found.length - options.limit));
    return wanted.map((range) => range.getRow());
  }
  searchSheet(text: string): SheetMatches {
    if (text === '') return { count: 0, rowAt: () => 0 };
    // The sheet's own finder needs no getRange: one call fewer than a range's.
    const found = this.sheet.createTextFinder(text).findAll();
    return { count: found.length, rowAt: (index) => found[index].getRow() };
  }
  searchColumn(column: number, fromRow: number, text: string): SheetMatches {
    if (text === '') return { count: 0, rowAt: () => 0 };
    const letters = columnLetters(column);
    const found = this.sheet.getRange(`${letters}${fromRow}:${letters}`).createTextFinder(text).findAll();
    return { count: found.length, rowAt: (index) => found[index].getRow() };
  }
  readNotes(row: number, column: number, numRows: number, numColumns: number): string[][] {
    if (numRows <= 0 || numColumns <= 0) return [];
    return this.sheet.getRange(row, column, numRows, numColumns).getNotes();
  }
  firstRowContaining(column: number, fromRow: number, text: string): number | null {
    if (text === '') return null;
    const letters = columnLetters(column);
    return (
      this.sheet.getRange(`${letters}${fromRow}:${letters}`).createTextFinder(text).findNext()?.getRow() ??
      null
    );
  }
  readWithNotes(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): { values: Grid; notes: string[][] } {
    const range = this.sheet.getRange(row, column, numRows, numColumns);
    return { values: range.getValues() as Grid, notes: range.getNotes() };
  }
  findInColumn(
    column: number,
    fromRow: number,
    text: string,
    options: { wholeCell?: boolean } = {},
  ): { first: number; last: number; count: number } | null {
    const found = this.matchesInColumn(column, fromRow, text, options);
    return found && { first: found.first, last: found.lastRow(), count: found.count };
  }
  matchesInColumn(
    column: number,
    fromRow: number,
    text: string,
    { wholeCell = true }: { wholeCell?: boolean } = {},
  ): { first: number; count: number; lastRow(): number } | null {
    if (text === '') return null;
    const letters = columnLetters(column);
    const finder = this.sheet.getRange(`${letters}${fromRow}:${letters}`).createTextFinder(text);
    // matchEntireCell is one more call; a caller that checks the rows it reads can go without it.
    const hits = (wholeCell ? finder.matchEntireCell(true) : finder).findAll();
    if (hits.length === 0) return null;
    const first = hits[0].getRow();
    let last: number | undefined = hits.length === 1 ? first : undefined;
    return {
      first,
      count: hits.length,
      lastRow: () => {
        last ??= hits[hits.length - 1].getRow();
        return last;
      },
    };
  }
  select(row: number, column: number, numRows: number, numColumns: number): void {
    this.sheet.getRange(row, column, numRows, numColumns).activate();
  }
  writeNotes(row: number, column: number, notes: string[][]): void {
    if (notes.length === 0) return;
    this.sheet.getRange(row, column, notes.length, notes[0].length).setNotes(notes);
  }
  setNumberFormat(row: number, column: number, numRows: number, numColumns: number, format: string): void {
    this.sheet.getRange(row, column, numRows, numColumns).setNumberFormat(format);
  }
  setNumberFormats(row: number, column: number, formats: string[][]): void {
    if (formats.length === 0) return;
    this.sheet.getRange(row, column, formats.length, formats[0].length).setNumberFormats(formats);
  }
  setListValidation(row: number, column: number, numRows: number, values: string[], strict: boolean): void {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(values, true)
      .setAllowInvalid(!strict)
      .build();
    this.sheet.getRange(row, column, numRows, 1).setDataValidation(rule);
  }
  protectColumns(column: number, numColumns: number, description: string, editors: string[] | null): void {
    const range = this.sheet.getRange(1, column, this.sheet.getMaxRows(), numColumns);
    const protection = range.protect().setDescription(description);
    if (editors === null) {
      protection.setWarningOnly(true);
      return;
    }
    // Google's recipe: keep yourself, remove everyone else, then name who may edit.
    const me = Session.getEffectiveUser().getEmail();
    protection.removeEditors(protection.getEditors().filter((user) => user.getEmail() !== me));
    if (editors.length > 0) protection.addEditors(editors);
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  }
  groupColumns(column: number, numColumns: number, collapsed: boolean): void {
    this.sheet.getRange(1, column, 1, numColumns).shiftColumnGroupDepth(1);
    if (collapsed) this.sheet.getColumnGroup(column, 1)?.collapse();
  }
  removeProtections(): void {
    for (const protection of this.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      protection.remove();
    }
  }
  freezeRows(rows: number): void {
    this.sheet.setFrozenRows(rows);
  }
  setHeaderStyle(numColumns: number): void {
    this.sheet.getRange(1, 1, 1, numColumns).setFontWeight('bold').setBackground('#e8eaed');
  }
  setColumnWidth(column: number, width: number): void {
    this.sheet.setColumnWidth(column, width);
  }
  hide(): void {
    this.sheet.hideSheet();
  }
  isHidden(): boolean {
    return this.sheet.isSheetHidden();
  }
  clear(): void {
    this.sheet.clear();
  }
  insertColumnsAfter(column: number, howMany: number): void {
    withinCellLimit(() => this.sheet.insertColumnsAfter(column, howMany));
  }
  deleteRows(row: number, howMany: number): void {
    this.sheet.deleteRows(row, howMany);
  }
  setBackgrounds(row: number, column: number, colors: string[][]): void {
    if (colors.length === 0) return;
    this.sheet.getRange(row, column, colors.length, colors[0].length).setBackgrounds(colors);
  }
  setFontWeights(row: number, column: number, weights: Array<Array<'bold' | 'normal'>>): void {
    if (weights.length === 0) return;
    this.sheet.getRange(row, column, weights.length, weights[0].length).setFontWeights(weights);
  }
  addColumnChart(spec: ChartSpec): void {
    const chart = this.sheet
      .newChart()
      .setChartType(CHART_TYPES[spec.kind]())
      .addRange(this.sheet.getRange(spec.range))
      .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
      .setOption('title', spec.title)
      .build();
    this.sheet.insertChart(chart);
  }
  removeCharts(): void {
    for (const chart of this.sheet.getCharts()) this.sheet.removeChart(chart);
  }
}

/** WorkbookPort over the active spreadsheet, opened once per execution. */
export class GasWorkbook implements WorkbookPort {
  private spreadsheetCache: Spreadsheet | null = null;
  private readonly sheets = new Map<string, SheetPort | null>();

  private get spreadsheet(): Spreadsheet {
    if (!this.spreadsheetCache) this.spreadsheetCache = SpreadsheetApp.getActiveSpreadsheet();
    return this.spreadsheetCache;
  }

  id(): string {
    return this.spreadsheet.getId();
  }
  url(): string {
    return this.spreadsheet.getUrl();
  }
  name(): string {
    return this.spreadsheet.getName();
  }
  timeZone(): string {
    return this.spreadsheet.getSpreadsheetTimeZone();
  }
  locale(): string {
    return this.spreadsheet.getSpreadsheetLocale();
  }
  sheet(name: string): SheetPort | null {
    if (!this.sheets.has(name)) {
      const sheet = this.spreadsheet.getSheetByName(name);
      this.sheets.set(name, sheet ? new GasSheet(sheet) : null);
    }
    return this.sheets.get(name) ?? null;
  }
  sheetById(id: number): SheetPort | null {
    const sheet = this.spreadsheet.getSheets().find((candidate) => candidate.getSheetId() === id);
    return sheet ? new GasSheet(sheet) : null;
  }
  sheetNames(): string[] {
    return this.spreadsheet.getSheets().map((sheet) => sheet.getName());
  }
  createSheet(name: string): SheetPort {
    const created = new GasSheet(withinCellLimit(() => this.spreadsheet.insertSheet(name)));
    this.sheets.set(name, created);
    return created;
  }
  cellCount(): number {
    return this.spreadsheet
      .getSheets()
      .reduce((cells, sheet) => cells + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
  }
  deleteSheet(name: string): void {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (sheet) this.spreadsheet.deleteSheet(sheet);
    this.sheets.delete(name);
  }
  flush(): void {
    SpreadsheetApp.flush();
  }
  selection(): { sheetName: string; row: number } | null {
    const range = this.spreadsheet.getActiveRange();
    if (!range) return null;
    return { sheetName: range.getSheet().getName(), row: range.getRow() };
  }
}

/** Column 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
