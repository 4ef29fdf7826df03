/**
 * Quality audits in the weekly and monthly reports (SPEC §8.1, §10), counted from the Audits, Audit
 * items and Audit samples registers: audits done against the sample, the QA average (mean final % of
 * normal audits in the period, each audit once, zeros included; calibration audits never count), by
 * person and by scorecard item, the lowest items, root causes, warnings and consequences.
 */
import {
  type AuditReportInput,
  inWindow,
  type ReportAudit,
  type ReportCalibration,
  type ReportContext,
  type Window,
} from '../input';
import { type ColumnFormat, label, type ReportCell, type ReportSection } from '../model';
import { REPORT_KINDS } from '../period';
import { pendingSection } from './pending';

function normalIn(input: AuditReportInput, window: Window): ReportAudit[] {
  return input.audits.filter((audit) => !audit.calibration && inWindow(audit.at, window));
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** QA average of each person in the window: mean final % (as a fraction) of their normal audits. */
export function qaAverages(input: AuditReportInput | undefined, window: Window): Map<string, number> {
  const byStaff = new Map<string, number[]>();
  for (const audit of input ? normalIn(input, window) : []) {
    if (audit.finalPercent === null) continue;
    byStaff.set(audit.staff, [...(byStaff.get(audit.staff) ?? []), audit.finalPercent / 100]);
  }
  return new Map([...byStaff].map(([staff, values]) => [staff, average(values) ?? 0]));
}

/** Appeals made in the period, and how they stand: accepted (fully or partly), rejected, too late, open. */
function appealFigures(input: AuditReportInput, window: Window): Array<[string, number, ColumnFormat]> {
  const made = input.appeals.filter((appeal) => inWindow(appeal.at, window));
  const count = (...decisions: string[]) =>
    made.filter((appeal) => decisions.includes(appeal.decision)).length;
  return [
    ['reports.audits.appeals', made.length, 'count'],
    ['reports.audits.appealsAccepted', count('accept', 'partly'), 'count'],
    ['reports.audits.appealsRejected', count('reject'), 'count'],
    ['reports.audits.appealsLate', count('expired'), 'count'],
    ['reports.audits.appealsOpen', count('pending', ''), 'count'],
  ];
}

/** The four audit sections of a report; without audit input (a desk set up before audits), the pending line. */
export function auditSections(context: ReportContext): ReportSection[] {
  const input = context.audits;
  if (!input) {
    const pending = pendingSection('audits', REPORT_KINDS)(context);
    return pending ? [pending] : [];
  }
  const window = context.current;
  const audits = normalIn(input, window);
  const scored = audits.filter((audit) => audit.finalPercent !== null);
  const finals = scored.map((audit) => (audit.finalPercent ?? 0) / 100);
  const calibration = input.audits.filter((audit) => audit.calibration && inWindow(audit.at, window)).length;
  const warnings = audits.filter((audit) => audit.runBelow > 0);
  const limit = Math.max(1, input.consecutiveLimit);
  const consequences = warnings.filter((audit) => audit.runBelow % limit === 0);
  // Samples due in the period: how many were audited by their date, how many are overdue.
  const due = input.samples.filter(
    (sample) => inWindow(sample.due, window) || inWindow(sample.drawnAt, window),
  );
  const audited = due.filter(
    (sample) => sample.auditedAt !== null && sample.auditedAt <= (sample.due ?? Infinity),
  );
  const overdue = due.filter(
    (sample) => sample.auditedAt === null && sample.due !== null && sample.due <= context.asOf,
  );
  const figures: Array<[string, number | null, ColumnFormat]> = [
    ['reports.audits.done', audits.length, 'count'],
    ['reports.audits.average', average(finals), 'percent'],
    ['reports.audits.sampled', due.length, 'count'],
    ['reports.audits.sampleAudited', audited.length, 'count'],
    ['reports.audits.sampleOverdue', overdue.length, 'count'],
    ['reports.audits.warnings', warnings.length, 'count'],
    ['reports.audits.consequences', consequences.length, 'count'],
    ['reports.audits.criticalFails', audits.filter((audit) => audit.criticalFail).length, 'count'],
    ['reports.audits.calibration', calibration, 'count'],
    ...calibrationFigures(input, window),
    ...appealFigures(input, window),
  ];
  const summary: ReportSection = {
    id: 'audits',
    title: 'reports.section.audits',
    columns: [
      { header: 'reports.col.kpi', format: 'text' },
      { header: 'reports.col.value', format: 'mixed' },
    ],
    rows: figures.map(([key, value]) => [label(key as never), value]),
    rowFormats: figures.map(([, , format]) => format),
    mailRows: figures.length,
  };

  const byStaff = new Map<string, ReportAudit[]>();
  for (const audit of audits) byStaff.set(audit.staff, [...(byStaff.get(audit.staff) ?? []), audit]);
  const staffRows: ReportCell[][] = [...byStaff]
    .map(([staff, list]) => {
      const values = list.filter((a) => a.finalPercent !== null).map((a) => (a.finalPercent ?? 0) / 100);
      return [
        staff,
        list.length,
        average(values),
        values.length === 0 ? null : Math.min(...values),
        list.filter((a) => a.runBelow > 0).length,
        list.filter((a) => a.runBelow > 0 && a.runBelow % limit === 0).length,
      ] as ReportCell[];
    })
    .sort((a, b) => Number(a[2] ?? 2) - Number(b[2] ?? 2) || String(a[0]).localeCompare(String(b[0])));
  const byPerson: ReportSection = {
    id: 'auditsByStaff',
    title: 'reports.section.auditsByStaff',
    columns: [
      { header: 'reports.col.staff', format: 'text' },
      { header: 'reports.col.audits', format: 'count' },
      { header: 'reports.col.qaAverage', format: 'percent' },
      { header: 'reports.col.lowest', format: 'percent' },
      { header: 'reports.col.warnings', format: 'count' },
      { header: 'reports.col.consequences', format: 'count' },
    ],
    rows: staffRows,
    mailRows: context.targets.listLimit,
  };

  // Items of the period's normal audits: average share of max, lowest first; root causes counted once per audit.
  const ids = new Map(audits.map((audit) => [audit.id, audit]));
  const itemTally = new Map<string, { scorecard: string; item: string; sum: number; n: number }>();
  const causes = new Map<string, Set<string>>();
  for (const item of input.items) {
    const audit = ids.get(item.auditId);
    if (!audit) continue;
    if (item.points !== null && item.max > 0) {
      const key = `${audit.scorecard}\u0000${item.section}\u0000${item.item}`;
      const tally = itemTally.get(key) ?? {
        scorecard: audit.scorecard,
        item: `${item.section} — ${item.item}`,
        sum: 0,
        n: 0,
      };
      tally.sum += item.points / item.max;
      tally.n += 1;
      itemTally.set(key, tally);
    }
    for (const cause of item.rootCause.split(/,\s*/).filter((c) => c !== '')) {
      causes.set(cause, (causes.get(cause) ?? new Set()).add(item.auditId));
    }
  }
  const itemRows: ReportCell[][] = [...itemTally.values()]
    .map((tally) => [tally.scorecard, tally.item, tally.n, tally.sum / tally.n] as ReportCell[])
    .sort((a, b) => Number(a[3]) - Number(b[3]) || String(a[1]).localeCompare(String(b[1])));
  const lowest: ReportSection = {
    id: 'auditItems',
    title: 'reports.section.auditItems',
    columns: [
      { header: 'reports.col.scorecard', format: 'text' },
      { header: 'reports.col.item', format: 'text' },
      { header: 'reports.col.answered', format: 'count' },
      { header: 'reports.col.averageScore', format: 'percent' },
    ],
    rows: itemRows,
    mailRows: 5,
  };
  const causeRows: ReportCell[][] = [...causes]
    .map(([cause, set]) => [cause, set.size] as ReportCell[])
    .sort((a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0])));
  const rootCauses: ReportSection = {
    id: 'auditRootCauses',
    title: 'reports.section.auditRootCauses',
    columns: [
      { header: 'reports.col.rootCause', format: 'text' },
      { header: 'reports.col.audits', format: 'count' },
    ],
    rows: causeRows,
    mailRows: 5,
  };
  const calibrators = calibrationSection(input, window);
  return [summary, byPerson, lowest, rootCauses, ...(calibrators ? [calibrators] : [])];
}

function calibrationsIn(input: AuditReportInput, window: Window): ReportCalibration[] {
  return (input.calibrations ?? []).filter((row) => inWindow(row.openedAt, window));
}

/** Sessions opened in the period, and the calibrators' mean alignment with the benchmark (closed ones). */
function calibrationFigures(
  input: AuditReportInput,
  window: Window,
): Array<[string, number | null, ColumnFormat]> {
  const rows = calibrationsIn(input, window);
  const aligned = rows.flatMap((row) => (row.alignment === null ? [] : [row.alignment / 100]));
  return [
    ['reports.audits.calibrationSessions', new Set(rows.map((row) => row.session)).size, 'count'],
    ['reports.audits.calibrationAlignment', average(aligned), 'percent'],
  ];
}

/**
 * Per calibrator (and the benchmark) of the period's closed sessions: sessions scored, mean alignment
 * with the benchmark, and the strictness index (mean of their final % minus everyone's on the same
 * ticket; negative = stricter). Absent when no session closed in the period.
 */
function calibrationSection(input: AuditReportInput, window: Window): ReportSection | null {
  const rows = calibrationsIn(input, window).filter((row) => row.closed);
  if (rows.length === 0) return null;
  const byName = new Map<string, ReportCalibration[]>();
  for (const row of rows) byName.set(row.calibrator, [...(byName.get(row.calibrator) ?? []), row]);
  const table: ReportCell[][] = [...byName]
    .map(([name, list]) => {
      const alignments = list.flatMap((r) => (r.alignment === null ? [] : [r.alignment / 100]));
      const strictness = list.flatMap((r) => (r.strictness === null ? [] : [r.strictness]));
      const mean = average(strictness);
      return [
        name,
        strictness.length,
        average(alignments),
        mean === null ? null : Math.round(mean * 10) / 10,
      ] as ReportCell[];
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return {
    id: 'auditCalibration',
    title: 'reports.section.calibration',
    columns: [
      { header: 'reports.col.calibrator', format: 'text' },
      { header: 'reports.col.sessions', format: 'count' },
      { header: 'reports.col.alignment', format: 'percent' },
      { header: 'reports.col.strictness', format: 'change' },
    ],
    rows: table,
    mailRows: 10,
  };
}

/** One builder per audit section (REPORT_SECTIONS takes one section per builder). */
export function auditSection(index: number) {
  return (context: ReportContext): ReportSection | null => auditSections(context)[index] ?? null;
}
