/** Report cells and headers as text in the report's language (for the email and the header lines). */

import type { BusinessCalendar } from '../../core/calendar';
import { dateKeyOf } from '../../core/calendar/civil';
import {
  type ColumnFormat,
  isLabel,
  type Label,
  type ReportCell,
  type ReportModel,
  type ReportPeriod,
  type ReportSection,
} from '../../core/reports';
import { formatLocalDateTime } from '../../core/sla';
import { type Lang, t } from '../../i18n';
import { render } from '../../i18n/render';

export /** The format of a cell: its column's, or for a 'mixed' column its row's. */
function cellFormat(section: ReportSection, row: number, column: number): Exclude<ColumnFormat, 'mixed'> {
  const format = section.columns[column].format;
  if (format !== 'mixed') return format;
  const own = section.rowFormats?.[row] ?? 'text';
  return own === 'mixed' ? 'text' : own;
}

export function labelText(lang: Lang, cell: Label): string {
  return t(lang, cell.key, cell.params);
}

function percentText(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

/** A cell as people read it: 92.3 %, +1.5 pp, 2026-11-17, 1.3 (working days). */
export function cellText(
  lang: Lang,
  calendar: BusinessCalendar,
  cell: ReportCell,
  format: ColumnFormat,
): string {
  if (cell === null) return '–';
  if (isLabel(cell)) return labelText(lang, cell);
  if (cell instanceof Date) {
    return format === 'date'
      ? dateKeyOf(calendar.zone.toLocal(cell.getTime()).dayNumber)
      : render(lang, formatLocalDateTime(calendar, cell.getTime()));
  }
  if (typeof cell === 'string') return cell;
  if (format === 'percent') return percentText(cell);
  // A change is in percentage points already: +5.0 pp / +5.0 个百分点.
  if (format === 'change')
    return `${cell > 0 ? '+' : cell < 0 ? '−' : '±'}${Math.abs(cell).toFixed(1)}${t(lang, 'reports.unit.pp')}`;
  if (format === 'days' || format === 'hours') return cell.toFixed(1);
  return String(cell);
}

export function reportSheetName(lang: Lang, period: ReportPeriod): string {
  return t(lang, `reports.sheet.${period.kind}`, { label: period.label });
}

/**
 * "周报 2026年第19周" / "Weekly report 2026 week 19", "月报 2026年5月" / "Monthly report 2026-05",
 * "季报 2026年第2季度" / "Quarterly report 2026 Q2", "年报 2026年" / "Annual report 2026": no ISO codes.
 */
export function reportTitle(lang: Lang, period: ReportPeriod): string {
  const [year, part] = period.label.split(/-[WQ]?/);
  switch (period.kind) {
    case 'weekly':
      return t(lang, 'reports.title.weekly', { year, week: String(Number(part)) });
    case 'monthly':
      return t(lang, 'reports.title.monthly', {
        year,
        month: lang === 'zh-CN' ? String(Number(part)) : part,
      });
    case 'quarterly':
      return t(lang, 'reports.title.quarterly', { year, quarter: part });
    case 'annual':
      return t(lang, 'reports.title.annual', { year });
  }
}

/** "2026-11-16 – 2026-11-22 · 5 working days · compared with 2026-W46". */
export function periodLine(lang: Lang, calendar: BusinessCalendar, model: ReportModel): string {
  const day = (instant: number) => dateKeyOf(calendar.zone.toLocal(instant).dayNumber);
  return t(lang, 'reports.header.period', {
    from: day(model.period.start.getTime()),
    to: day(model.period.end.getTime() - 1),
    workingDays: model.workingDays,
    previous: model.previous.label,
  });
}

export function builtLine(lang: Lang, calendar: BusinessCalendar, model: ReportModel): string {
  return t(lang, 'reports.header.built', {
    builtAt: render(lang, formatLocalDateTime(calendar, model.builtAt.getTime())),
    asOf: render(lang, formatLocalDateTime(calendar, model.asOf.getTime())),
  });
}
