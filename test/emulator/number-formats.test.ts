/**
 * Number formats as Sheets shows them (https://developers.google.com/sheets/api/guides/formats):
 * sections positive;negative;zero and quoted literal text, as the reports' percentage-point column uses.
 */
import { fresh, js } from './helpers';

function shown(value: number, format: string): string {
  return String(
    js(
      fresh(),
      `const r = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getRange('A1');
      r.setValue(${value}); r.setNumberFormat(${JSON.stringify(format)}); return r.getDisplayValue();`,
    ),
  );
}

describe('number formats', () => {
  it('plain decimals, percent and grouping as before', () => {
    expect(shown(0.8462, '0.0%')).toBe('84.6%');
    expect(shown(12345.678, '#,##0.00')).toBe('12,345.68');
    expect(shown(3, '0')).toBe('3');
  });

  it('sections: the negative section shows the number without its minus; zero has its own', () => {
    const pp = '+0.0" pp";-0.0" pp";0.0" pp"';
    expect(shown(5.04, pp)).toBe('+5.0 pp');
    expect(shown(-16.49, pp)).toBe('-16.5 pp');
    expect(shown(0, pp)).toBe('0.0 pp');
    expect(shown(-2, '0.0;(0.0)')).toBe('(2.0)');
  });

  it('elapsed hours [h]:mm: a number of days as total hours and minutes', () => {
    expect(shown(2.25 / 24, '[h]:mm')).toBe('2:15');
    expect(shown(31 / 24, '[h]:mm')).toBe('31:00');
    expect(shown(0, '[h]:mm')).toBe('0:00');
    expect(shown(1 / 24 + 5 / 86_400, '[h]:mm:ss')).toBe('1:00:05');
  });

  it('quoted text in Chinese stays as written', () => {
    expect(shown(-1.2, '+0.0" 个百分点";-0.0" 个百分点";0.0" 个百分点"')).toBe('-1.2 个百分点');
  });
});
