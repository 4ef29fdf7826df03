/**
 * The report sheet as blocks (SPEC §10): the whole report is one rectangle written with one setValues,
 * with one grid each of number formats, font weights and backgrounds (colours follow KPI status), the
 * charts' ranges, and a width per column measured from what the column shows (no `###`, nothing cut).
 * Pure: the sheet writer only sends these blocks.
 */
import type { BusinessCalendar } from '../../core/calendar';
import type { CellValue } from '../../core/cells';
import {
  type ColumnFormat,
  isLabel,
  type ReportCell,
  type ReportModel,
  type ReportSection,
  type Tone,
} from '../../core/reports';
import { formulaSafe } from '../../core/text';
import { type Lang, t } from '../../i18n';
import type { ChartSpec } from '../../ports';
import { builtLine, cellFormat, cellText, labelText, periodLine, reportTitle } from './text';

type Weight = 'bold' | 'normal';

export interface ReportLayout {
  values: CellValue[][];
  formats: string[][];
  weights: Weight[][];
  backgrounds: string[][];
  charts: ChartSpec[];
  /** Pixel width of each column of the grid, from its longest shown value. */
  widths: number[];
}

const TEXT_FORMAT = '@';

/** Number formats; the change column is in percentage points, written out in the report's language. */
function numberFormat(lang: Lang, format: Exclude<ColumnFormat, 'mixed'>): string {
  if (format === 'change') {
    const unit = t(lang, 'reports.unit.pp');
    return `+0.0"${unit}";-0.0"${unit}";0.0"${unit}"`;
  }
  return {
    text: TEXT_FORMAT,
    count: '0',
    percent: '0.0%',
    days: '0.0',
    hours: '0.0',
    date: 'yyyy-mm-dd ddd',
    dateTime: 'yyyy-mm-dd hh:mm',
  }[format];
}

/**
 * Pixels a text needs in the default 10 pt font: CJK and full-width characters about 13 px, others about
 * 7 px, plus the cell's padding. Generous on purpose: a column a little too wide is fine, `###` is not.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\uFFEF]/.test(char) ? 13 : 7;
  return width + 16;
}

const MIN_WIDTH = 60;
const MAX_WIDTH = 520;

export const COLOURS = {
  plain: '#ffffff',
  heading: '#d0e0f5',
  header: '#f1f3f4',
  notice: '#fff2cc',
  good: '#d9ead3',
  bad: '#f4cccc',
  none: '#eeeeee',
} as const satisfies Record<'plain' | 'heading' | 'header' | 'notice' | Tone, string>;

/** Charts sit to the right of the tables, one below the other. */
const CHART_ROW_SPACING = 20;
/** Columns of the KPI block coloured by status: the value and the status. */
const TONED_COLUMNS = [1, 3];

function columnLetter(column: number): string {
  return String.fromCharCode(64 + column);
}

function reportValue(lang: Lang, cell: ReportCell): CellValue {
  if (cell === null) return '–';
  if (isLabel(cell)) return formulaSafe(labelText(lang, cell));
  // Text typed by people (a category, a name) must stay text, never a formula (SPEC §4, §14).
  if (typeof cell === 'string') return formulaSafe(cell);
  return cell;
}

class Grid {
  readonly values: CellValue[][] = [];
  readonly formats: string[][] = [];
  readonly weights: Weight[][] = [];
  readonly backgrounds: string[][] = [];
  /** The text each cell shows, for the column widths; rows that only title something are left out. */
  readonly shown: string[][] = [];

  constructor(readonly width: number) {}

  get nextRow(): number {
    return this.values.length + 1;
  }

  add(
    cells: CellValue[],
    options: {
      formats?: string[];
      weight?: Weight;
      background?: string;
      backgrounds?: string[];
      /** The text the cells show; omitted for a row of one title or notice (it runs into empty cells). */
      shown?: string[];
    } = {},
  ): void {
    const pad = <T>(items: T[], fill: T): T[] => [
      ...items,
      ...new Array<T>(this.width - items.length).fill(fill),
    ];
    this.values.push(pad(cells, ''));
    this.formats.push(pad(options.formats ?? [], TEXT_FORMAT));
    this.weights.push(pad([], options.weight ?? 'normal'));
    const { background } = options;
    this.backgrounds.push(background ? pad([], background) : pad(options.backgrounds ?? [], COLOURS.plain));
    if (options.shown) this.shown.push(options.shown);
  }

  /** Each column as wide as its longest shown value (a wrapped title row is not counted). */
  widths(): number[] {
    return Array.from({ length: this.width }, (_, column) => {
      let widest = MIN_WIDTH;
      for (const row of this.shown) widest = Math.max(widest, textWidth(row[column] ?? ''));
      return Math.min(widest, MAX_WIDTH);
    });
  }
}

function addSection(
  grid: Grid,
  lang: Lang,
  calendar: BusinessCalendar,
  section: ReportSection,
  charts: ChartSpec[],
  chartColumn: number,
): void {
  const width = section.columns.length;
  grid.add([t(lang, section.title)], { weight: 'bold', background: COLOURS.heading });
  const headerRow = grid.nextRow;
  const headers = section.columns.map((column) => t(lang, column.header));
  grid.add(headers, {
    weight: 'bold',
    backgrounds: new Array<string>(width).fill(COLOURS.header),
    shown: headers,
  });
  if (section.rows.length === 0) grid.add([t(lang, 'reports.noRows')]);
  section.rows.forEach((row, i) => {
    const tone = section.tones?.[i];
    const formats = row.map((_, c) => cellFormat(section, i, c));
    grid.add(
      row.map((cell) => reportValue(lang, cell)),
      {
        formats: formats.map((format) => numberFormat(lang, format)),
        backgrounds: row.map((_, c) => (tone && TONED_COLUMNS.includes(c) ? COLOURS[tone] : COLOURS.plain)),
        // A one-cell row (a "not set up" line) runs into the empty cells beside it.
        shown: row.length > 1 ? row.map((cell, c) => cellText(lang, calendar, cell, formats[c])) : undefined,
      },
    );
  });
  if (section.chart && section.rows.length > 0) {
    const lastRow = headerRow + section.rows.length;
    charts.push({
      kind: section.chart.kind,
      title: t(lang, section.chart.title),
      range: `A${headerRow}:${columnLetter(1 + section.chart.series)}${lastRow}`,
      anchorRow: 1 + charts.length * CHART_ROW_SPACING,
      anchorColumn: chartColumn,
    });
  }
  grid.add([]);
}

export function layoutReport(lang: Lang, calendar: BusinessCalendar, model: ReportModel): ReportLayout {
  const width = Math.max(...model.sections.map((section) => section.columns.length), 1);
  const grid = new Grid(width);
  const charts: ChartSpec[] = [];
  grid.add([reportTitle(lang, model.period)], { weight: 'bold' });
  grid.add([formulaSafe(periodLine(lang, calendar, model))]);
  grid.add([formulaSafe(builtLine(lang, calendar, model))]);
  for (const notice of model.notices)
    grid.add([formulaSafe(t(lang, notice.key, notice.params))], { background: COLOURS.notice });
  grid.add([]);
  for (const section of model.sections) addSection(grid, lang, calendar, section, charts, width + 2);
  return {
    values: grid.values,
    formats: grid.formats,
    weights: grid.weights,
    backgrounds: grid.backgrounds,
    charts,
    widths: grid.widths(),
  };
}
