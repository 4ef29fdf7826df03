/** ⚙ Targets and ⚙ Report recipients (SPEC §10, §13): what the weekly and monthly reports measure against and whom they go to. */
import { columnsFor, type SheetSchema } from '../schema';
import type { KeyValueRow } from './settings';
import type { BoolCell, DateCell, NumberCell } from './tickets';

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
  /** Added after the first release: a sheet without these columns sends them to the monthly recipients. */
  quarterly: BoolCell;
  annual: BoolCell;
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
    recipient('quarterly', 'bool'),
    recipient('annual', 'bool'),
  ],
};

/**
 * Report log / 报表记录 (issue 14, SPEC §10): every build of a report stores its key figures and the
 * tickets counted against each target — one row per figure per build, append-only — so a sent report
 * can be reproduced and explained, and a later rebuild of a sent period is a revision against it.
 */
export interface ReportLogRow {
  builtAt: DateCell;
  /** The report's period: weekly 2026-W19, monthly 2026-05. */
  report: string;
  revision: NumberCell;
  /** Whether this build was emailed (the first emailed build is "the sent version"). */
  mailed: BoolCell;
  figure: string;
  part: NumberCell;
  whole: NumberCell;
  /** IDs of the tickets counted against the target, comma-separated. */
  tickets: string;
}

const reportLog = columnsFor('col.reportLog');

export const REPORT_LOG: SheetSchema<keyof ReportLogRow> = {
  key: 'reportLog',
  title: 'sheet.reportLog',
  hidden: true,
  columns: [
    reportLog('builtAt', 'date', { required: true, system: true }),
    reportLog('report', 'text', { required: true, system: true }),
    reportLog('revision', 'number', { required: true, system: true }),
    reportLog('mailed', 'bool', { required: true, system: true }),
    reportLog('figure', 'text', { required: true, system: true, width: 160 }),
    reportLog('part', 'number', { required: true, system: true }),
    reportLog('whole', 'number', { required: true, system: true }),
    reportLog('tickets', 'longText', { required: true, system: true }),
  ],
};

/**
 * Report notes / 报表说明 (seed 003 L397–402: a report states its problems, next period's plan and what
 * needs coordinating): managers write one row per report period; the report of that period shows it and
 * mails it. It lives outside the report sheet, so rebuilding a report never loses it.
 */
export interface ReportNoteRow {
  /** The period as in the report sheets' names: 2026-W19, 2026-05, 2026-Q2, 2026. */
  report: string;
  problems: string;
  plan: string;
  coordinate: string;
  writtenBy: string;
}

const reportNote = columnsFor('col.reportNotes');

export const REPORT_NOTES: SheetSchema<keyof ReportNoteRow> = {
  key: 'reportNotes',
  title: 'sheet.reportNotes',
  columns: [
    reportNote('report', 'text', { required: true, width: 110 }),
    reportNote('problems', 'longText', { width: 320 }),
    reportNote('plan', 'longText', { width: 320 }),
    reportNote('coordinate', 'longText', { width: 320 }),
    reportNote('writtenBy', 'text', { width: 140 }),
  ],
};
