/**
 * The narrow interfaces between use cases (src/jobs) and the world. `src/gas/` implements them with
 * Apps Script services; tests may implement them with fakes. Nothing here names an Apps Script global.
 *
 * Row and column numbers are 1-based, as in Apps Script.
 */

import type { CellValue, Grid } from './core/cells';

export type { CellValue, Grid };

/** A rectangle of a sheet, 1-based. */
export interface CellBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface SheetPort {
  readonly name: string;
  /** Stable numeric id (survives renames). */
  id(): number;
  /** Last row with content (0 for an empty sheet). */
  lastRow(): number;
  /** Last column with content (0 for an empty sheet). */
  lastColumn(): number;
  maxColumns(): number;
  maxRows(): number;
  insertRowsAfter(row: number, howMany: number): void;
  /** One getValues of the block. numRows or numColumns of 0 returns [] without touching Sheets. */
  read(row: number, column: number, numRows: number, numColumns: number): Grid;
  /** One setValues of the block (values must be rectangular and non-empty). */
  write(row: number, column: number, values: Grid): void;
  /**
   * Several value blocks (setValues) and note blocks (setNotes); from 3 blocks on, their ranges come from
   * one getRangeList + getRanges, so k blocks cost k + 2 calls (2k with a getRange each).
   */
  writeBlocks(
    blocks: ReadonlyArray<{ row: number; column: number; values: Grid }>,
    notes?: ReadonlyArray<{ row: number; column: number; notes: string[][] }>,
  ): void;
  /** One value into every box (one RangeList.setValue, plus its getRangeList): nothing between them is touched. */
  writeToBoxes(boxes: readonly CellBox[], value: CellValue): void;
  /**
   * Whether a cell of `column` below the header holds exactly `text` (any case). One TextFinder search
   * of the column, read by nobody cell by cell: the same cost at 10 and at 100,000 rows.
   */
  hasInColumn(column: number, text: string): boolean;
  /** The first row below the header whose cell in `column` holds exactly `text` (any case), or null; one search. */
  rowOf(column: number, text: string): number | null;
  /**
   * Rows of the block where a cell contains `pattern` (case-insensitive), or matches it as a regular expression,
   * found by Google (TextFinder), so no cell is read here. At most the last `limit` matches, in sheet
   * order; one call per match returned, for its row number.
   */
  findRows(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    pattern: string,
    options?: { regex?: boolean; limit?: number },
  ): number[];
  /**
   * Every cell of the sheet, header included, whose displayed text contains `text` in any case
   * (Sheet.createTextFinder + findAll: two calls whatever the sheet's size, no cell read): how many, in
   * sheet order, and the row of the i-th, one call (getRow) each.
   */
  searchSheet(text: string): SheetMatches;
  /**
   * Cells of `column` from `fromRow` down whose displayed text contains `text` in any case (a TextFinder
   * on the open-ended column: getRange + createTextFinder + findAll, no getLastRow, no cell read).
   */
  searchColumn(column: number, fromRow: number, text: string): SheetMatches;
  /** Appends one row after the last row with content (Sheet.appendRow). */
  appendRow(values: CellValue[]): void;
  readNotes(row: number, column: number, numRows: number, numColumns: number): string[][];
  /** Values and notes of one block: one range, one getValues, one getNotes. */
  readWithNotes(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): { values: Grid; notes: string[][] };
  /**
   * Rows from `fromRow` down whose cell in `column` is exactly `text` (a TextFinder: one search, no read
   * of the column): the first and last such row and how many there are; null when there is none.
   */
  findInColumn(
    column: number,
    fromRow: number,
    text: string,
    options?: { wholeCell?: boolean },
  ): { first: number; last: number; count: number } | null;
  /**
   * As findInColumn, but the last match's row (one more call) is asked for only when the caller needs
   * it: a caller that reads on from the first match to the sheet's end does not.
   */
  matchesInColumn(
    column: number,
    fromRow: number,
    text: string,
    options?: { wholeCell?: boolean },
  ): { first: number; count: number; lastRow(): number } | null;
  /**
   * The first row from `fromRow` down whose cell in `column` contains `text` (TextFinder findNext: it
   * stops at the first match), or null. Not a whole-cell match: the caller checks the row it gets.
   */
  firstRowContaining(column: number, fromRow: number, text: string): number | null;
  /** Selects the block for the user (Range.activate): the sheet becomes active. */
  select(row: number, column: number, numRows: number, numColumns: number): void;
  writeNotes(row: number, column: number, notes: string[][]): void;
  setNumberFormat(row: number, column: number, numRows: number, numColumns: number, format: string): void;
  /** One format per cell of the block (one setNumberFormats). */
  setNumberFormats(row: number, column: number, formats: string[][]): void;
  /** Dropdown from a list; `strict` rejects other values. */
  setListValidation(row: number, column: number, numRows: number, values: string[], strict: boolean): void;
  /** Protects whole columns: `editors` null = a warning only; else only they (and the owner) may edit. */
  protectColumns(column: number, numColumns: number, description: string, editors: string[] | null): void;
  /** One collapsible group over the columns, optionally collapsed. */
  groupColumns(column: number, numColumns: number, collapsed: boolean): void;
  removeProtections(): void;
  freezeRows(rows: number): void;
  setHeaderStyle(numColumns: number): void;
  setColumnWidth(column: number, width: number): void;
  hide(): void;
  isHidden(): boolean;
  clear(): void;
  insertColumnsAfter(column: number, howMany: number): void;
  deleteRows(row: number, howMany: number): void;
  setBackgrounds(row: number, column: number, colors: string[][]): void;
  setFontWeights(row: number, column: number, weights: Array<Array<'bold' | 'normal'>>): void;
  addColumnChart(spec: ChartSpec): void;
  removeCharts(): void;
}

/** The cells a whole-sheet search found (SheetPort.searchSheet). */
export interface SheetMatches {
  count: number;
  /** The row of the index-th match (0-based, sheet order): one Sheets call. */
  rowAt(index: number): number;
}

export interface ChartSpec {
  kind: 'column' | 'line' | 'bar' | 'pie';
  title: string;
  /** A1 range of the data (headers in the first row). */
  range: string;
  anchorRow: number;
  anchorColumn: number;
}

export interface WorkbookPort {
  id(): string;
  url(): string;
  name(): string;
  timeZone(): string;
  locale(): string;
  sheet(name: string): SheetPort | null;
  sheetById(id: number): SheetPort | null;
  sheetNames(): string[];
  createSheet(name: string): SheetPort;
  /** Cells of every sheet (rows × columns, used or not), as Google counts them toward 10,000,000: 1 + 2 calls a sheet. */
  cellCount(): number;
  deleteSheet(name: string): void;
  flush(): void;
  /** The user's selection: its sheet and first row, or null when nothing is selected. */
  selection(): { sheetName: string; row: number } | null;
}

export type QuestionKind = 'text' | 'paragraph' | 'choice' | 'list' | 'checkbox' | 'scale' | 'datetime';

export interface QuestionSpec {
  /** Stable key used by code; the title is what users see. */
  key: string;
  title: string;
  kind: QuestionKind;
  required: boolean;
  help?: string;
  /** The question's titles in the other languages: a form made before item ids were stored is matched by them. */
  aliases?: string[];
  choices?: string[];
  scale?: { low: number; high: number; lowLabel?: string; highLabel?: string };
}

export interface FormSpec {
  title: string;
  description: string;
  questions: QuestionSpec[];
}

export interface FormInfo {
  id: string;
  publishedUrl: string;
  editUrl: string;
  /** The response sheet linked in the spreadsheet ('' / 0 if Google has not created it yet). */
  responseSheetName: string;
  responseSheetId: number;
  /**
   * The form item id of each question key. Regenerating a form edits these items in place (SPEC §4), so
   * the response sheet keeps one column per question and pre-filled links stay valid. Absent for forms
   * stored before ids were kept (they are matched by title once, then stored).
   */
  items?: Record<string, number>;
}

export interface FormsPort {
  /** Creates a form linked to the spreadsheet; returns its id and response sheet name. */
  create(spec: FormSpec): FormInfo;
  /**
   * Updates an existing form in place (keeps its responses): the items of `items` (question key → item id)
   * are edited, new questions appended, questions no longer asked deleted; null if the form is gone.
   */
  update(formId: string, spec: FormSpec, items?: Readonly<Record<string, number>>): FormInfo | null;
  exists(formId: string): boolean;
  /** A pre-filled URL: answers keyed by question title. */
  prefilledUrl(formId: string, answers: Record<string, string>): string;
  /**
   * How many responses the form holds submitted at or after `since` (FormApp.openById + getResponses:
   * two Forms calls, no Sheets call), or null when the form is gone.
   */
  responsesSince(formId: string, since: Date): number | null;
}

export interface MailMessage {
  to: string[];
  subject: string;
  htmlBody: string;
  textBody: string;
}

export interface MailPort {
  remainingDailyQuota(): number;
  /** Sends as `senderName` (the add-on's name in the spreadsheet's language). */
  send(message: MailMessage, senderName: string): void;
}

export interface LockPort {
  /** Runs fn holding the document lock; throws LockTimeoutError when it cannot be had in time. */
  withDocumentLock<T>(timeoutMs: number, fn: () => T): T;
  /** Whether this execution holds the document lock now (inside withDocumentLock). */
  held(): boolean;
}

export interface StorePort {
  get(key: string): string | null;
  set(key: string, value: string): void;
  /** Several properties in one call: a kill leaves all of them written or none (records numbered with their journal). */
  setAll(values: Record<string, string>): void;
  delete(key: string): void;
  keys(): string[];
  /** Every key with its value, in one call. */
  entries(): Record<string, string>;
}

export interface CachePort {
  get(key: string): string | null;
  put(key: string, value: string, ttlSeconds: number): void;
  remove(key: string): void;
  /** The values of those keys that are cached, in one call. */
  getAll(keys: readonly string[]): Record<string, string>;
  /** Several values in one call. */
  putAll(values: Record<string, string>, ttlSeconds: number): void;
}

export type TriggerKind = 'formSubmit' | 'edit' | 'hourly' | 'change';

export interface TriggerInfo {
  id: string;
  kind: TriggerKind | 'other';
  handler: string;
}

export interface TriggersPort {
  list(): TriggerInfo[];
  install(kind: TriggerKind, handler: string): TriggerInfo;
  remove(id: string): void;
  /** Whether the current user still has to authorize the add-on. */
  authorizationRequired(): boolean;
}

export interface ClockPort {
  /** The time now: it moves on while the execution runs (every service call takes time). */
  now(): Date;
  /** When this execution started: the time of the event it handles (the edit, the submit, the hour). */
  started(): Date;
}

export interface LogPort {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface MenuItem {
  label: string;
  handler: string;
}

export interface UiPort {
  /** The add-on menu (under Extensions), items in order. */
  addMenu(items: MenuItem[]): void;
  alert(title: string, message: string): void;
  showHtml(title: string, html: string): void;
  /** Shows a project HTML file (dist/<file>.html) in the 300 px sidebar. */
  showSidebar(title: string, file: string): void;
  toast(message: string): void;
}

export interface SessionPort {
  /** The person at the keyboard ('' when Google does not reveal it, e.g. in LIMITED mode). */
  activeUserEmail(): string;
  /** Whose authority the script runs with: the trigger owner for installable triggers. */
  effectiveUserEmail(): string;
  /** The user's locale (available even in AuthMode.NONE, when the spreadsheet is not). */
  userLocale(): string;
  /** Whether the document may be read (not AuthMode.NONE, as in onOpen before the add-on is enabled). */
  documentAccess(): boolean;
}

/** Everything a job may touch. Entry points build this once per execution. */
export interface Ports {
  workbook: WorkbookPort;
  forms: FormsPort;
  mail: MailPort;
  lock: LockPort;
  store: StorePort;
  cache: CachePort;
  triggers: TriggersPort;
  clock: ClockPort;
  log: LogPort;
  ui: UiPort;
  session: SessionPort;
}

/** A change of structure as the onChange trigger reports it: Google's change type and the active sheet. */
export interface SheetChange {
  changeType: string;
  sheetName: string;
}

/** A form response as the spreadsheet's form-submit trigger delivers it, as plain data. */
export interface FormSubmission {
  /** The response sheet the row was appended to: identifies the form. */
  sheetId: number;
  row: number;
  /**
   * Answers by question title, every column of a title in column order, as text; checkbox answers are
   * joined with ', ' by Google.
   */
  namedValues: Record<string, string[]>;
  /**
   * The same answers as the response sheet stores them (date answers are real Dates), when the row was
   * read from the sheet (the hourly reconciliation); the trigger's event carries text only.
   */
  typedValues?: Record<string, CellValue[]>;
  /** When the form was submitted (the row's Timestamp), when known; else the time of processing. */
  submittedAt?: Date;
}

/** A user's edit of a block of cells, as the edit trigger delivers it, as plain data. */
export interface CellEdit {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Only for a single-cell edit, as Google gives it. */
  value?: string;
  oldValue?: string;
  user: string;
}
