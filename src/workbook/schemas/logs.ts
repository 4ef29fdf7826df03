/** Append-only logs: History / 操作日志, Outbox / 待发邮件, Run log / 运行日志 (SPEC §3, §6). */
import type { HistorySource } from '../../core/enums';
import { columnsFor, type SheetSchema } from '../schema';
import type { DateCell, NumberCell } from './tickets';

export interface HistoryRow {
  at: DateCell;
  actor: string;
  recordId: string;
  field: string;
  oldValue: string;
  newValue: string;
  source: HistorySource | '';
}

const history = columnsFor('col.history');

export const HISTORY: SheetSchema<keyof HistoryRow> = {
  key: 'history',
  title: 'sheet.history',
  columns: [
    history('at', 'date', { required: true, system: true }),
    history('actor', 'text', { required: true, system: true, width: 180 }),
    history('recordId', 'text', { required: true, system: true, width: 130 }),
    history('field', 'text', { required: true, system: true }),
    history('oldValue', 'longText', { required: true, system: true, width: 200 }),
    history('newValue', 'longText', { required: true, system: true, width: 200 }),
    history('source', 'enum', { enum: 'historySource', required: true, system: true }),
  ],
};

export interface OutboxRow {
  queuedAt: DateCell;
  to: string;
  subject: string;
  reason: string;
  attempts: NumberCell;
  sentAt: DateCell;
  lastError: string;
  /** JSON of what is needed to resend: { htmlBody, textBody }, in chunks `1/n:` over continuation rows. */
  payload: string;
  /** The idempotency keys the mail carries (space-separated), e.g. escalation:CMP-2026-00012:2. */
  key: string;
}

const outbox = columnsFor('col.outbox');

export const OUTBOX: SheetSchema<keyof OutboxRow> = {
  key: 'outbox',
  title: 'sheet.outbox',
  columns: [
    outbox('queuedAt', 'date', { required: true, system: true }),
    outbox('to', 'text', { required: true, system: true, width: 220 }),
    outbox('subject', 'text', { required: true, system: true, width: 260 }),
    outbox('reason', 'text', { required: true, system: true }),
    outbox('attempts', 'number', { required: true, system: true }),
    outbox('sentAt', 'date', { required: true, system: true }),
    outbox('lastError', 'text', { required: true, system: true, width: 200 }),
    outbox('payload', 'longText', { required: true, system: true, width: 120 }),
    // Not required: an Outbox made before keys existed works (the key index is in document properties).
    outbox('key', 'text', { system: true, width: 200 }),
  ],
};

export interface RunLogRow {
  at: DateCell;
  job: string;
  startedAt: DateCell;
  endedAt: DateCell;
  result: string;
  /** JSON of what the run did, e.g. {"tickets":12,"mails":3}. */
  counts: string;
  error: string;
}

const runLog = columnsFor('col.runLog');

export const RUN_LOG: SheetSchema<keyof RunLogRow> = {
  key: 'runLog',
  title: 'sheet.runLog',
  columns: [
    runLog('at', 'date', { required: true, system: true }),
    runLog('job', 'text', { required: true, system: true }),
    runLog('startedAt', 'date', { required: true, system: true }),
    runLog('endedAt', 'date', { required: true, system: true }),
    runLog('result', 'text', { required: true, system: true }),
    runLog('counts', 'text', { required: true, system: true, width: 200 }),
    runLog('error', 'longText', { required: true, system: true }),
  ],
};
