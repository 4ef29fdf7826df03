/**
 * ⚙ Report recipients (SPEC §10, §13): who receives the weekly and the monthly report by email.
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
    const flag = (column: MessageKey, cell: CellValue | undefined): boolean => {
      if (cellText(cell) === '') return true;
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
      return value ?? true;
    };
    return {
      ok: true,
      value: {
        name: cellText(row.values.name),
        email,
        weekly: flag('col.reportRecipients.weekly', row.values.weekly),
        monthly: flag('col.reportRecipients.monthly', row.values.monthly),
      },
      issues,
    };
  };
  return parseRowTable(rows, 'sheet.reportRecipients', parseRow, (recipient) => recipient.email);
}
