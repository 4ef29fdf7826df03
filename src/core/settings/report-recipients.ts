/**
 * ⚙ Report recipients (SPEC §10, §13): who receives the weekly, monthly, quarterly and annual reports by
 * email. A blank cell means yes; a sheet from before the quarterly and annual columns existed sends
 * those reports to whoever gets the monthly one.
 * Reports are mailed only to addresses listed here (SPEC §14: emails only to configured recipients).
 */
import type { MessageKey } from '../../i18n';
import type { CellValue, KeyedRow } from '../cells';
import { type Labels, type Message, message } from '../message';
import { normalizeEmail } from '../tickets/contact';
import { cellText, parseBool } from './fields';
import { isBlankRow, type Parsed, parseRowTable, type RowResult } from './parse';

export interface ReportRecipient {
  name: string;
  email: string;
  weekly: boolean;
  monthly: boolean;
  quarterly: boolean;
  annual: boolean;
}

export function parseReportRecipients(rows: readonly KeyedRow[], labels: Labels): Parsed<ReportRecipient[]> {
  const parseRow = (row: KeyedRow): RowResult<ReportRecipient> | null => {
    if (isBlankRow(row)) return null;
    const emailText = cellText(row.values.email);
    const email = normalizeEmail(emailText);
    if (email === null) {
      const column = message('col.reportRecipients.email');
      return {
        ok: false,
        reason:
          emailText === ''
            ? message('settings.issue.missingField', { column })
            : message('settings.issue.badField', {
                column,
                value: emailText,
                expected: message('settings.expected.email'),
              }),
      };
    }
    const issues: Message[] = [];
    const flag = (column: MessageKey, cell: CellValue | undefined, blank = true): boolean => {
      if (cellText(cell) === '') return blank;
      const value = parseBool(cell, labels);
      if (value === null) {
        issues.push(
          message('settings.issue.badOptional', {
            column: message(column),
            value: cellText(cell),
            expected: message('settings.expected.bool'),
          }),
        );
      }
      return value ?? blank;
    };
    const monthly = flag('col.reportRecipients.monthly', row.values.monthly);
    return {
      ok: true,
      value: {
        name: cellText(row.values.name),
        email,
        weekly: flag('col.reportRecipients.weekly', row.values.weekly),
        monthly,
        quarterly:
          'quarterly' in row.values ? flag('col.reportRecipients.quarterly', row.values.quarterly) : monthly,
        annual: 'annual' in row.values ? flag('col.reportRecipients.annual', row.values.annual) : monthly,
      },
      issues,
    };
  };
  return parseRowTable(rows, 'sheet.reportRecipients', parseRow, (recipient) => recipient.email);
}
