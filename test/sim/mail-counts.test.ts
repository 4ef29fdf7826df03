/** The mail counter npm start prints (issue 14 "Noise"): kinds from subjects, escalations per ticket per level. */
import { countMails, escalationLines, mailKind } from '../../scripts/sim/mail-counts';
import { t } from '../../src/i18n';

const day = (at: Date) => at.toISOString().slice(0, 10);
const mail = (to: string, subject: string, body: string, at: string) => ({
  to: [to],
  subject,
  body,
  at: new Date(at),
});

describe('npm start mail counts', () => {
  it('tells kinds apart by the product subjects in both languages', () => {
    expect(mailKind(t('zh-CN', 'escalation.subject', { count: 3 }))).toBe('escalation');
    expect(mailKind(t('en', 'escalation.subject', { count: 1 }))).toBe('escalation');
    expect(mailKind(t('en', 'digest.subject', { date: '2026-05-06' }))).toBe('digest');
    expect(mailKind('something else')).toBe('other');
  });

  it('reads (ticket, level) from escalation lines, digits or words', () => {
    expect(escalationLines('Ticket | Level\nCMP-2026-00001 | 2 | x\nREP-2026-00002 | 3 | y')).toEqual([
      { ticket: 'CMP-2026-00001', level: 2 },
      { ticket: 'REP-2026-00002', level: 3 },
    ]);
  });

  it('counts the same ticket and level mailed twice to one person, and mails per person per day', () => {
    const subject = t('en', 'escalation.subject', { count: 1 });
    const counts = countMails(
      [
        mail('head@x.cn', subject, 'CMP-2026-00001 | 2', '2026-05-06T02:00:00Z'),
        mail('head@x.cn', subject, 'CMP-2026-00001 | 2', '2026-05-06T03:00:00Z'),
        mail('gm@x.cn', subject, 'CMP-2026-00001 | 3', '2026-05-07T03:00:00Z'),
      ],
      day,
    );
    expect(counts.escalationMails).toBe(3);
    expect(counts.escalatedTickets).toBe(1);
    expect(counts.maxPerTicketLevelRecipient).toBe(2);
    expect(counts.maxAlertsPerRecipientDay).toBe(2);
    expect(counts.maxSummariesPerRecipientDay).toBe(0);
  });
});
