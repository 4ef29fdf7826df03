/**
 * Every email goes through here (SPEC §2, §14): the daily quota is checked before sending, what cannot
 * be sent now is queued in the Outbox sheet, and later runs send the Outbox in order. Nothing is lost,
 * nothing is sent twice: the Outbox is flushed under the document lock, and a row is marked sent in the
 * batched write that follows the sends.
 *
 * Order: while anything waits in the Outbox (flag `outbox.pending`, set and cleared under the document
 * lock together with the rows), new mail queues behind it instead of overtaking it; the hourly sweep
 * flushes the queue oldest first, and skips the Outbox entirely when nothing waits.
 */
import { errorText } from '../core/errors';
import { t } from '../i18n';
import type { MailMessage } from '../ports';
import type { OutboxRow } from '../workbook/schemas';
import { OUTBOX } from '../workbook/schemas';
import type { JobContext } from './context';

/** Google refuses more than 50 recipients per message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** A message that failed this often (e.g. an invalid address) stays in the Outbox with its error, unsent. */
export const MAX_SEND_ATTEMPTS = 5;
const PENDING_FLAG = 'outbox.pending';
const OUTBOX_LOCK_MS = 30_000;

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

/** Sends what the quota allows, in order; queues the rest (and any that failed) in one Outbox append. */
export function deliver(ctx: JobContext, messages: readonly Outgoing[]): DeliveryResult {
  const split = splitByRecipientLimit(messages);
  if (split.length === 0) return { sent: 0, queued: 0 };
  const queue: Array<Partial<OutboxRow>> = [];
  let sent = 0;
  const backlog = ctx.ports.store.get(PENDING_FLAG) === '1';
  let quota = backlog ? 0 : ctx.ports.mail.remainingDailyQuota();
  for (const message of split) {
    if (queue.length === 0 && message.to.length <= quota) {
      try {
        ctx.ports.mail.send(message, t(ctx.lang, 'menu.title'));
        quota -= message.to.length;
        sent += 1;
        continue;
      } catch (error) {
        queue.push(outboxRow(ctx, message, 1, errorText(error, { withName: false })));
        continue;
      }
    }
    queue.push(outboxRow(ctx, message, 0, ''));
  }
  if (queue.length > 0) {
    // Under the lock that flushOutbox holds, so the flag and the rows never disagree; set first, so a
    // failed append at worst costs one needless Outbox read.
    ctx.ports.lock.withDocumentLock(OUTBOX_LOCK_MS, () => {
      ctx.ports.store.set(PENDING_FLAG, '1');
      ctx.table<OutboxRow>(OUTBOX).appendRecords(queue);
    });
  }
  return { sent, queued: queue.length };
}

function outboxRow(
  ctx: JobContext,
  message: Outgoing,
  attempts: number,
  lastError: string,
): Partial<OutboxRow> {
  return {
    queuedAt: ctx.now(),
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
  /** Still waiting after this flush (quota ran out, or failed and will be retried). */
  remaining: number;
}

function isPending(values: Pick<OutboxRow, 'to' | 'sentAt' | 'attempts'>): boolean {
  const attempts = typeof values.attempts === 'number' ? values.attempts : 0;
  return values.sentAt === '' && values.to !== '' && attempts < MAX_SEND_ATTEMPTS;
}

/** How many queued emails wait to be sent (health check). */
export function outboxSize(ctx: JobContext): number {
  if (!ctx.findSheet(OUTBOX)) return 0;
  return ctx
    .table<OutboxRow>(OUTBOX)
    .readRows(['to', 'attempts', 'sentAt'])
    .rows.filter((row) => isPending(row.values)).length;
}

/**
 * Sends queued mail oldest first while the quota lasts, stopping at the first message that does not fit
 * (so the order holds). Reads the small columns of the whole Outbox, then the bodies only from the
 * first waiting row on; one batched update marks what was sent.
 */
export function flushOutbox(ctx: JobContext): FlushResult {
  const none = { sent: 0, failed: 0, remaining: 0 };
  // Nothing queued since the last flush emptied it: no Sheets call (SPEC §15 sweep budget).
  if (ctx.ports.store.get(PENDING_FLAG) !== '1' || !ctx.findSheet(OUTBOX)) return none;
  return ctx.ports.lock.withDocumentLock(OUTBOX_LOCK_MS, () => {
    const table = ctx.table<OutboxRow>(OUTBOX);
    const firstPending = table
      .readRows(['to', 'attempts', 'sentAt'])
      .rows.find((row) => isPending(row.values));
    if (!firstPending) {
      ctx.ports.store.delete(PENDING_FLAG);
      return none;
    }
    const pending = table
      .readRowsAt(firstPending.row, Number.MAX_SAFE_INTEGER - firstPending.row, [
        'to',
        'subject',
        'attempts',
        'sentAt',
        'payload',
      ])
      .rows.filter((row) => isPending(row.values));
    let quota = ctx.ports.mail.remainingDailyQuota();
    const changes: Array<{ row: number; values: Partial<OutboxRow> }> = [];
    let sent = 0;
    let failed = 0;
    for (const { row, values } of pending) {
      const to = values.to
        .split(',')
        .map((address) => address.trim())
        .filter((address) => address !== '');
      if (to.length > quota) break;
      const attempts = (typeof values.attempts === 'number' ? values.attempts : 0) + 1;
      try {
        const body = JSON.parse(values.payload) as { htmlBody: string; textBody: string };
        ctx.ports.mail.send(
          {
            to,
            subject: values.subject,
            htmlBody: body.htmlBody,
            textBody: body.textBody,
          },
          t(ctx.lang, 'menu.title'),
        );
        quota -= to.length;
        sent += 1;
        changes.push({ row, values: { sentAt: ctx.ports.clock.now(), attempts, lastError: '' } });
      } catch (error) {
        failed += 1;
        changes.push({ row, values: { attempts, lastError: errorText(error, { withName: false }) } });
      }
    }
    if (changes.length > 0) table.updateRows(changes);
    const remaining = pending.length - sent;
    if (remaining === 0) ctx.ports.store.delete(PENDING_FLAG);
    return { sent, failed, remaining };
  });
}
