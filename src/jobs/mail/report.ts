/**
 * The report email (SPEC §10): KPI cards, the top rows of the sections marked for mail, and a link to
 * the sheet. One message to the period's recipient list (the Outbox splits lists over 50 and queues
 * what the quota does not allow), keyed report:<kind>:<period>:list (a revision: …:list:r<N>). Text goes through renderMail, which escapes everything; customer
 * phones are already masked in the model.
 */
import type { BusinessCalendar } from '../../core/calendar';
import { type MailCard, type MailSection, renderMail } from '../../core/mail-html';
import type { ReportModel, ReportSection } from '../../core/reports';
import type { ReportRecipient } from '../../core/settings/report-recipients';
import { type Lang, t } from '../../i18n';
import { cellFormat, cellText, periodLine, reportTitle } from '../reports/text';
import type { Mail } from './outbox';

export interface ReportMailContext {
  lang: Lang;
  calendar: BusinessCalendar;
  recipients: readonly ReportRecipient[];
  sheetName: string;
  sheetUrl: string;
}

/** The KPI block's columns: figure, value, target, status, previous, change, counted. */
function kpiCards(lang: Lang, calendar: BusinessCalendar, section: ReportSection): MailCard[] {
  const text = (row: number, column: number) =>
    cellText(lang, calendar, section.rows[row][column], section.columns[column].format);
  return section.rows.map((_, i) => ({
    label: text(i, 0),
    value: text(i, 1),
    detail: `${text(i, 2)} · ${text(i, 3)} · ${t(lang, 'reports.col.change')} ${text(i, 5)}`,
    tone: section.tones?.[i] ?? 'none',
  }));
}

function tableSection(
  lang: Lang,
  calendar: BusinessCalendar,
  section: ReportSection,
  limit: number,
): MailSection {
  const shown = section.rows.slice(0, limit);
  const more = section.rows.length - shown.length;
  return {
    heading: t(lang, section.title),
    table: {
      columns: section.columns.map((column) => t(lang, column.header)),
      rows: shown.map((row, r) =>
        row.map((cell, i) => cellText(lang, calendar, cell, cellFormat(section, r, i))),
      ),
    },
    paragraphs: [
      ...(section.rows.length === 0 ? [t(lang, 'reports.noRows')] : []),
      ...(more > 0 ? [t(lang, 'reports.mail.more', { count: more })] : []),
    ],
  };
}

export function reportMail(context: ReportMailContext, model: ReportModel): Mail[] {
  const { lang, calendar } = context;
  const to = context.recipients
    .filter((recipient) => recipient[model.period.kind])
    .map((recipient) => recipient.email);
  if (to.length === 0) return [];
  const title = reportTitle(lang, model.period);
  const sections: MailSection[] = [];
  for (const section of model.sections) {
    if (section.mailRows === undefined) continue;
    if (section.id === 'kpis')
      sections.push({ heading: t(lang, section.title), cards: kpiCards(lang, calendar, section) });
    else sections.push(tableSection(lang, calendar, section, section.mailRows));
  }
  const notices = model.notices.map((notice) => t(lang, notice.key, notice.params));
  const rendered = renderMail({
    title,
    intro: t(lang, 'reports.mail.intro', {
      period: periodLine(lang, calendar, model),
      sheet: context.sheetName,
    }),
    sections: [...(notices.length > 0 ? [{ paragraphs: notices }] : []), ...sections],
    link: { href: context.sheetUrl, text: t(lang, 'reports.mail.link') },
    footer: t(lang, 'reports.mail.footer'),
  });
  const key = `report:${model.period.kind}:${model.period.label}:list`;
  return [
    {
      keys: [model.revises ? `${key}:r${model.revision}` : key],
      to,
      subject:
        t(lang, 'reports.mail.subject', { title }) +
        (model.revises ? t(lang, 'reports.mail.revision', { revision: model.revision }) : ''),
      htmlBody: rendered.html,
      textBody: rendered.text,
      reason: t(lang, 'reports.mail.reason', { label: model.period.label }),
    },
  ];
}
