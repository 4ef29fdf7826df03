/**
 * ⚙ Staff (SPEC §13): who can be assigned, their role and department, leave, and optional caps on new
 * assignments per day and per week. Caps are off in the default roster (SPEC §4 step 4): seed 001
 * L37–49's "at most 2 a day, 6 a week" is a design firm's rule for its designers, not a service desk's;
 * a manager may set them per person.
 */

import type { MessageKey } from '../../i18n';
import type { KeyedRow } from '../cells';
import type { Role } from '../enums';
import { type Labels, type Message, message } from '../message';
import { enumCodeFromText } from '../text';
import { normalizeEmail } from '../tickets/contact';
import type { DepartmentId } from './categories';
import { cellText, parseBool, parseInteger } from './fields';
import { isBlankRow, type Parsed, parseRowTable, type RowResult } from './parse';

export interface StaffMember {
  name: string;
  email: string;
  role: Role;
  department: string;
  onLeave: boolean;
  /** null = no cap. */
  dailyCap: number | null;
  weeklyCap: number | null;
  active: boolean;
}

export type Person = [zh: string, en: string, login: string];

/** Example people per department: the head first, then 2–3 staff. */
export const DEFAULT_ROSTER: ReadonlyArray<[DepartmentId, Person, Person[]]> = [
  [
    'cs',
    ['李娜', 'Li Na', 'li.na'],
    [
      ['张伟', 'Zhang Wei', 'zhang.wei'],
      ['刘洋', 'Liu Yang', 'liu.yang'],
      ['赵静', 'Zhao Jing', 'zhao.jing'],
    ],
  ],
  [
    'engineering',
    ['孙强', 'Sun Qiang', 'sun.qiang'],
    [
      ['周磊', 'Zhou Lei', 'zhou.lei'],
      ['吴刚', 'Wu Gang', 'wu.gang'],
      ['郑涛', 'Zheng Tao', 'zheng.tao'],
    ],
  ],
  [
    'environment',
    ['冯丽', 'Feng Li', 'feng.li'],
    [
      ['何芳', 'He Fang', 'he.fang'],
      ['许杰', 'Xu Jie', 'xu.jie'],
    ],
  ],
  [
    'security',
    ['高峰', 'Gao Feng', 'gao.feng'],
    [
      ['马超', 'Ma Chao', 'ma.chao'],
      ['罗军', 'Luo Jun', 'luo.jun'],
    ],
  ],
  [
    'finance',
    ['林慧', 'Lin Hui', 'lin.hui'],
    [
      ['郭婷', 'Guo Ting', 'guo.ting'],
      ['徐明', 'Xu Ming', 'xu.ming'],
    ],
  ],
  [
    'sales',
    ['韩梅', 'Han Mei', 'han.mei'],
    [
      ['曹阳', 'Cao Yang', 'cao.yang'],
      ['邓琳', 'Deng Lin', 'deng.lin'],
    ],
  ],
];
export const DEFAULT_MANAGER: Person = ['王敏', 'Wang Min', 'wang.min'];
export const DEFAULT_GM: Person = ['陈建国', 'Chen Jianguo', 'chen.jianguo'];

export function parseStaff(rows: readonly KeyedRow[], labels: Labels): Parsed<StaffMember[]> {
  const refuse = (column: MessageKey, value: string, expected: Message | ''): RowResult<StaffMember> => ({
    ok: false,
    reason:
      value === ''
        ? message('settings.issue.missingField', { column: message(column) })
        : message('settings.issue.badField', { column: message(column), value, expected }),
  });
  const parseRow = (row: KeyedRow): RowResult<StaffMember> | null => {
    if (isBlankRow(row)) return null;
    const name = cellText(row.values.name);
    if (name === '') return refuse('col.staff.name', '', '');
    const emailText = cellText(row.values.email);
    const email = normalizeEmail(emailText);
    if (email === null) return refuse('col.staff.email', emailText, message('settings.expected.email'));
    const roleText = cellText(row.values.role);
    const role = enumCodeFromText(labels, 'role', roleText);
    if (role === null) return refuse('col.staff.role', roleText, message('settings.expected.role'));
    const department = cellText(row.values.department);
    if (department === '') return refuse('col.staff.department', '', '');

    const issues: Message[] = [];
    const optionalCap = (
      column: 'col.staff.dailyCap' | 'col.staff.weeklyCap',
      cell: KeyedRow['values'][string],
    ): number | null => {
      if (cellText(cell) === '') return null;
      const cap = parseInteger(cell, 0, 1000);
      if (cap === null)
        issues.push(
          message('settings.issue.badOptional', {
            column: message(column),
            value: cellText(cell),
            expected: message('settings.expected.integer', { min: 0, max: 1000 }),
          }),
        );
      return cap;
    };
    const flag = (
      column: 'col.staff.onLeave' | 'col.staff.active',
      cell: KeyedRow['values'][string],
      empty: boolean,
    ): boolean => {
      if (cellText(cell) === '') return empty;
      const value = parseBool(cell, labels);
      if (value === null)
        issues.push(
          message('settings.issue.badOptional', {
            column: message(column),
            value: cellText(cell),
            expected: message('settings.expected.bool'),
          }),
        );
      return value ?? empty;
    };
    return {
      ok: true,
      value: {
        name,
        email,
        role,
        department,
        onLeave: flag('col.staff.onLeave', row.values.onLeave, false),
        dailyCap: optionalCap('col.staff.dailyCap', row.values.dailyCap),
        weeklyCap: optionalCap('col.staff.weeklyCap', row.values.weeklyCap),
        active: flag('col.staff.active', row.values.active, true),
      },
      issues,
    };
  };
  return parseRowTable(rows, 'sheet.staff', parseRow, (s) => s.email);
}

/** Names of active staff: the choices of "who" questions on the forms. */
export function activeStaffNames(staff: readonly StaffMember[]): string[] {
  return staff.filter((member) => member.active).map((member) => member.name);
}
