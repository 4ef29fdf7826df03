/**
 * BigQuery tables generated from the add-on's workbook schemas (one source of truth): one column per
 * schema column (snake_case of its key), typed by the column type, plus `site` and `loaded_at`; each
 * table partitioned by month on its register's date column.
 */
import type { bigquery_v2 } from 'googleapis/build/src/apis/bigquery';
import type { ColumnSpec, SheetSchema } from '../../../src/workbook/schema';
import { CALLBACKS, INSPECTIONS, TICKETS } from '../../../src/workbook/schemas';

export interface Register {
  /** Table name stem: tickets → tickets_<site>. */
  table: string;
  schema: SheetSchema;
  /** The date column that places a row in a month (the partition). */
  partitionBy: string;
}

/** The registers a site's spreadsheet holds, as they exist today (a sheet a site lacks is skipped). */
export const REGISTERS: readonly Register[] = [
  { table: 'tickets', schema: TICKETS, partitionBy: 'receivedAt' },
  { table: 'callbacks', schema: CALLBACKS, partitionBy: 'at' },
  { table: 'inspections', schema: INSPECTIONS, partitionBy: 'at' },
];

export function snakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function fieldType(column: ColumnSpec): string {
  switch (column.type) {
    case 'date':
      return 'TIMESTAMP';
    case 'number':
    case 'percent':
      return 'FLOAT';
    case 'bool':
      return 'BOOLEAN';
    default:
      return 'STRING';
  }
}

export function tableSchema(register: Register): bigquery_v2.Schema$TableSchema {
  return {
    fields: [
      { name: 'site', type: 'STRING', mode: 'REQUIRED', description: 'Site (one spreadsheet per site)' },
      ...register.schema.columns.map((column) => ({
        name: snakeCase(column.key),
        type: fieldType(column),
        mode: 'NULLABLE',
      })),
      { name: 'loaded_at', type: 'TIMESTAMP', mode: 'REQUIRED' },
    ],
  };
}
