/**
 * Import / 导入: the hidden staging sheet the googleapis `import` tool (scripts/sheets-api/) appends
 * historic register rows to, one row per source row. The hourly import job (src/jobs/import/) turns
 * each row into a ticket through the intake rules and writes Ticket ID, Processed at and Result back.
 *
 * Every data column is text: the tool writes dates as local 'yyyy-mm-dd hh:mm' in the spreadsheet's
 * time zone (RAW, so Sheets does not reinterpret them) and the job parses them as intake parses a typed
 * Received at. The Fingerprint (file + row) makes a re-run of the same file import nothing twice.
 */
import type { HistoricRow } from '../../core/tickets/historic';
import { columnsFor, type SheetSchema } from '../schema';
import type { DateCell } from './tickets';

/** A staging row: the historic row as the tool wrote it (all text), its origin and what became of it. */
export interface ImportRow extends HistoricRow {
  fingerprint: string;
  source: string;
  ticketId: string;
  processedAt: DateCell;
  result: string;
}

const col = columnsFor('col.import');

export const IMPORT: SheetSchema<keyof ImportRow> = {
  key: 'import',
  title: 'sheet.import',
  columns: [
    col('fingerprint', 'text', { required: true, system: true, width: 260 }),
    col('source', 'text', { required: true, width: 200 }),
    col('receivedAt', 'text', { required: true }),
    col('channel', 'text', { required: true }),
    col('type', 'text', { required: true }),
    col('category', 'text', { required: true }),
    col('severity', 'text', { required: true }),
    col('customer', 'text', { required: true }),
    col('phone', 'text', { required: true }),
    col('email', 'text', { required: true }),
    col('address', 'text', { required: true }),
    col('orderNo', 'text', { required: true }),
    col('description', 'longText', { required: true }),
    col('personComplained', 'text', { required: true }),
    col('receivedBy', 'text', { required: true }),
    col('department', 'text', { required: true }),
    col('assignee', 'text', { required: true }),
    col('status', 'text', { required: true }),
    col('resolution', 'longText', { required: true }),
    col('resolveAt', 'text', { required: true }),
    col('callbackAt', 'text', { required: true }),
    col('satisfaction', 'text', { required: true }),
    // The job's three columns are adjacent, so marking a batch of rows is one write.
    col('ticketId', 'text', { required: true, system: true, width: 130 }),
    col('processedAt', 'date', { required: true, system: true }),
    col('result', 'text', { required: true, system: true, width: 240 }),
  ],
};

/** The columns the tool fills (everything but the job's results). */
export const IMPORT_SOURCE_KEYS = IMPORT.columns
  .map((column) => column.key)
  .filter((key) => key !== 'ticketId' && key !== 'processedAt' && key !== 'result');
