/**
 * The one mail path (SPEC §2, §14): the Outbox (./outbox: enqueue with idempotency keys under the
 * lock, send oldest first within quota and time, marked as it goes) and one composer per kind —
 * ticket notices (./notices), callbacks (./callbacks), escalations (./escalations), the daily digest
 * (./digest) and reports (./report). Every job that mails composes here and enqueues through the Outbox;
 * nothing else calls MailApp.
 *
 * Jobs import the module they use (e.g. '../mail/outbox'), so that a composer which reads another
 * area (the digest reads audits and inspections) never makes an import cycle through this index.
 */
export type { EnqueueResult, Mail, SendResult } from './outbox';
