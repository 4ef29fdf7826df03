/**
 * Every email goes through here (SPEC §2, §14): the daily quota is checked before sending, what cannot
 * be sent now is queued in the Outbox sheet, and later runs send the Outbox in order. Nothing is lost,
 * nothing is sent twice (a row is marked sent in the same batched write that follows the sends).
 */
import type { MailMessage } from '../ports';
import type { OutboxRow } from '../workbook/schemas';
import { OUTBOX } from '../workbook/schemas';
import type { Desk } from './desk';

/** Google refuses more than 50 recipients per message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

export interface Outgoing extends MailMessage {
  /** Why it is sent (assignment, escalation, digest, report…), shown in the Outbox. */
  reason: string;
}

export interface DeliveryResult {
  sent: number;
  queued: number;
}

/** Splits messages with more than 50 recipients, drops empty and duplicate addresses. */
function splitByRecipientLimit(messages: readonly Outgoing[]): Outgoing[] {
  const result: Outgoing[] = [];
  for (const message of messages) {
    const to = [...new Set(message.to.map((address) => address.trim()).filter((address) => address !== ''))];
    for (let i = 0; i < to.length; i += MAX_RECIPIENTS_PER_MESSAGE) {
      result.push({ ...message, to: to.slice(i, i + MAX_RECIPIENTS_PER_MESSAGE) });
    }
  }
  return result;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sends what the quota allows, in order; queues the rest (and any that failed) in one Outbox append. */
export function deliver(desk: Desk, messages: readonly Outgoing[]): DeliveryResult {
  const queue: Array<Partial<OutboxRow>> = [];
  let sent = 0;
  let quota = messages.length > 0 ? desk.ports.mail.remainingDailyQuota() : 0;
  for (const message of splitByRecipientLimit(messages)) {
    if (queue.length === 0 && message.to.length <= quota) {
      try {
        desk.ports.mail.send(message);
        quota -= message.to.length;
        sent += 1;
        continue;
      } catch (error) {
        queue.push(outboxRow(desk, message, 1, errorText(error)));
        continue;
      }
    }
    queue.push(outboxRow(desk, message, 0, ''));
  }
  if (queue.length > 0) desk.table<OutboxRow>(OUTBOX).appendRecords(queue);
  return { sent, queued: queue.length };
}

function outboxRow(desk: Desk, message: Outgoing, attempts: number, lastError: string): Partial<OutboxRow> {
  return {
    queuedAt: desk.now(),
    to: message.to.join(', '),
    subject: message.subject,
    reason: message.reason,
    attempts,
    sentAt: '',
    lastError,
    payload: JSON.stringify({ htmlBody: message.htmlBody, textBody: message.textBody }),
  };
}

export interface FlushResult {
  sent: number;
  failed: number;
  remaining: number;
}

/** Sends queued mail oldest first while the quota lasts; one read and one batched update of the Outbox. */
export function flushOutbox(desk: Desk): FlushResult {
  if (!desk.findSheet(OUTBOX)) return { sent: 0, failed: 0, remaining: 0 };
  const table = desk.table<OutboxRow>(OUTBOX);
  const pending = table
    .readRows(['queuedAt', 'to', 'subject', 'attempts', 'sentAt', 'payload'])
    .rows.filter((row) => row.values.sentAt === '' && row.values.to !== '');
  if (pending.length === 0) return { sent: 0, failed: 0, remaining: 0 };
  let quota = desk.ports.mail.remainingDailyQuota();
  const changes: Array<{ row: number; values: Partial<OutboxRow> }> = [];
  let sent = 0;
  let failed = 0;
  for (const { row, values } of pending) {
    const to = values.to.split(',').map((address) => address.trim()).filter((address) => address !== '');
    if (to.length > quota) break;
    const attempts = (typeof values.attempts === 'number' ? values.attempts : 0) + 1;
    try {
      const body = JSON.parse(values.payload) as { htmlBody: string; textBody: string };
      desk.ports.mail.send({ to, subject: values.subject, htmlBody: body.htmlBody, textBody: body.textBody });
      quota -= to.length;
      sent += 1;
      changes.push({ row, values: { sentAt: desk.now(), attempts, lastError: '' } });
    } catch (error) {
      failed += 1;
      changes.push({ row, values: { attempts, lastError: errorText(error) } });
    }
  }
  if (changes.length > 0) table.updateRows(changes);
  return { sent, failed, remaining: pending.length - sent };
}
