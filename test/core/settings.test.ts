import type { CellValue, KeyedRow, SettingsIssue } from '../../src/core/cells';
import { gradeFor, parseCategories, parseGeneral, parseStaff, ticketPrefix } from '../../src/core/settings';
import { bothLanguages, type Lang } from '../../src/i18n';
import { defaultCategoryRows, defaultGeneralRows, defaultStaffRows } from '../../src/jobs/default-rows';
import { generalDefaults, showIssues } from '../../src/jobs/settings';

/** A parse result with its issues as the health check shows them. */
const shown = <T>(parsed: { value: T; issues: SettingsIssue[] }, lang: Lang) => ({
  ...parsed,
  issues: showIssues(lang, parsed.issues),
});

const keyed = (records: readonly object[]): KeyedRow[] =>
  records.map((values, i) => ({ row: i + 2, values: { ...values } as Record<string, CellValue> }));

describe('⚙ General', () => {
  test('defaults round-trip through the parser in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { value, issues } = shown(
        parseGeneral(keyed(defaultGeneralRows(lang)), generalDefaults(lang), bothLanguages),
        lang,
      );
      expect(issues).toEqual([]);
      expect(value).toMatchObject({
        language: lang,
        'prefix.complaint': 'CMP',
        'prefix.inquiry': 'INQ',
        'prefix.suggestion': 'SUG',
        'prefix.repair': 'REP',
        'prefix.praise': 'PRA',
        gradeA: 93, // seed 002 §7.2
        gradeB: 80,
        gradeC: 70,
        repeatWindowDays: 90, // seed 000 L799–801
        strictProtection: false,
        customerFormEnabled: false,
        digestHour: 8,
        weeklyReportWeekday: 1,
        weeklyReportHour: 8,
        monthlyReportDay: 1,
        monthlyReportHour: 8,
        descriptionMaxLength: 5000,
        lockTimeoutSeconds: 30,
        callbackMaxAttempts: 3,
        callbackMinDistinctDays: 2,
        smsOnlyLimit: 3, // seed 004 L266
      });
    }
  });

  test('default rows carry labels and plain notes (no references users cannot look up)', () => {
    const rows = defaultGeneralRows('zh-CN');
    expect(rows.find((r) => r.key === 'repeatWindowDays')).toMatchObject({
      label: '重复投诉判定期（天）',
      value: 90,
    });
    expect(rows.find((r) => r.key === 'smsOnlyLimit')?.note).toBe('默认值取自服务规范。');
    for (const row of [...rows, ...defaultGeneralRows('en')]) expect(row.note).not.toMatch(/seed|SPEC|§/);
  });

  test('a bad value → issue with sheet and row, default used; unknown and duplicate keys reported', () => {
    const { value, issues } = shown(
      parseGeneral(
        keyed([
          { key: 'repeatWindowDays', value: 'ninety' },
          { key: 'digestHour', value: 25 },
          { key: 'prefix.complaint', value: 'tsu' },
          { key: 'strictProtection', value: '是' },
          { key: 'mystery', value: 1 },
          { key: 'prefix.complaint', value: 'XX' },
        ]),
        generalDefaults('en'),
        bothLanguages,
      ),
      'en',
    );
    expect(value.repeatWindowDays).toBe(90);
    expect(value.digestHour).toBe(8);
    expect(value['prefix.complaint']).toBe('TSU');
    expect(value.strictProtection).toBe(true);
    expect(issues.map((i) => [i.sheet, i.row])).toEqual([
      ['⚙ General', 2],
      ['⚙ General', 3],
      ['⚙ General', 6],
      ['⚙ General', 7],
    ]);
    expect(issues[0].reason).toContain('ninety');
  });

  test('grade bands out of order fall back to 93/80/70; bands are half-open', () => {
    const { value, issues } = shown(
      parseGeneral(
        keyed([
          { key: 'gradeA', value: 70 },
          { key: 'gradeB', value: 80 },
        ]),
        generalDefaults('zh-CN'),
        bothLanguages,
      ),
      'zh-CN',
    );
    expect([value.gradeA, value.gradeB, value.gradeC]).toEqual([93, 80, 70]);
    expect(issues).toHaveLength(1);
    expect(gradeFor(value, 93)).toBe('A');
    expect(gradeFor(value, 92.99)).toBe('B');
    expect(gradeFor(value, 80)).toBe('B');
    expect(gradeFor(value, 79.5)).toBe('C');
    expect(gradeFor(value, 70)).toBe('C');
    expect(gradeFor(value, 69.99)).toBe('D');
  });

  test('empty table → all defaults, no issues; never throws on junk', () => {
    expect(shown(parseGeneral([], generalDefaults('en'), bothLanguages), 'en').issues).toEqual([]);
    const junk = shown(
      parseGeneral(
        keyed([
          { key: 'language', value: '=IMPORTXML("x")' },
          { key: 'gradeA', value: new Date(0) },
        ]),
        generalDefaults('en'),
        bothLanguages,
      ),
      'en',
    );
    expect(junk.value.language).toBe('en');
    expect(junk.issues).toHaveLength(2);
    expect(ticketPrefix(junk.value, 'repair')).toBe('REP');
  });
});

describe('⚙ Categories', () => {
  test('defaults: two levels, each routed to a department', () => {
    const zh = defaultCategoryRows('zh-CN');
    expect(zh[0]).toEqual({
      category: '维修',
      subcategory: '给排水',
      department: '工程部',
      defaultAssignee: '',
      active: true,
    });
    // A property-management desk's categories, routed to its five departments (issue 14).
    expect(new Set(zh.map((r) => r.department))).toEqual(
      new Set(['工程部', '客服部', '财务部', '环境部', '秩序部']),
    );
    const labels = zh.map((r) => (r.subcategory === '' ? r.category : `${r.category} / ${r.subcategory}`));
    expect(labels).toEqual(
      expect.arrayContaining([
        '维修 / 电梯',
        '维修 / 公共设施',
        '装修',
        '绿化',
        '消防',
        '停车',
        '噪音',
        '收费与账单',
      ]),
    );
    expect(labels.join()).not.toMatch(/产品质量|包装与配送/);
    const { value, issues } = shown(parseCategories(keyed(defaultCategoryRows('en')), bothLanguages), 'en');
    expect(issues).toEqual([]);
    expect(value.map((c) => c.label)).toContain('Repair / Plumbing');
    expect(value).toHaveLength(15);
  });

  test('bad rows reported, not fatal; blank rows skipped; empty Active means active', () => {
    const { value, issues } = shown(
      parseCategories(
        keyed([
          { category: 'Parking', department: 'Security' },
          { category: '', department: 'Security' },
          { category: '', subcategory: '', department: '' },
          { category: 'Noise', department: '' },
          { category: 'parking', department: 'Security' },
          { category: 'Lifts', department: 'Engineering', active: 'maybe' },
        ]),
        bothLanguages,
      ),
      'en',
    );
    expect(value.map((c) => [c.label, c.active])).toEqual([
      ['Parking', true],
      ['Lifts', true],
    ]);
    expect(issues.map((i) => i.row)).toEqual([3, 5, 6, 7]);
  });
});

describe('⚙ Staff', () => {
  test('default roster: a GM, a CS manager, a head and 2–4 staff per department, caps 2/6 (seed 001 L49)', () => {
    const rows = defaultStaffRows('zh-CN');
    expect(rows.filter((r) => r.role === 'gm')).toHaveLength(1);
    expect(rows.filter((r) => r.role === 'manager')).toHaveLength(1);
    const departments = new Set(rows.filter((r) => r.role === 'supervisor').map((r) => r.department));
    expect(departments).toEqual(new Set(['客服部', '工程部', '环境部', '秩序部', '财务部', '销售部']));
    for (const department of departments) {
      const staff = rows.filter((r) => r.department === department && r.role === 'staff');
      expect(staff.length).toBeGreaterThanOrEqual(2);
      expect(staff.length).toBeLessThanOrEqual(4);
      // Dispatch caps are off by default (SPEC §4 step 4): no one is skipped for having had 2 today.
      expect(staff.every((s) => s.dailyCap === '' && s.weeklyCap === '')).toBe(true);
    }
    expect(rows.every((r) => r.email.endsWith('@example.com'))).toBe(true);
    const parsed = shown(parseStaff(keyed(defaultStaffRows('en')), bothLanguages), 'en');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value[0]).toMatchObject({ name: 'Chen Jianguo', role: 'gm', dailyCap: null });
  });

  test('roles by label of either language; bad email or role refuses the row; bad cap is left empty', () => {
    const { value, issues } = shown(
      parseStaff(
        keyed([
          {
            name: '张伟',
            email: 'Zhang.Wei@Example.com',
            role: '客服专员',
            department: '客服部',
            onLeave: '是',
            dailyCap: 2,
            weeklyCap: 'six',
          },
          { name: 'Li', email: 'not-an-email', role: 'Staff', department: 'CS' },
          { name: 'Wu', email: 'wu@example.com', role: 'boss', department: 'CS' },
          { name: 'Ma', email: 'zhang.wei@example.com', role: 'GM', department: 'CS' },
        ]),
        bothLanguages,
      ),
      'en',
    );
    expect(value).toEqual([
      {
        name: '张伟',
        email: 'zhang.wei@example.com',
        role: 'staff',
        department: '客服部',
        onLeave: true,
        dailyCap: 2,
        weeklyCap: null,
        active: true,
      },
    ]);
    expect(issues.map((i) => i.row)).toEqual([2, 3, 4, 5]);
  });
});
