/** The audited person's result mail (SPEC §8.1): score, grade, warning, each item with its points and root cause, comments. */
import type { AuditPlan, Scorecard } from '../../core/audits';
import { type MailSection, renderMail } from '../../core/mail-html';
import { formatLocalDateTime } from '../../core/sla';
import { appealPrefill } from '../../forms/audit';
import { type Lang, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { AuditRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { type Mail, spreadsheetLink, staffEmail } from '../mail';
import type { DeskSettings } from '../settings';
import { appealDue, appealForm } from './appeals';

export function warningText(lang: Lang, plan: Pick<AuditPlan, 'warning'>): string {
  return plan.warning ? t(lang, plan.warning.key, plan.warning.params) : '';
}

/** Two pre-filled links to the appeal form: acknowledge, appeal (until the appeal deadline). */
function responseLinks(ctx: JobContext, settings: DeskSettings, row: Partial<AuditRow>): MailSection[] {
  const form = appealForm(ctx.ports.store);
  if (!form || !row.auditId || !(row.at instanceof Date)) return [];
  const { lang } = ctx;
  const due = render(lang, formatLocalDateTime(settings.calendar, appealDue(settings, row.at).getTime()));
  try {
    const link = (response: 'acknowledge' | 'appeal') =>
      ctx.ports.forms.prefilledUrl(
        form.id,
        appealPrefill(lang, row.auditId ?? '', row.staff ?? '', response),
      );
    return [
      {
        table: {
          columns: [t(lang, 'form.auditAppeal.q.response'), ''],
          rows: [
            [
              { text: t(lang, 'audits.mail.acknowledgeLink'), href: link('acknowledge') },
              { text: t(lang, 'audits.mail.appealLink', { due }), href: link('appeal') },
            ],
          ],
        },
      },
    ];
  } catch (error) {
    ctx.ports.log.error('audit appeal links failed', error);
    return [];
  }
}

function points(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function scoreText(lang: Lang, percent: number | null | ''): string {
  return percent === null || percent === '' ? t(lang, 'audits.score.none') : `${percent} %`;
}

export function auditResultMail(
  ctx: JobContext,
  settings: DeskSettings,
  scorecard: Scorecard,
  row: Partial<AuditRow>,
  plan: AuditPlan,
): Mail[] {
  const { lang } = ctx;
  const to = staffEmail(settings.staff, row.staff ?? '');
  if (!to) return [];
  const score = scoreText(lang, plan.finalPercent);
  const subject = t(lang, 'audits.mail.subject', { id: row.auditId ?? '', score });
  const paragraphs = [t(lang, 'audits.mail.score', { score, grade: plan.grade || '—' })];
  if (plan.result.criticalFail)
    paragraphs.push(t(lang, 'audits.mail.critical', { raw: scoreText(lang, plan.rawPercent) }));
  if (plan.warning) paragraphs.push(t(lang, 'audits.mail.warning', { warning: warningText(lang, plan) }));
  const rows = plan.items.map((item) => [
    item.item.section,
    item.item.text,
    item.na
      ? t(lang, 'audits.mail.na')
      : item.points === null
        ? t(lang, 'audits.mail.notScored')
        : `${points(item.points)} / ${points(item.item.max)}`,
    item.rootCause,
  ]);
  const comments = [...new Set(plan.items.map((item) => item.item.section))]
    .map(
      (section) =>
        [section, plan.items.find((i) => i.item.section === section)?.comment ?? ''] as [string, string],
    )
    .filter(([, comment]) => comment !== '');
  const link = spreadsheetLink(ctx);
  const mail = renderMail({
    title: subject,
    intro: [
      t(lang, 'audits.mail.hello', { name: row.staff ?? '' }),
      t(lang, 'audits.mail.intro', {
        auditor: row.auditor ?? '',
        scorecard: scorecard.name,
        ticket: row.ticketId ? t(lang, 'audits.mail.ticket', { id: row.ticketId }) : '',
      }),
    ].join(' '),
    sections: [
      { paragraphs },
      {
        table: {
          columns: [
            t(lang, 'col.auditItems.section'),
            t(lang, 'audits.mail.item'),
            t(lang, 'audits.mail.points'),
            t(lang, 'audits.mail.rootCause'),
          ],
          rows,
        },
      },
      ...(comments.length > 0 ? [{ heading: t(lang, 'audits.mail.comments'), fields: comments }] : []),
      { paragraphs: [t(lang, 'audits.mail.acknowledge')] },
      ...responseLinks(ctx, settings, row),
    ],
    link: link ? { href: link, text: t(lang, 'notify.openSheet') } : undefined,
    footer: t(lang, 'notify.footer'),
  });
  return [
    {
      keys: [`audit:${row.auditId ?? ''}:result`],
      to: [to],
      subject,
      htmlBody: mail.html,
      textBody: mail.text,
      reason: t(lang, 'audits.mail.reason'),
    },
  ];
}
