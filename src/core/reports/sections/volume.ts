/**
 * Volume (SPEC §10): tickets received in the period by type, channel, category and department, with
 * each one's share. Cancelled tickets count: they were contacts all the same.
 */
import type { MessageKey } from '../../../i18n';
import { ENUMS } from '../../enums';
import { countBy, inWindow, type ReportContext, type ReportTicket } from '../input';
import { label, type ReportCell, type ReportSection, type SectionChart } from '../model';

interface VolumeSpec {
  id: string;
  title: MessageKey;
  header: MessageKey;
  keyOf: (ticket: ReportTicket) => string;
  cellOf: (key: string) => ReportCell;
  /** Enum dimensions list every value, even at 0, so weeks compare at a glance. */
  allKeys?: readonly string[];
  chart?: SectionChart;
}

const noneLabel = label('reports.value.none');

function volumeSection(context: ReportContext, spec: VolumeSpec): ReportSection {
  const received = context.tickets.filter((ticket) => inWindow(ticket.receivedAt, context.current));
  const counts = countBy(received, spec.keyOf);
  for (const key of spec.allKeys ?? []) if (!counts.has(key)) counts.set(key, 0);
  const ordered = [...counts].sort(([a, countA], [b, countB]) =>
    spec.allKeys ? spec.allKeys.indexOf(a) - spec.allKeys.indexOf(b) : countB - countA || a.localeCompare(b),
  );
  const total = received.length;
  return {
    id: spec.id,
    title: spec.title,
    columns: [
      { header: spec.header, format: 'text' },
      { header: 'reports.col.tickets', format: 'count' },
      { header: 'reports.col.share', format: 'percent' },
    ],
    rows: ordered.map(([key, count]) => [spec.cellOf(key), count, total === 0 ? null : count / total]),
    chart: spec.chart,
    mailRows: spec.id === 'volumeByType' ? ENUMS.ticketType.length : undefined,
  };
}

function enumSpec(
  id: string,
  title: MessageKey,
  header: MessageKey,
  name: 'ticketType' | 'channel',
  keyOf: (ticket: ReportTicket) => string,
  chart?: SectionChart,
): VolumeSpec {
  return {
    id,
    title,
    header,
    keyOf,
    cellOf: (key) => (key === '' ? noneLabel : label(`enum.${name}.${key}` as MessageKey)),
    allKeys: ENUMS[name],
    chart,
  };
}

function textSpec(
  id: string,
  title: MessageKey,
  header: MessageKey,
  keyOf: (ticket: ReportTicket) => string,
): VolumeSpec {
  return { id, title, header, keyOf, cellOf: (key) => (key === '' ? noneLabel : key) };
}

export function volumeByType(context: ReportContext): ReportSection {
  return volumeSection(
    context,
    enumSpec(
      'volumeByType',
      'reports.section.volumeByType',
      'reports.col.type',
      'ticketType',
      (t) => t.type,
      {
        kind: 'column',
        title: 'reports.chart.volumeByType',
        series: 1,
      },
    ),
  );
}

export function volumeByChannel(context: ReportContext): ReportSection {
  return volumeSection(
    context,
    enumSpec(
      'volumeByChannel',
      'reports.section.volumeByChannel',
      'reports.col.channel',
      'channel',
      (t) => t.channel,
    ),
  );
}

export function volumeByCategory(context: ReportContext): ReportSection {
  const spec = textSpec(
    'volumeByCategory',
    'reports.section.volumeByCategory',
    'reports.col.category',
    (t) => t.category,
  );
  return volumeSection(context, spec);
}

export function volumeByDepartment(context: ReportContext): ReportSection {
  const spec = textSpec(
    'volumeByDepartment',
    'reports.section.volumeByDepartment',
    'reports.col.department',
    (t) => t.department,
  );
  return volumeSection(context, spec);
}
