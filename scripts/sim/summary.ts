/**
 * The short report printed at the end: read back from the workbook, the mail outbox, the call counter
 * and the execution log, so it shows what the product did, not what the simulation intended.
 */
import { ENUMS, type EnumName } from '../../src/core/enums';
import { enumCodeFromText } from '../../src/core/text';
import { bothLanguages, type MessageKey, t } from '../../src/i18n';
import {
  AUDIT_APPEALS,
  AUDIT_SAMPLES,
  AUDITS,
  CALIBRATION,
  CALLBACKS,
  OUTBOX,
  TICKETS,
} from '../../src/workbook/schemas';
import { inspectionSummary } from './inspections';
import { countMails, formatMailCounts, type MailCounts } from './mail-counts';
import { meritSummary } from './merits';
import { type Simulation, TIME_ZONE } from './simulate';
import type { Activity } from './world';

type Counted = Array<[label: string, count: number]>;

export interface Summary {
  days: number;
  tickets: number;
  byType: Counted;
  byStatus: Counted;
  /** The product's SLA state column. */
  slaStates: Counted;
  /** Tickets resolved with a resolve target, and how many of them by the (pause-adjusted) due time. */
  resolvedWithTarget: number;
  resolvedOnTime: number;
  openOverdue: number;
  /** Tickets flagged Needs review at the end. */
  needsReview: number;
  callbackAttempts: number;
  validCallbacks: number;
  satisfactionAverage: number | null;
  callbackStates: Counted;
  /** Quality audits (质检), read back from Audits and Audit samples. */
  qa: {
    audits: number;
    average: number | null;
    below: number;
    consequences: number;
    criticalFails: number;
    needsReview: number;
    sampled: number;
    sampledAudited: number;
    appeals: Counted;
    byStaff: Array<[string, number, number]>;
    /** Calibration rows by person once closed: [session, name, final %, alignment %, strictness]. */
    calibration: Array<[string, string, unknown, unknown, unknown]>;
  };
  mailsSent: number;
  mailsQueued: number;
  mailCounts: MailCounts;
  reportSheets: string[];
  serviceCalls: number;
  callsByService: Counted;
  errors: string[];
  activity: Activity;
  /** The inspection register's lines (scripts/sim/inspections.ts). */
  inspections: string[];
  /** Merits and the month's assessment (scripts/sim/merits.ts). */
  merits: string[];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Counted {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Label counts in the enum's own order (types, statuses…), empty labels last. */
function countEnum(values: readonly unknown[], name: EnumName, lang: Simulation['world']['lang']): Counted {
  const counts = countBy(values, (value) => String(value ?? ''));
  const order = (ENUMS[name] as readonly string[]).map((code) =>
    t(lang, `enum.${name}.${code}` as MessageKey),
  );
  const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
  return counts.sort((a, b) => rank(a[0]) - rank(b[0]));
}

function asTime(value: unknown): number | null {
  return value instanceof Date ? value.getTime() : null;
}

export function summarize(sim: Simulation, days: number): Summary {
  const { emu, world } = sim;
  const { lang, view } = world;
  const tickets = view.records(TICKETS).filter((ticket) => String(ticket.id ?? '') !== '');
  const now = emu.clock.ms();
  const resolved = tickets.filter(
    (ticket) => asTime(ticket.resolveAt) !== null && asTime(ticket.resolveDue) !== null,
  );
  const open = tickets.filter((ticket) => {
    const status = enumCodeFromText(bothLanguages, 'status', String(ticket.status ?? ''));
    return status !== null && !['resolved', 'closed', 'cancelled'].includes(status);
  });
  const callbacks = view.records(CALLBACKS).filter((row) => String(row.ticketId ?? '') !== '');
  const scores = callbacks
    .map((row) => row.satisfaction)
    .filter((value): value is number => typeof value === 'number');
  const snapshot = emu.counts.snapshot();
  const byService = new Map<string, number>();
  for (const [call, count] of Object.entries(snapshot)) {
    const service = call.slice(0, call.indexOf('.'));
    byService.set(service, (byService.get(service) ?? 0) + count);
  }
  const failures = emu.executions
    .filter((run) => run.error)
    .map((run) => `${run.at.toISOString()} ${run.name}: ${run.error?.message}`);
  const logged = emu.logs
    .filter((entry) => entry.level === 'error')
    .map((entry) => `${entry.at.toISOString()} ${entry.message}`);
  // Calibration audits never count in a QA figure (SPEC §8.1).
  const audits = view
    .records(AUDITS)
    .filter((row) => String(row.auditId ?? '') !== '' && row.kind !== 'calibration');
  const finals = audits.map((row) => row.finalPercent).filter((v): v is number => typeof v === 'number');
  const samples = view.records(AUDIT_SAMPLES).filter((row) => String(row.ticketId ?? '') !== '');
  const perStaff = new Map<string, number[]>();
  for (const row of audits)
    if (typeof row.finalPercent === 'number')
      perStaff.set(String(row.staff), [...(perStaff.get(String(row.staff)) ?? []), row.finalPercent]);
  const qa = {
    audits: audits.length,
    average: finals.length === 0 ? null : finals.reduce((x, y) => x + y, 0) / finals.length,
    below: audits.filter((row) => Number(row.runBelow) > 0).length,
    // Every 3rd audit in a row below the warning score (⚙ General's default limit) brings the consequence.
    consequences: audits.filter((row) => Number(row.runBelow) > 0 && Number(row.runBelow) % 3 === 0).length,
    criticalFails: audits.filter((row) => row.criticalFail === true).length,
    needsReview: audits.filter((row) => row.needsReview === true).length,
    sampled: samples.length,
    sampledAudited: samples.filter((row) => String(row.auditId ?? '') !== '').length,
    appeals: countEnum(
      view.records(AUDIT_APPEALS).map((row) => row.decision),
      'appealDecision',
      lang,
    ),
    byStaff: [...perStaff]
      .map(
        ([name, v]) => [name, v.length, v.reduce((x, y) => x + y, 0) / v.length] as [string, number, number],
      )
      .sort((x, y) => x[2] - y[2]),
    calibration: view
      .records(CALIBRATION)
      .filter((row) => String(row.session ?? '') !== '')
      .map(
        (row) =>
          [String(row.session), String(row.calibrator), row.finalPercent, row.alignment, row.strictness] as [
            string,
            string,
            unknown,
            unknown,
            unknown,
          ],
      ),
  };
  return {
    days,
    tickets: tickets.length,
    qa,
    byType: countEnum(
      tickets.map((ticket) => ticket.type),
      'ticketType',
      lang,
    ),
    byStatus: countEnum(
      tickets.map((ticket) => ticket.status),
      'status',
      lang,
    ),
    slaStates: countEnum(
      tickets.map((ticket) => ticket.slaState),
      'slaState',
      lang,
    ),
    resolvedWithTarget: resolved.length,
    resolvedOnTime: resolved.filter(
      (ticket) => (asTime(ticket.resolveAt) ?? 0) <= (asTime(ticket.resolveDue) ?? 0),
    ).length,
    openOverdue: open.filter((ticket) => (asTime(ticket.resolveDue) ?? Number.POSITIVE_INFINITY) < now)
      .length,
    needsReview: tickets.filter((ticket) => ticket.needsReview === true).length,
    callbackAttempts: callbacks.length,
    validCallbacks: callbacks.filter((row) => row.valid === true).length,
    satisfactionAverage: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
    callbackStates: countEnum(
      tickets.map((ticket) => ticket.callbackState).filter((state) => state !== ''),
      'callbackState',
      lang,
    ),
    mailsSent: emu.mail.outbox.length,
    mailsQueued: view
      .records(OUTBOX)
      .filter((row) => String(row.to ?? '') !== '' && !(row.sentAt instanceof Date)).length,
    mailCounts: countMails(emu.mail.outbox, (at) => LOCAL_DAY.format(at)),
    reportSheets: emu.spreadsheet.sheetNames().filter((name) => /\d{4}-(W\d{2}|\d{2})$/.test(name)),
    serviceCalls: emu.counts.total(),
    callsByService: [...byService].sort((a, b) => b[1] - a[1]),
    errors: [...failures, ...logged],
    activity: world.activity,
    inspections: inspectionSummary(world),
    merits: meritSummary(world),
  };
}

const LOCAL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(1)} %`;
}

function line(counted: Counted): string {
  return counted.map(([label, count]) => `${label || '(empty)'} ${count}`).join(' · ');
}

export function formatSummary(summary: Summary, seconds: number, cpuSeconds: number): string {
  const a = summary.activity;
  const lines = [
    `Simulated ${summary.days} days in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s): ${a.contacts} contacts logged, ${a.edits} cell edits by staff (${a.refusedEdits} refused and restored with a note), ${a.assignments} tickets assigned by hand.`,
    `Ticket panel  ${a.panelActions} actions by the staff who work in the panel (${a.panelRefused} refused inline, nothing written); My queue opened ${a.panelQueues} times`,
    `Tickets       ${summary.tickets}: ${line(summary.byType)}`,
    `Status        ${line(summary.byStatus)}`,
    `SLA           resolved on time ${summary.resolvedOnTime}/${summary.resolvedWithTarget} (${percent(summary.resolvedOnTime, summary.resolvedWithTarget)}); open past resolve due ${summary.openOverdue}; Needs review ${summary.needsReview}`,
    `SLA state     ${line(summary.slaStates)}`,
    `Callbacks     ${summary.callbackAttempts} attempts, ${summary.validCallbacks} valid` +
      (summary.satisfactionAverage === null
        ? ''
        : `, average satisfaction ${summary.satisfactionAverage.toFixed(2)} / 5`) +
      (summary.callbackStates.length > 0 ? `; tickets: ${line(summary.callbackStates)}` : '') +
      (a.callbackNote ? ` (${a.callbackNote})` : ''),
    `QA audits     ${summary.qa.audits} (${summary.activity.audits} forms), QA average ${summary.qa.average === null ? 'n/a' : `${summary.qa.average.toFixed(1)} %`}; below 80: ${summary.qa.below}, 3 in a row: ${summary.qa.consequences}, red-line fails: ${summary.qa.criticalFails}, needs review: ${summary.qa.needsReview}; sample ${summary.qa.sampledAudited}/${summary.qa.sampled} audited; appeals ${line(summary.qa.appeals) || 'none'}`,
    `Calibration   ${
      summary.qa.calibration
        .map(
          ([session, name, final, aligned, strict]) =>
            `${session} ${name} ${final === '' ? '—' : `${final} %`}${aligned === '' ? '' : `, aligned ${aligned} %`}${strict === '' ? '' : `, strictness ${Number(strict) > 0 ? '+' : ''}${strict}`}`,
        )
        .join(' · ') || 'none'
    }`,
    `QA by person  ${summary.qa.byStaff.map(([name, n, avg]) => `${name} ${avg.toFixed(1)} % (${n})`).join(' · ') || 'none'}`,
    ...summary.inspections,
    ...summary.merits,
    `Reports       ${summary.reportSheets.length > 0 ? summary.reportSheets.join(', ') : 'none built'}`,
    `Emails        ${summary.mailsSent} sent, ${summary.mailsQueued} queued in the Outbox`,
    ...formatMailCounts(summary.mailCounts),
    `Service calls ${summary.serviceCalls}: ${line(summary.callsByService)}`,
    `Errors        ${summary.errors.length === 0 ? 'none' : summary.errors.length}`,
    ...summary.errors.slice(0, 10).map((error) => `  ${error}`),
  ];
  if (summary.errors.length > 10)
    lines.push(`  … and ${summary.errors.length - 10} more (see the Run log sheet)`);
  return lines.join('\n');
}
