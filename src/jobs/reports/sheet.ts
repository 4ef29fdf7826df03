/**
 * Writes a report's sheet (SPEC §10). Rebuilding a period replaces its sheet: the same sheet is cleared
 * and rewritten (its id, and so links in earlier emails, stay valid); a copy named in the other
 * language (after a language switch) is removed, so a period never has two sheets.
 * Calls: a fixed number whatever the size of the report — one write per block (SPEC §2).
 */
import type { ReportPeriod } from '../../core/reports';
import { LANGS } from '../../i18n';
import type { SheetPort } from '../../ports';
import type { JobContext } from '../context';
import type { ReportLayout } from './layout';
import { reportSheetName } from './text';

function freshSheet(ctx: JobContext, period: ReportPeriod): SheetPort {
  const { workbook } = ctx.ports;
  const name = reportSheetName(ctx.lang, period);
  for (const lang of LANGS) {
    const other = reportSheetName(lang, period);
    if (other !== name && workbook.sheet(other)) workbook.deleteSheet(other);
  }
  const existing = workbook.sheet(name);
  if (!existing) return workbook.createSheet(name);
  existing.clear();
  existing.removeCharts();
  return existing;
}

/**
 * A new sheet has 1,000 rows and 26 columns; a write beyond them is an error in Sheets ("The coordinates
 * of the range are outside the dimensions of the sheet"). A month at 100,000 tickets lists thousands of
 * rows (complete lists in the sheet), so the sheet is grown first: one or two calls.
 */
function growTo(sheet: SheetPort, rows: number, columns: number): void {
  const maxRows = sheet.maxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (columns > 26) {
    const maxColumns = sheet.maxColumns();
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }
}

export function writeReportSheet(ctx: JobContext, period: ReportPeriod, layout: ReportLayout): SheetPort {
  const sheet = freshSheet(ctx, period);
  growTo(sheet, layout.values.length, Math.max(0, ...layout.values.map((row) => row.length)));
  sheet.write(1, 1, layout.values);
  sheet.setNumberFormats(1, 1, layout.formats);
  sheet.setFontWeights(1, 1, layout.weights);
  sheet.setBackgrounds(1, 1, layout.backgrounds);
  layout.widths.forEach((width, i) => {
    sheet.setColumnWidth(i + 1, width);
  });
  for (const chart of layout.charts) sheet.addColumnChart(chart);
  return sheet;
}
