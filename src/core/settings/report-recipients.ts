/**
 * ⚙ Report recipients (SPEC §10, §13): who receives the weekly and the monthly report by email.
 * Reports are mailed only to addresses listed here (SPEC §14: emails only to configured recipients).
 */
import { type Lang, type MessageKey, t } from '../../i18n';
import type { CellValue, KeyedRow } from '../cells';
import { normalizeEmail } from '../tickets/contact';
import { cellText, parseBool } from './fields';
import { isBlankRow, type Parsed, parseRowTable, type RowResult } from './parse';
import { defaultStaffRows } from './staff';

export interface ReportRecipient {
  name: string;
  email: string;
  weekly: boolean;
  monthly: boolean;
}

export function parseReportRecipients(rows: readonly KeyedRow[], lang: Lang): Parsed<ReportRecipient[]> {
  const sheet = t(lang, 'sheet.reportRecipients');
  const parseRow = (row: KeyedRow): RowResult<ReportRecipient> | null => {
    if (isBlankRow(row)) return null;
    const emailText = cellText(row.values.email);
    const email = normalizeEmail(emailText);
    if (email === null) {
      const column = t(lang, 'col.reportRecipients.email');
      return {
        ok: false,
        reason:
          emailText === ''
            ? t(lang, 'settings.issue.missingField', { column })
            : t(lang, 'settings.issue.badField', {
                column,
                value: emailText,
                expected: t(lang, 'settings.expected.email'),
              }),
      };
    }
    const issues: string[] = [];
    const flag = (column: MessageKey, cell: CellValue | undefined): boolean => {
      if (cellText(cell) === '') return true;
      const value = parseBool(cell);
      if (value === null) {
        issues.push(
          t(lang, 'settings.issue.badOptional', {
            column: t(lang, column),
            value: cellText(cell),
            expected: t(lang, 'settings.expected.bool'),
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
  return parseRowTable(rows, sheet, parseRow, (recipient) => recipient.email, lang);
}

/** Setup lists the CS manager and the GM of the default roster (SPEC §1: managers receive the reports). */
export function defaultReportRecipientRows(lang: Lang): ReportRecipient[] {
  return defaultStaffRows(lang)
    .filter((person) => person.role === 'manager' || person.role === 'gm')
    .map((person) => ({ name: person.name, email: person.email, weekly: true, monthly: true }));
}
