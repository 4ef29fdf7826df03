/**
 * How much mail the month sent, counted the way a manager feels it (issue 14 "Noise"): by kind, the
 * busiest recipient, escalation notices per ticket per level per recipient, and escalation mails
 * (hourly alerts or daily summaries) per manager per day. Read from the emulator's sent mail, so it
 * counts what the product sent, not what it meant to send.
 *
 * A mail's kind comes from its subject, matched against the product's own subject templates (either
 * language). An escalation line is a text-body line holding a ticket ID; its level is the line's
 * level cell — a digit (1/2/3) or one of the product's level words (a customer's text that merely
 * says "serious" is not a level).
 */
import { CATALOGS, LANGS, type MessageKey } from '../../src/i18n';

export interface MailLike {
  to: readonly string[];
  subject: string;
  body: string;
  at: Date;
}

export type MailKind =
  | 'escalation'
  | 'escalationSummary'
  | 'digest'
  | 'report'
  | 'assigned'
  | 'major'
  | 'repeat'
  | 'callback'
  | 'other';

const SUBJECT_KEYS: Array<[MailKind, string]> = [
  ['escalationSummary', 'escalation.summary.subject'],
  ['escalation', 'escalation.subject'],
  ['escalation', 'escalation.urgent.subject'],
  ['digest', 'digest.subject'],
  ['assigned', 'notify.subject.assigned'],
  ['major', 'notify.subject.major'],
  ['major', 'notify.subject.urgent'],
  ['repeat', 'notify.subject.repeat'],
  ['callback', 'callbacks.notify.subject.reopened'],
  ['callback', 'callbacks.notify.subject.manager'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A subject template ("[Service Desk] Escalation: {count} ticket(s)…") as a regular expression. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{[a-zA-Z]+\}/).map(escapeRegExp);
  return new RegExp(`^${parts.join('.*?')}$`);
}

const PATTERNS: Array<[MailKind, RegExp]> = SUBJECT_KEYS.flatMap(([kind, key]) =>
  LANGS.flatMap((lang) => {
    // A key the product does not (yet) have gives no pattern.
    const template: string | undefined = CATALOGS[lang][key as MessageKey];
    return template === undefined ? [] : [[kind, templatePattern(template)] as [MailKind, RegExp]];
  }),
);

const REPORT_PATTERN = /(Weekly|Monthly|Quarterly|Annual) report|周报|月报|季报|年报/;

export function mailKind(subject: string): MailKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(subject)) return kind;
  if (REPORT_PATTERN.test(subject)) return 'report';
  return 'other';
}

const TICKET_ID = /\b[A-Z]{2,6}-\d{4}-\d{5,6}\b/;
/** The product's level words (a cell equal to one), in either language. */
const LEVEL_WORDS: Array<[number, Set<string>]> = [1, 2, 3].map((level) => [
  level,
  new Set(LANGS.map((lang) => CATALOGS[lang][`escalation.level.${level}` as MessageKey])),
]);

/** (ticket, level) pairs of an escalation mail's text body: one per line holding a ticket ID. */
export function escalationLines(body: string): Array<{ ticket: string; level: number | null }> {
  const lines: Array<{ ticket: string; level: number | null }> = [];
  for (const line of body.split('\n')) {
    const id = TICKET_ID.exec(line);
    if (!id) continue;
    const cells = line.split('|').map((cell) => cell.trim());
    const digit = cells.find((cell) => /^[123]$/.test(cell));
    const word = LEVEL_WORDS.find(([, words]) => cells.some((cell) => words.has(cell)));
    lines.push({ ticket: id[0], level: digit ? Number(digit) : (word?.[0] ?? null) });
  }
  return lines;
}

export interface MailCounts {
  total: number;
  byKind: Array<[MailKind, number]>;
  /** Escalation mails (alerts and summaries) in all. */
  escalationMails: number;
  /** Distinct tickets named in escalation mails. */
  escalatedTickets: number;
  /** The most escalation mails one recipient got about one ticket at one level (target ≤ 1). */
  maxPerTicketLevelRecipient: number;
  /** The most escalation alerts (sent at once, not summaries) one recipient got on one day. */
  maxAlertsPerRecipientDay: number;
  /** The most escalation summaries one recipient got on one day (target ≤ 1). */
  maxSummariesPerRecipientDay: number;
  /** Recipients with the most mail of any kind. */
  busiest: Array<[string, number]>;
}

function countOf<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** `dayOf` maps a send instant to the local calendar day (the spreadsheet's time zone). */
export function countMails(mails: readonly MailLike[], dayOf: (at: Date) => string): MailCounts {
  const byKind = new Map<MailKind, number>();
  const byRecipient = new Map<string, number>();
  const perTicketLevel = new Map<string, number>();
  const alertsPerRecipientDay = new Map<string, number>();
  const summariesPerRecipientDay = new Map<string, number>();
  const tickets = new Set<string>();
  let escalationMails = 0;
  for (const mail of mails) {
    const kind = mailKind(mail.subject);
    countOf(byKind, kind);
    for (const to of mail.to) countOf(byRecipient, to);
    if (kind !== 'escalation' && kind !== 'escalationSummary') continue;
    escalationMails += 1;
    const day = dayOf(mail.at);
    const lines = escalationLines(mail.body);
    for (const to of mail.to) {
      countOf(kind === 'escalation' ? alertsPerRecipientDay : summariesPerRecipientDay, `${to} ${day}`);
      // One mail names a (ticket, level) once however many of its lines repeat it.
      for (const key of new Set(lines.map((line) => `${line.ticket} ${line.level ?? '?'}`)))
        countOf(perTicketLevel, `${to} ${key}`);
    }
    for (const line of lines) tickets.add(line.ticket);
  }
  const max = (map: Map<string, number>) => Math.max(0, ...map.values());
  return {
    total: mails.length,
    byKind: [...byKind].sort((a, b) => b[1] - a[1]),
    escalationMails,
    escalatedTickets: tickets.size,
    maxPerTicketLevelRecipient: max(perTicketLevel),
    maxAlertsPerRecipientDay: max(alertsPerRecipientDay),
    maxSummariesPerRecipientDay: max(summariesPerRecipientDay),
    busiest: [...byRecipient].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3),
  };
}

export function formatMailCounts(counts: MailCounts): string[] {
  return [
    `Mail kinds    ${counts.byKind.map(([kind, n]) => `${kind} ${n}`).join(' · ')}; busiest: ${counts.busiest
      .map(([to, n]) => `${to} ${n}`)
      .join(' · ')}`,
    `Escalations   ${counts.escalationMails} mails naming ${counts.escalatedTickets} tickets; at most ${counts.maxPerTicketLevelRecipient} per ticket per level per recipient; a day's most per recipient: ${counts.maxAlertsPerRecipientDay} alerts, ${counts.maxSummariesPerRecipientDay} summaries`,
  ];
}
