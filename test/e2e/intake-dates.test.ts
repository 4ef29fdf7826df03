/**
 * "Received at" typed as 01/03/2026 09:30 is read in the spreadsheet locale's order, as Google Sheets
 * itself reads it (issue "Nothing lost, nothing twice" item 8): 1 March in en_GB and de_DE, 3 January in
 * en_US; a zh_CN spreadsheet writes dates year first, so the text is not a date there and the ticket
 * is flagged Needs review with the text shown (never silently misread).
 */
import { newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

const ZH = { receivedBy: '李娜', channel: '电话', type: '投诉', category: '维修 / 给排水', severity: '一般' };

describe.each([
  { locale: 'en_GB', lang: 'en' as const, expected: '2026-03-01T01:30:00.000Z' },
  { locale: 'de_DE', lang: 'en' as const, expected: '2026-03-01T01:30:00.000Z' },
  { locale: 'en_US', lang: 'en' as const, expected: '2026-01-03T01:30:00.000Z' },
])('Received at 01/03/2026 09:30 in a $locale spreadsheet', ({ locale, lang, expected }) => {
  it(`is ${expected.slice(0, 10)} 09:30 in the spreadsheet's zone`, () => {
    const emu = newDesk({ lang, locale });
    submitIntake(emu, complaint({ receivedAt: '01/03/2026 09:30' }), lang);
    const [ticket] = rowsOf(emu, 'Tickets');
    expect((ticket['Received at'] as Date).toISOString()).toBe(expected);
    expect(ticket['Needs review']).toBe(false);
  });
});

describe('Received at 01/03/2026 09:30 in a zh_CN spreadsheet', () => {
  it('is not a date in year-first order: Needs review, with the text shown, at the submit time', () => {
    const emu = newDesk({ lang: 'zh-CN', locale: 'zh_CN' });
    const submittedAt = emu.clock.now();
    submitIntake(emu, complaint({ ...ZH, receivedAt: '01/03/2026 09:30' }), 'zh-CN');
    const [ticket] = rowsOf(emu, '工单登记');
    expect(ticket.待核实).toBe(true);
    expect(String(ticket.核实说明 ?? Object.values(ticket).join(' '))).toMatch(/01\/03\/2026 09:30/);
    expect((ticket.受理时间 as Date).getTime()).toBe(submittedAt.getTime());
  });

  it('2026/3/1 9:30 (as zh_CN writes it) is 1 March', () => {
    const emu = newDesk({ lang: 'zh-CN', locale: 'zh_CN' });
    submitIntake(emu, complaint({ ...ZH, receivedAt: '2026/3/1 9:30' }), 'zh-CN');
    const [ticket] = rowsOf(emu, '工单登记');
    expect((ticket.受理时间 as Date).toISOString()).toBe('2026-03-01T01:30:00.000Z');
  });
});
