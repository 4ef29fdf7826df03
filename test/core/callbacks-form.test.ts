/** The callback form: questions, the digest's pre-filled answers, and reading answers of either language. */
import {
  callbackFormSpec,
  callbackPrefill,
  parseSatisfaction,
  readCallbackAnswers,
} from '../../src/forms/callback';

describe('callback form', () => {
  it('has the SPEC §7 questions with stable keys; only ticket, staff, method and reached are required', () => {
    const spec = callbackFormSpec('en', []);
    expect(spec.questions.map((q) => q.key)).toEqual([
      'ticketId',
      'by',
      'method',
      'reached',
      'satisfaction',
      'issueResolved',
      'comments',
      'confirmation',
    ]);
    expect(spec.questions.filter((q) => q.required).map((q) => q.key)).toEqual([
      'ticketId',
      'by',
      'method',
      'reached',
    ]);
    expect(spec.questions.find((q) => q.key === 'confirmation')?.choices).toEqual([
      'Signed',
      'Verbal',
      'None',
    ]);
  });

  it('callbackPrefill keys Ticket ID and staff by the question titles of the language', () => {
    expect(callbackPrefill('zh-CN', 'CMP-2026-00001', '李娜')).toEqual({
      工单号: 'CMP-2026-00001',
      回访人: '李娜',
    });
    expect(callbackPrefill('en', 'REP-2026-00002', 'Li Na')).toEqual({
      'Ticket ID': 'REP-2026-00002',
      'Called back by': 'Li Na',
    });
  });

  it('reads the satisfaction as a number from a label of either language', () => {
    expect(parseSatisfaction('5 很满意')).toBe(5);
    expect(parseSatisfaction('1 Very dissatisfied')).toBe(1);
    expect(parseSatisfaction('不满意')).toBe(2);
    expect(parseSatisfaction('Neutral')).toBe(3);
    expect(parseSatisfaction('')).toBeNull();
    expect(parseSatisfaction('10')).toBeNull();
  });

  it('reads answers by the title of either language', () => {
    const parsed = readCallbackAnswers({
      工单号: [' cmp-2026-00001 '],
      'Called back by': ['Li Na'],
      回访方式: ['短信'],
      'Customer reached': ['Yes'],
      满意度: ['4 满意'],
      'Issue resolved': ['否'],
      客户确认方式: ['签字确认'],
    });
    expect(parsed).toEqual({
      ticketId: 'CMP-2026-00001',
      by: 'Li Na',
      method: 'sms',
      reached: true,
      satisfaction: 4,
      issueResolved: false,
      comments: '',
      confirmation: 'signed',
    });
  });
});
