/** ⚙ Targets and ⚙ Report recipients (SPEC §10, §13): what the weekly and monthly reports measure against and whom they go to. */
import { columnsFor, type SheetSchema } from '../schema';
import type { KeyValueRow } from './settings';
import type { BoolCell } from './tickets';

const keyValue = columnsFor('col.settings');

/** Keys: complaintTimeliness, repairTimeliness, callbackRate, reworkRate, satisfactionRate, backlogAgeDays, listLimit. */
export const TARGETS: SheetSchema<keyof KeyValueRow> = {
  key: 'targets',
  title: 'sheet.targets',
  columns: [
    keyValue('key', 'text', { required: true, system: true, width: 170 }),
    keyValue('label', 'text', { width: 240 }),
    keyValue('value', 'text', { required: true, width: 120 }),
    keyValue('note', 'longText', { width: 240 }),
  ],
};

export interface ReportRecipientRow {
  name: string;
  email: string;
  weekly: BoolCell;
  monthly: BoolCell;
}

const recipient = columnsFor('col.reportRecipients');

export const REPORT_RECIPIENTS: SheetSchema<keyof ReportRecipientRow> = {
  key: 'reportRecipients',
  title: 'sheet.reportRecipients',
  columns: [
    recipient('name', 'text'),
    recipient('email', 'text', { required: true, width: 220 }),
    recipient('weekly', 'bool'),
    recipient('monthly', 'bool'),
  ],
};
