/**
 * Each message key belongs to one area file (src/i18n/messages/<area>.ts): the catalogs are merged, so
 * a key defined twice silently takes one area's words for the other's. The audits area once redefined
 * the digest's "Due" column as "Audit by" / "质检期限", and every digest's deadline column said so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../../src/i18n';

const DIR = path.join(__dirname, '../../src/i18n/messages');

test('no message key is defined in two area files', () => {
  const owner = new Map<string, string>();
  const twice: string[] = [];
  for (const file of fs.readdirSync(DIR).filter((name) => name.endsWith('.ts'))) {
    const area = require(path.join(DIR, file)) as { en?: Record<string, string> };
    for (const key of Object.keys(area.en ?? {})) {
      const first = owner.get(key);
      if (first) twice.push(`${key}: ${first} and ${file}`);
      else owner.set(key, file);
    }
  }
  expect(owner.size).toBeGreaterThan(1000);
  expect(twice).toEqual([]);
});

test("the digest's deadline column says Due / 时限", () => {
  expect(t('en', 'digest.col.due')).toBe('Due');
  expect(t('zh-CN', 'digest.col.due')).toBe('时限');
});
