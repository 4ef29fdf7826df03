/**
 * The report model (SPEC §10): a header plus a list of generic table sections. Every figure of the
 * report is one section, and the sheet and the email render any section the same way, so a later
 * capability (audits §8, inspections §9) adds its figures as one section builder and nothing else.
 *
 * The model holds no translated text: headings, column headers and enum values are message keys,
 * translated when rendered; text typed by people (categories, names) stays as it is.
 */
import type { MessageKey } from '../../i18n';
import type { ReportPeriod } from './period';

/** A translated label, e.g. an enum value or a bucket name with parameters. */
export interface Label {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A cell: number, text typed by people, an instant, a label to translate, or nothing (no data). */
export type ReportCell = number | string | Date | Label | null;

/**
 * How a column's numbers are shown: counts, fractions shown as %, changes in percentage points, days,
 * business hours; 'mixed' takes each row's format from the section's rowFormats.
 */
export type ColumnFormat =
  | 'text'
  | 'count'
  | 'percent'
  | 'change'
  | 'days'
  | 'hours'
  | 'date'
  | 'dateTime'
  | 'mixed';

export interface ReportColumn {
  header: MessageKey;
  format: ColumnFormat;
}

/** Green for a KPI that meets its target, red for one that does not, grey when there is no data. */
export type Tone = 'good' | 'bad' | 'none';

export interface SectionChart {
  kind: 'column' | 'line' | 'bar' | 'pie';
  title: MessageKey;
  /** The chart plots the first column (labels) and this many columns after it. */
  series: number;
}

export interface ReportSection {
  id: string;
  title: MessageKey;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Per row: the format of the section's 'mixed' column (a figures table of hours, counts and shares). */
  rowFormats?: ColumnFormat[];
  /** Per row: the colour of its status (KPI block). */
  tones?: Tone[];
  chart?: SectionChart;
  /** Shown in the email with at most this many rows; absent = sheet only. */
  mailRows?: number;
}

export interface ReportNotice {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A key figure of this build, as the Report log stores it (KPI id → counts and tickets against). */
export interface ReportFigure {
  id: string;
  part: number;
  whole: number;
  against: string[];
}

export interface ReportModel {
  /** This build's number for its period: 1 for the first, then 2, 3… */
  revision: number;
  /** When the version that was emailed was built, when this build revises it; null otherwise. */
  revises: Date | null;
  figures: ReportFigure[];
  period: ReportPeriod;
  previous: ReportPeriod;
  /** Backlog and overdue are as of this instant: the period's end, or now for a period still running. */
  asOf: Date;
  builtAt: Date;
  workingDays: number;
  /** False when nothing happened in the period: the report says so and still renders every section. */
  hasData: boolean;
  notices: ReportNotice[];
  sections: ReportSection[];
}

export function label(key: MessageKey, params?: Record<string, string | number>): Label {
  return params ? { key, params } : { key };
}

export function isLabel(cell: ReportCell): cell is Label {
  return cell !== null && typeof cell === 'object' && !(cell instanceof Date);
}
