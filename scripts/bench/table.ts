/** The §15 table as text: one line per operation, one column per ticket count, budgets at the right. */
import type { Operation, Result } from './operations';

const NAMES: Record<Operation, string> = {
  intake: 'Intake (one submit)',
  sweep: 'Hourly sweep',
  report: 'Weekly report',
  naiveSweep: 'Naive per-row sweep',
  audit: 'Audit submission (质检)',
  auditSample: 'Weekly audit sample',
  merit: 'Merit form submission (奖惩)',
  assessment: 'Monthly assessment (月度考核)',
  inspection: 'Inspection, 40 items, 5 failed (检查登记)',
  panelFirstRead: 'Ticket panel: a ticket read the first time',
  panelRead: 'Ticket panel: a ticket read again',
  panelQueue: 'Ticket panel: My queue',
};

const BUDGETS: Record<Operation, string> = {
  intake: '≤ 15 calls at any size; script CPU at 100k ≤ 3× at 1k',
  sweep: '≤ 30 calls; ≤ 2 s CPU at 100k',
  report: '≤ 150 calls; ≤ 3 s CPU at 100k',
  naiveSweep: '(contrast, not allowed)',
  audit: '≤ 15 calls, ≤ 5,000 cells at 10k audits',
  auditSample: '≤ 30 calls at 100k',
  merit: '≤ 15 calls at any size',
  assessment: '≤ 150 calls; ≤ 5 s CPU at 100k, 50 staff',
  inspection: '≤ 25 calls, ≤ 5,000 cells at 10k inspections',
  panelFirstRead: '(issue 19 asks ≤ 6; a TextFinder search alone is 4)',
  panelRead: '≤ 6 calls at any size (issue 19)',
  panelQueue: 'cells: from the first active ticket down',
};

function cell(result: Result | undefined): string {
  if (!result) return '';
  if (result.sheetsCalls === undefined || result.cpuMs === undefined) return 'n/a';
  const time =
    result.cpuMs >= 1000 ? `${(result.cpuMs / 1000).toFixed(2)} s` : `${Math.round(result.cpuMs)} ms`;
  const script =
    result.operation === 'intake' && result.scriptCpuMs !== undefined
      ? ` (script ${Math.round(result.scriptCpuMs)} ms)`
      : '';
  return `${result.sheetsCalls.toLocaleString('en-US')} calls, ${time}${script}`;
}

export function formatTable(
  results: readonly Result[],
  sizes: readonly number[],
  dueDatesPerSecond: number,
): string {
  const header = [
    'Operation',
    ...sizes.map((size) => `${size.toLocaleString('en-US')} tickets`),
    'Budget (SPEC §15)',
  ];
  const operations: Operation[] = [
    'intake',
    'sweep',
    'report',
    'audit',
    'auditSample',
    'merit',
    'assessment',
    'inspection',
    'panelFirstRead',
    'panelRead',
    'panelQueue',
    'naiveSweep',
  ];
  const lines = operations.map((operation) => [
    NAMES[operation],
    ...sizes.map((size) =>
      cell(results.find((result) => result.operation === operation && result.tickets === size)),
    ),
    BUDGETS[operation],
  ]);
  lines.push([
    'Business-time due dates',
    `${dueDatesPerSecond.toLocaleString('en-US')} per second`,
    ...sizes.slice(1).map(() => ''),
    '≥ 200,000 per second',
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => line[i].length)));
  const format = (line: string[]) =>
    line
      .map((text, i) => text.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const naive = results.filter(
    (result) => result.operation === 'naiveSweep' && result.sheetsCalls !== undefined,
  );
  const largest = naive[naive.length - 1];
  const latency =
    largest?.sheetsCalls === undefined
      ? []
      : [
          '',
          `The emulator has no per-call latency; on Google each call is a round trip: at even 2 ms a call the naive sweep's ` +
            `${largest.sheetsCalls.toLocaleString('en-US')} calls take ${Math.round((largest.sheetsCalls * 2) / 1000)} s (limit: 360 s per execution).`,
        ];
  const notes = results
    .filter((result) => result.note !== '')
    .map((result) => `  ${NAMES[result.operation]} at ${result.tickets}: ${result.note}`);
  return [
    format(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...lines.map(format),
    ...latency,
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}
