/**
 * The Outbox: the one way a mail leaves the desk (SPEC §2, §14). Nothing lost, nothing twice:
 *
 * - **Enqueue** (`enqueueMail`) runs under the document lock, inside the locked step of the state change
 *   the mail belongs to (a level reached, a ticket created, a digest or report done). Every mail carries
 *   idempotency keys (`escalation:CMP-2026-00012:2`, `digest:zhao.jing:2026-05-11`…); a key already
 *   enqueued for the same recipients is a no-op, found in the key index (document properties, one
 *   property per key: no Outbox read, so the sweep and intake stay within their SPEC §15 budgets).
 * - While nothing waits and the day's quota allows, a mail is sent at once and its key recorded sent;
 *   otherwise it is appended to the Outbox sheet (a payload over a cell's 50,000 characters in
 *   continuation rows) and its key recorded queued. While anything waits, new mail queues behind it.
 * - **Send** (`sendOutbox`) goes oldest first within the quota and the run's time budget. Each mail's
 *   key is recorded sent right after its send (a property, no Sheets call), and the Sent at cells are
 *   written in small batches; a mail whose key is already recorded sent is not sent again. So a kill
 *   re-sends at most the one mail in flight. A digest superseded by a newer digest for the same person
 *   is dropped, not sent stale.
 *
 * Crash windows: a kill between a sheet append and its index entries is covered by a journal of the
 * keys being appended (`mail.appending`): the next enqueue or send looks those keys up in the Outbox's
 * Key column (one TextFinder search) before trusting the index.
 */
import { errorText } from '../../core/errors';
import { hashOf } from '../../core/hash';
import { t } from '../../i18n';
import type { MailMessage } from '../../ports';
import { OUTBOX, type OutboxRow } from '../../workbook/schemas';
import type { Table } from '../../workbook/table';
import type { JobContext } from '../context';

/** Google refuses more than 50 recipients per message. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** A message that failed this often (e.g. an invalid address) stays in the Outbox with its error, unsent. */
const MAX_SEND_ATTEMPTS = 5;
/** A cell holds at most 50,000 characters; a payload is cut into chunks that leave room for their label. */
export const PAYLOAD_CHUNK = 45_000;
/** Sent at cells are written every this many mails (the key index already says which were sent). */
const MARK_BATCH = 10;
/** How long an idempotency key is remembered (its caller's own state guards it beyond a crash window). */
const INDEX_DAYS = 10;
/** The index's share of the 500 KB of document properties (the newest keys are kept). */
const INDEX_BYTES = 150 * 1024;
const DAY_MS = 86_400_000;
const LOCK_MS = 30_000;

const PENDING_FLAG = 'outbox.pending';
/** The first Outbox row that may still wait: the sender reads from here, never the whole sheet. */
const FROM_KEY = 'outbox.from';
const APPENDING_KEY = 'mail.appending';
const INDEX_PREFIX = 'mail.key.';
const KEY_SEPARATOR = ' ';

export interface Mail extends MailMessage {
  /** The events this mail tells about; several for a mail that lists several (one recipient then). */
  keys: string[];
  /** Why it is sent (assignment, escalation, digest, report…), shown in the Outbox. */
  reason: string;
}

export interface EnqueueResult {
  sent: number;
  queued: number;
  /** Already enqueued before (same key, same recipients): nothing done. */
  duplicates: number;
}

type IndexState = 'sent' | 'queued' | 'dropped';
const STATE_CODE: Record<IndexState, string> = { sent: 's', queued: 'q', dropped: 'x' };

function normalizedRecipients(to: readonly string[]): string[] {
  return [...new Set(to.map((address) => address.trim().toLowerCase()).filter((address) => address !== ''))];
}

/** The index entry of one key for one recipient list. */
function indexName(key: string, to: readonly string[]): string {
  const recipients = normalizedRecipients(to).sort().join(',');
  return `${INDEX_PREFIX}${key}>${recipients.length <= 80 ? recipients : hashOf(recipients)}`;
}

function recorded(ctx: JobContext, key: string, to: readonly string[]): IndexState | null {
  const value = ctx.ports.store.get(indexName(key, to));
  if (value === null) return null;
  const code = value.slice(0, 1);
  return code === 's' ? 'sent' : code === 'x' ? 'dropped' : 'queued';
}

/**
 * Only a mail about one event is indexed by its key. A mail listing many (the sweep's escalations to
 * one person) is guarded by its job's own state and journal: thousands of keys would not fit in
 * document properties (500 KB in all).
 */
function indexed(keys: readonly string[]): boolean {
  return keys.length === 1;
}

function record(ctx: JobContext, keys: readonly string[], to: readonly string[], state: IndexState): void {
  if (!indexed(keys)) return;
  ctx.ports.store.set(indexName(keys[0], to), `${STATE_CODE[state]}|${ctx.now().toISOString()}`);
}

/** Whether a mail with this key already went to (or waits for) these recipients. */
function alreadyEnqueued(ctx: JobContext, key: string, to: readonly string[]): boolean {
  return recorded(ctx, key, to) !== null;
}

/** Splits messages with more than 50 recipients, drops empty and duplicate addresses. */
function splitByRecipientLimit(mails: readonly Mail[]): Mail[] {
  const result: Mail[] = [];
  for (const mail of mails) {
    const to = [...new Set(mail.to.map((address) => address.trim()).filter((address) => address !== ''))];
    for (let i = 0; i < to.length; i += MAX_RECIPIENTS_PER_MESSAGE)
      result.push({ ...mail, to: to.slice(i, i + MAX_RECIPIENTS_PER_MESSAGE) });
  }
  return result;
}

function outboxTable(ctx: JobContext): Table<OutboxRow> {
  return ctx.table<OutboxRow>(OUTBOX);
}

/** The payload in cells of at most PAYLOAD_CHUNK characters, each labelled `i/n:` (never a formula). */
export function payloadChunks(mail: Pick<Mail, 'htmlBody' | 'textBody'>): string[] {
  const json = JSON.stringify({ htmlBody: mail.htmlBody, textBody: mail.textBody });
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += PAYLOAD_CHUNK) parts.push(json.slice(i, i + PAYLOAD_CHUNK));
  return parts.map((part, i) => `${i + 1}/${parts.length}:${part}`);
}

function chunkOf(cell: string): { index: number; total: number; text: string } | null {
  const match = /^(\d+)\/(\d+):/.exec(cell);
  if (!match) return null;
  return { index: Number(match[1]), total: Number(match[2]), text: cell.slice(match[0].length) };
}

function rowsOf(ctx: JobContext, mail: Mail, attempts: number, lastError: string): Array<Partial<OutboxRow>> {
  const chunks = payloadChunks(mail);
  const key = mail.keys.join(KEY_SEPARATOR);
  const first: Partial<OutboxRow> = {
    queuedAt: ctx.now(),
    key,
    to: mail.to.join(', '),
    subject: mail.subject,
    reason: mail.reason,
    attempts,
    sentAt: '',
    lastError,
    payload: chunks[0],
  };
  // Continuation rows: no recipient, so never sent on their own; the sender joins them to the first.
  const rest = chunks.slice(1).map((payload) => ({ queuedAt: ctx.now(), key, to: '', subject: '', payload }));
  return [first, ...rest];
}

/** Whether mail waits in the Outbox (new mail would queue behind it): a property read, no Sheets call. */
export function mailWaits(ctx: JobContext): boolean {
  return ctx.ports.store.get(PENDING_FLAG) === '1' || ctx.ports.store.get(APPENDING_KEY) !== null;
}

export interface EnqueueOptions {
  /** Told of each mail once it is sent or appended to the Outbox (the sweep's journal). */
  onEnqueued?: (mail: Mail) => void;
}

/**
 * Enqueues mails under the document lock (re-entrant: call it inside the state change's locked step).
 * Sends at once what the quota allows while nothing waits; appends the rest to the Outbox in one write.
 */
export function enqueueMail(
  ctx: JobContext,
  mails: readonly Mail[],
  { onEnqueued }: EnqueueOptions = {},
): EnqueueResult {
  const result: EnqueueResult = { sent: 0, queued: 0, duplicates: 0 };
  const split = splitByRecipientLimit(mails);
  if (split.length === 0) return result;
  return ctx.ports.lock.withDocumentLock(LOCK_MS, () => {
    settleAppendJournal(ctx);
    const fresh = split.filter((mail) => {
      const known = indexed(mail.keys) && alreadyEnqueued(ctx, mail.keys[0], mail.to);
      if (known) result.duplicates += 1;
      return !known;
    });
    const queue: Array<Partial<OutboxRow>> = [];
    const queuedMails: Mail[] = [];
    let quota = ctx.ports.store.get(PENDING_FLAG) === '1' ? 0 : ctx.ports.mail.remainingDailyQuota();
    for (const mail of fresh) {
      if (queue.length === 0 && mail.to.length <= quota) {
        try {
          ctx.ports.mail.send(mail, t(ctx.lang, 'menu.title'));
          record(ctx, mail.keys, mail.to, 'sent');
          onEnqueued?.(mail);
          quota -= mail.to.length;
          result.sent += 1;
          continue;
        } catch (error) {
          queue.push(...rowsOf(ctx, mail, 1, errorText(error, { withName: false })));
          queuedMails.push(mail);
          continue;
        }
      }
      queue.push(...rowsOf(ctx, mail, 0, ''));
      queuedMails.push(mail);
    }
    if (queue.length === 0) return result;
    // The flag first (a stale flag costs one needless read), then the journal, the rows, the index.
    ctx.ports.store.set(PENDING_FLAG, '1');
    const journal = queuedMails.filter((mail) => indexed(mail.keys)).map((mail) => mail.keys[0]);
    if (journal.length > 0) ctx.ports.store.set(APPENDING_KEY, JSON.stringify(journal));
    const { firstRow } = outboxTable(ctx).appendRecords(queue);
    if (ctx.ports.store.get(FROM_KEY) === null) ctx.ports.store.set(FROM_KEY, String(firstRow));
    for (const mail of queuedMails) {
      record(ctx, mail.keys, mail.to, 'queued');
      onEnqueued?.(mail);
    }
    ctx.ports.store.delete(APPENDING_KEY);
    result.queued = queuedMails.length;
    return result;
  });
}

/**
 * After a kill between an Outbox append and its index entries: the journal's keys are looked up in
 * the Key column (one search), and those found are recorded queued, so they are not enqueued twice.
 */
function settleAppendJournal(ctx: JobContext): void {
  const journal = ctx.ports.store.get(APPENDING_KEY);
  if (journal === null) return;
  let keys: string[] = [];
  try {
    keys = (JSON.parse(journal) as unknown[]).filter((key): key is string => typeof key === 'string');
  } catch {
    keys = [];
  }
  if (keys.length > 0 && ctx.findSheet(OUTBOX)) {
    const table = outboxTable(ctx);
    const escaped = keys.map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const rows = table.findRows(['key'], `(^| )(${escaped.join('|')})( |$)`, { regex: true });
    if (rows.length > 0) {
      const first = Math.min(...rows);
      const found = table.readRowsAt(first, Math.max(...rows) - first + 1, ['key', 'to', 'sentAt']).rows;
      for (const { values } of found) {
        if (values.to === '') continue;
        const to = values.to.split(',');
        record(ctx, values.key.split(KEY_SEPARATOR), to, values.sentAt instanceof Date ? 'sent' : 'queued');
      }
      ctx.ports.store.set(PENDING_FLAG, '1');
      if (ctx.ports.store.get(FROM_KEY) === null) ctx.ports.store.set(FROM_KEY, String(first));
    }
  }
  ctx.ports.store.delete(APPENDING_KEY);
}

export interface SendResult {
  sent: number;
  failed: number;
  /** Stale digests dropped (a newer one for the same person came after). */
  dropped: number;
  /** Still waiting after this run (quota ran out, time ran out, or failed and will be retried). */
  remaining: number;
}

interface Waiting {
  row: number;
  /** Continuation rows of its payload. */
  rows: number;
  values: Pick<OutboxRow, 'key' | 'to' | 'subject' | 'attempts' | 'sentAt' | 'lastError'>;
  payload: string | null;
}

function attemptsOf(values: Pick<OutboxRow, 'attempts'>): number {
  return typeof values.attempts === 'number' ? values.attempts : 0;
}

function isWaiting(values: Pick<OutboxRow, 'to' | 'sentAt' | 'attempts' | 'lastError'>): boolean {
  return (
    values.sentAt === '' && values.to !== '' && attemptsOf(values) < MAX_SEND_ATTEMPTS && !isDropped(values)
  );
}

const DROPPED_MARK = '⊘ ';
function isDropped(values: Pick<OutboxRow, 'lastError'>): boolean {
  return values.lastError.startsWith(DROPPED_MARK);
}

/** Groups the rows read from `from` into mails with their joined payloads (chunks in order). */
function waitingMails(
  rows: ReadonlyArray<{
    row: number;
    values: Pick<OutboxRow, 'key' | 'to' | 'subject' | 'attempts' | 'sentAt' | 'lastError' | 'payload'>;
  }>,
): Waiting[] {
  const mails: Waiting[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { row, values } = rows[i];
    if (values.to === '') continue;
    const first = chunkOf(values.payload);
    let payload: string | null = first ? first.text : values.payload;
    let span = 1;
    if (first && first.total > 1) {
      for (let part = 2; part <= first.total; part++) {
        const next = rows[i + part - 1];
        const chunk = next && next.values.to === '' ? chunkOf(next.values.payload) : null;
        if (!chunk || chunk.index !== part) {
          payload = null;
          break;
        }
        payload += chunk.text;
        span += 1;
      }
    }
    if (isWaiting(values)) mails.push({ row, rows: span, values, payload });
  }
  return mails;
}

/** `digest:<person>:<date>` → person and date, else null. */
function digestOf(key: string): { person: string; date: string } | null {
  const match = /^digest:(.+):(\d{4}-\d{2}-\d{2})$/.exec(key);
  return match ? { person: match[1], date: match[2] } : null;
}

/** Waiting digests that a later waiting digest for the same person supersedes. */
function supersededRows(mails: readonly Waiting[]): Map<number, string> {
  const latest = new Map<string, string>();
  for (const mail of mails)
    for (const key of mail.values.key.split(KEY_SEPARATOR)) {
      const digest = digestOf(key);
      if (digest && (latest.get(digest.person) ?? '') < digest.date) latest.set(digest.person, digest.date);
    }
  const superseded = new Map<number, string>();
  for (const mail of mails)
    for (const key of mail.values.key.split(KEY_SEPARATOR)) {
      const digest = digestOf(key);
      const newer = digest ? latest.get(digest.person) : undefined;
      if (digest && newer && newer > digest.date) superseded.set(mail.row, newer);
    }
  return superseded;
}

/**
 * Sends waiting mail oldest first within the quota and `hasTime` (the run's budget), stopping at the
 * first mail that does not fit (so the order holds). Reads the Outbox from the first row that may
 * wait, never the whole sheet.
 */
export function sendOutbox(ctx: JobContext, hasTime: () => boolean): SendResult {
  const none: SendResult = { sent: 0, failed: 0, dropped: 0, remaining: 0 };
  const { store } = ctx.ports;
  if (store.get(PENDING_FLAG) !== '1' && store.get(APPENDING_KEY) === null) return none;
  if (!ctx.findSheet(OUTBOX)) return none;
  return ctx.ports.lock.withDocumentLock(LOCK_MS, () => {
    settleAppendJournal(ctx);
    const table = outboxTable(ctx);
    const from = Math.max(2, Number(store.get(FROM_KEY) ?? '2') || 2);
    const { rows } = table.readRowsAt(from, Number.MAX_SAFE_INTEGER - from, [
      'key',
      'to',
      'subject',
      'attempts',
      'sentAt',
      'lastError',
      'payload',
    ]);
    const waiting = waitingMails(rows);
    const superseded = supersededRows(waiting);
    let quota = ctx.ports.mail.remainingDailyQuota();
    const result: SendResult = { ...none };
    let marks: Array<{ row: number; values: Partial<OutboxRow> }> = [];
    // Sent at is written every few mails; until then each sent row's property mark says it went out.
    const flushMarks = () => {
      if (marks.length > 0) table.updateRows(marks);
      for (const mark of marks) store.delete(sentMarkOf(mark.row));
      marks = [];
    };
    /** Rows that wait no longer after this run: sent, dropped, found sent, or out of attempts. */
    const settled = new Set<number>();
    for (const mail of waiting) {
      const to = mail.values.to
        .split(',')
        .map((address) => address.trim())
        .filter((address) => address !== '');
      const keys = mail.values.key === '' ? [] : mail.values.key.split(KEY_SEPARATOR);
      const newer = superseded.get(mail.row);
      if (newer) {
        record(ctx, keys, to, 'dropped');
        marks.push({
          row: mail.row,
          values: { lastError: DROPPED_MARK + t(ctx.lang, 'mail.outbox.superseded', { date: newer }) },
        });
        settled.add(mail.row);
        result.dropped += 1;
        continue;
      }
      // Sent by a run that died before writing Sent at: the row's mark (or the key index) says so.
      if (
        store.get(sentMarkOf(mail.row)) !== null ||
        (indexed(keys) && recorded(ctx, keys[0], to) === 'sent')
      ) {
        marks.push({ row: mail.row, values: { sentAt: ctx.now(), lastError: '' } });
        settled.add(mail.row);
        continue;
      }
      if (to.length > quota || !hasTime()) break;
      const attempts = attemptsOf(mail.values) + 1;
      try {
        if (mail.payload === null) throw new Error(t(ctx.lang, 'mail.outbox.brokenPayload'));
        const body = JSON.parse(mail.payload) as { htmlBody: string; textBody: string };
        ctx.ports.mail.send(
          { to, subject: mail.values.subject, htmlBody: body.htmlBody, textBody: body.textBody },
          t(ctx.lang, 'menu.title'),
        );
        store.set(sentMarkOf(mail.row), '1');
        record(ctx, keys, to, 'sent');
        quota -= to.length;
        result.sent += 1;
        settled.add(mail.row);
        marks.push({ row: mail.row, values: { sentAt: ctx.now(), attempts, lastError: '' } });
      } catch (error) {
        result.failed += 1;
        if (attempts >= MAX_SEND_ATTEMPTS) settled.add(mail.row);
        marks.push({ row: mail.row, values: { attempts, lastError: errorText(error, { withName: false }) } });
      }
      if (marks.length >= MARK_BATCH) flushMarks();
    }
    flushMarks();
    // The next run reads from the first row still waiting (a failed row keeps its place in the order).
    const stillWaiting = waiting.filter((mail) => !settled.has(mail.row));
    result.remaining = stillWaiting.length;
    if (result.remaining === 0) {
      store.delete(PENDING_FLAG);
      store.delete(FROM_KEY);
    } else store.set(FROM_KEY, String(stillWaiting[0].row));
    return result;
  });
}

/** The property that says an Outbox row was sent, until its Sent at cell is written. */
function sentMarkOf(row: number): string {
  return `outbox.sent.${row}`;
}

/** How many mails wait in the Outbox (health check): rows from the first that may wait. */
export function outboxSize(ctx: JobContext): number {
  if (!ctx.findSheet(OUTBOX) || ctx.ports.store.get(PENDING_FLAG) !== '1') return 0;
  const from = Math.max(2, Number(ctx.ports.store.get(FROM_KEY) ?? '2') || 2);
  const { rows } = outboxTable(ctx).readRowsAt(from, Number.MAX_SAFE_INTEGER - from, [
    'to',
    'attempts',
    'sentAt',
    'lastError',
  ]);
  return rows.filter((row) => isWaiting(row.values)).length;
}

/** Bytes of a property as Google counts them against its 500 KB: key and value, UTF-8. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Every hourly run: forgets keys older than INDEX_DAYS, then the oldest beyond INDEX_BYTES. Document
 * properties hold 500 KB in all, shared with the inbox ledgers and journals; a Workspace desk may send
 * 1,500 mails a day (about 140 bytes of index each), so an index kept by age alone would fill them in
 * a few days and every later enqueue would fail. A key is needed for its crash window (hours: a kill
 * between a change and its mail) and against a second enqueue of the same event, which the jobs' own
 * state also guards (Escalation level, Report log, the digest cursor); the newest are kept. One
 * getProperties call.
 */
export function pruneMailIndex(ctx: JobContext): number {
  const { store } = ctx.ports;
  const cutoff = ctx.now().getTime() - INDEX_DAYS * DAY_MS;
  const index = Object.entries(store.entries())
    .filter(([name]) => name.startsWith(INDEX_PREFIX))
    .map(([name, value]) => ({
      name,
      at: Date.parse(value.slice(2)),
      bytes: utf8Bytes(name) + utf8Bytes(value),
    }))
    .sort((a, b) => (b.at || 0) - (a.at || 0));
  let kept = 0;
  let pruned = 0;
  for (const entry of index) {
    if (Number.isFinite(entry.at) && entry.at >= cutoff && kept + entry.bytes <= INDEX_BYTES) {
      kept += entry.bytes;
      continue;
    }
    store.delete(entry.name);
    pruned += 1;
  }
  return pruned;
}
