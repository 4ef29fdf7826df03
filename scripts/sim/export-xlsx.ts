/**
 * Writes every sheet of the emulated spreadsheet to an .xlsx file with exceljs: values, real dates with
 * their number formats, column widths, hidden columns, the frozen header, bold headers and fills, notes as
 * comments, hidden sheets kept hidden. Charts are not written (exceljs cannot create them); the report
 * sheets keep their data.
 */
import ExcelJS from 'exceljs';
import { zoneOf } from '../../src/core/calendar';
import type { Emulator } from '../emulator';
import type { SheetView } from '../emulator/harness';

/** Sheets column widths are pixels; Excel's are characters of the default font (about 7 px each). */
const PIXELS_PER_CHARACTER = 7;
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/** Excel stores wall-clock time without a zone: shift each instant to the spreadsheet's local time. */
function localWallClock(date: Date, timeZone: string): Date {
  const zone = zoneOf(timeZone);
  return new Date(date.getTime() + zone.offsetAt(date.getTime()));
}

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase().padStart(6, '0')}`;
}

/**
 * A name Excel accepts: at most 31 characters, none of : \ / ? * [ ], and not "History", which Excel
 * reserves (Google Sheets allows all of these). Renamed sheets keep a visible trace of the change.
 */
export function excelSheetName(name: string, taken: ReadonlySet<string>): string {
  let safe = name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
  if (safe.toLowerCase() === 'history') safe = `${safe}_`;
  for (let n = 2; taken.has(safe.toLowerCase()); n++) safe = `${safe.slice(0, 28)}~${n}`;
  return safe;
}

function writeSheet(workbook: ExcelJS.Workbook, view: SheetView, timeZone: string): void {
  const frozenRows = view.frozenRows();
  const frozenColumns = view.frozenColumns();
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
  const worksheet = workbook.addWorksheet(excelSheetName(view.name, taken), {
    state: view.isHidden() ? 'hidden' : 'visible',
    views:
      frozenRows + frozenColumns > 0 ? [{ state: 'frozen', ySplit: frozenRows, xSplit: frozenColumns }] : [],
  });
  for (const [column, pixels] of view.columnWidths())
    worksheet.getColumn(column).width = Math.round((pixels / PIXELS_PER_CHARACTER) * 10) / 10;
  for (const column of view.hiddenColumns()) worksheet.getColumn(column).hidden = true;

  const values = view.values();
  const formulas = view.formulas();
  const formats = view.formats();
  const notes = view.notes();
  const weights = view.styles('fontWeight');
  const backgrounds = view.styles('background');
  const colors = view.styles('fontColor');
  values.forEach((line, r) => {
    const row = worksheet.getRow(r + 1);
    line.forEach((value, c) => {
      const formula = formulas[r][c];
      const note = notes[r][c];
      const weight = weights[r][c];
      const background = backgrounds[r][c];
      const color = colors[r][c];
      if (value === '' && formula === '' && note === '' && background === null) return;
      const cell = row.getCell(c + 1);
      if (formula !== '') cell.value = { formula: formula.replace(/^=/, '') };
      else if (value instanceof Date) cell.value = localWallClock(value, timeZone);
      else if (value !== '') cell.value = value as string | number | boolean;
      const format = formats[r][c];
      if (format !== 'General') cell.numFmt = format;
      else if (value instanceof Date) cell.numFmt = DEFAULT_DATE_FORMAT;
      if (note !== '') cell.note = note;
      if (weight === 'bold' || color !== null)
        cell.font = { bold: weight === 'bold', ...(color ? { color: { argb: argb(color) } } : {}) };
      if (background !== null)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
    });
  });
}

/** The workbook as an xlsx buffer; `at` (the simulated clock) is its created/modified date, for replayable output. */
export async function workbookXlsx(emu: Emulator, at: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Service Desk for Sheets (npm start)';
  workbook.lastModifiedBy = 'Service Desk for Sheets (npm start)';
  workbook.created = at;
  workbook.modified = at;
  const names = emu.spreadsheet.sheetNames();
  for (const name of names) writeSheet(workbook, emu.spreadsheet.sheet(name), emu.spreadsheet.timeZone);
  // Excel opens on the active tab, which must not be hidden (linked form sheets come first and are hidden).
  const firstVisible = Math.max(
    0,
    names.findIndex((name) => !emu.spreadsheet.sheet(name).isHidden()),
  );
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: firstVisible,
      activeTab: firstVisible,
      visibility: 'visible',
    },
  ];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
