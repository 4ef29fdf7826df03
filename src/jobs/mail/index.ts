/**
 * The one mail path (SPEC §2, §14): the Outbox (./outbox: enqueue with idempotency keys under the
 * lock, send oldest first within quota and time, marked as it goes) and one composer per kind —
 * ticket notices (./notices), callbacks (./callbacks), escalations (./escalations), reports (./report)
 * and the daily digest (./digest). Every job that mails composes here and enqueues through the Outbox;
 * nothing else calls MailApp.
 *
 * The digest is imported from './mail/digest' by the scheduler alone: it reads the audit and inspection
 * areas, which mail through this index, and exporting it here would make an import cycle.
 */
export { capAlerts } from './alert-cap';
export { type CallbackFacts, callbackNotices, type NoticeTicket } from './callbacks';
export { deferTicketNotices, enqueueDeferredNotices } from './deferred';
export { escalationMails } from './escalations';
export { NOTICE_FIELDS, ticketNotices } from './notices';
export {
  type EnqueueResult,
  enqueueMail,
  type Mail,
  mailWaits,
  outboxSize,
  pruneMailIndex,
  sendOutbox,
  utf8Bytes,
} from './outbox';
export { emailsWithRole, spreadsheetLink, staffEmail } from './recipients';
export { reportMail } from './report';
