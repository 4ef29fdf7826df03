import { CATALOGS } from '../../src/i18n';

test('zh-CN and en catalogs have the same keys and no empty strings', () => {
  const en = Object.keys(CATALOGS.en).sort();
  const zh = Object.keys(CATALOGS['zh-CN']).sort();
  expect(zh).toEqual(en);
  for (const catalog of Object.values(CATALOGS)) {
    for (const [key, text] of Object.entries(catalog))
      expect([key, text.trim() === '']).toEqual([key, false]);
  }
});

test('placeholders match between languages', () => {
  const names = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(CATALOGS.en) as (keyof typeof CATALOGS.en)[]) {
    expect([key, names(CATALOGS['zh-CN'][key])]).toEqual([key, names(CATALOGS.en[key])]);
  }
});
