/** Callbacks / 回访记录 (SPEC §3, §7): one row per callback attempt. */
import type { CallbackMethod, EnumCode } from '../../core/enums';
import { columnsFor, type SheetSchema } from '../schema';
import type { BoolCell, DateCell, NumberCell } from './tickets';

export interface CallbackRow {
  ticketId: string;
  attemptNo: NumberCell;
  at: DateCell;
  by: string;
  method: CallbackMethod | '';
  reached: EnumCode<'yesNo'> | '';
  /** 5 很满意 … 1 很不满意. */
  satisfaction: NumberCell;
  issueResolved: EnumCode<'yesNo'> | '';
  comments: string;
  confirmation: EnumCode<'confirmation'> | '';
  valid: BoolCell;
  /** Why the attempt needs attention, e.g. three SMS-only attempts in a row (seed 004 L266). */
  flag: string;
  formResponseId: string;
}

const col = columnsFor('col.callbacks');

export const CALLBACKS: SheetSchema<keyof CallbackRow> = {
  key: 'callbacks',
  title: 'sheet.callbacks',
  columns: [
    col('ticketId', 'text', { required: true, width: 130 }),
    col('attemptNo', 'number', { required: true, system: true }),
    col('at', 'date', { required: true }),
    col('by', 'text', { required: true }),
    col('method', 'enum', { enum: 'callbackMethod', required: true }),
    col('reached', 'enum', { enum: 'yesNo', required: true }),
    col('satisfaction', 'number', { required: true }),
    col('issueResolved', 'enum', { enum: 'yesNo', required: true }),
    col('comments', 'longText'),
    col('confirmation', 'enum', { enum: 'confirmation' }),
    col('valid', 'bool', { required: true, system: true }),
    col('flag', 'text', { required: true, system: true, width: 200 }),
    col('formResponseId', 'text', { required: true, system: true }),
  ],
};
