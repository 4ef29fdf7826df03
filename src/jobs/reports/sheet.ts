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

export function writeReportSheet(ctx: JobContext, period: ReportPeriod, layout: ReportLayout): SheetPort {
  const sheet = freshSheet(ctx, period);
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
