/**
 * The assessment mails (SPEC §8.3): each person gets **their own** breakdown — every line with its rule,
 * count, points and the IDs behind it — and an appeal link while the month is provisional; the CS
 * managers and the GM get the ranking by department. Enqueued through the one mail path (jobs/mail) with
 * keys assessment:<month>:r<revision>:<person>:<total> and …:ranking:<totals>, so a recomputed month
 * mails again only as a new revision — or when a write resumed after a kill finds figures that moved
 * since the killed write's mails (those told the earlier figures).
 */
import type { DetailLine, PersonAssessment } from '../../core/assessment';
import { hashOf } from '../../core/hash';
import { type MailCell, renderMail } from '../../core/mail-html';
import { formatLocalDateTime } from '../../core/sla';
import { type Lang, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { JobContext } from '../context';
import { emailsWithRole, type Mail, spreadsheetLink, staffEmail } from '../mail';
import type { DeskSettings } from '../settings';

/** IDs shown in a mail line; the Assessment details row keeps them all. */
const MAIL_IDS = 12;

function idsText(ctx: JobContext, ids: readonly string[]): string {
  if (ids.length <= MAIL_IDS) return ids.join(', ');
  return `${ids.slice(0, MAIL_IDS).join(', ')} ${t(ctx.lang, 'assessment.mail.more', { count: ids.length - MAIL_IDS })}`;
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** What a detail line is called in a mail and in Assessment details: its rule, or the base or the lowest total. */
export function detailRuleText(lang: Lang, detail: DetailLine): string {
  if (detail.line === 'rule' && detail.rule !== null) return detail.rule;
  return t(lang, detail.line === 'floor' ? 'assessment.detail.floor' : 'assessment.detail.base');
}

/** A pre-filled appeal link for one person, or null when there is no appeal form. */
export type AppealLink = (person: PersonAssessment) => string | null;

function personMail(
  ctx: JobContext,
  settings: DeskSettings,
  month: string,
  person: PersonAssessment,
  finalOn: string,
  appealLink: AppealLink,
  keyPrefix: string,
): Mail[] {
  const { lang } = ctx;
  const to = staffEmail(settings.staff, person.staff);
  if (!to) return [];
  const subject = t(lang, 'assessment.mail.subject', { month, total: person.total });
  const rows: MailCell[][] = person.details.map((detail) => [
    detailRuleText(lang, detail),
    detail.count === null ? '' : String(detail.count),
    signed(detail.points),
    idsText(ctx, detail.ids),
    render(lang, detail.note),
  ]);
  const flags = person.flags.map((flag) => render(lang, flag)).join('; ');
  const appeal = appealLink(person);
  const link = spreadsheetLink(ctx);
  const mail = renderMail({
    title: subject,
    intro: t(lang, 'assessment.mail.intro', {
      month,
      total: person.total,
      grade: person.grade,
      rank: person.rank,
      of: person.ofDepartment,
      department: person.department,
      finalOn,
    }),
    sections: [
      ...(flags ? [{ paragraphs: [t(lang, 'assessment.mail.flags', { flags })] }] : []),
      {
        heading: t(lang, 'assessment.mail.pointsHeader'),
        table: {
          columns: [
            t(lang, 'assessment.mail.col.rule'),
            t(lang, 'assessment.mail.col.count'),
            t(lang, 'assessment.mail.col.points'),
            t(lang, 'assessment.mail.col.ids'),
            t(lang, 'assessment.mail.col.how'),
          ],
          rows,
        },
      },
      appeal
        ? {
            table: {
              columns: [''],
              rows: [[{ text: t(lang, 'assessment.mail.appeal', { finalOn }), href: appeal }]],
            },
          }
        : { paragraphs: [t(lang, 'assessment.mail.noAppeal', { finalOn })] },
    ],
    link: link ? { href: link, text: t(lang, 'notify.openSheet') } : undefined,
    footer: t(lang, 'notify.footer'),
  });
  return [
    {
      to: [to],
      subject,
      htmlBody: mail.html,
      textBody: mail.text,
      reason: t(lang, 'assessment.mail.reason'),
      keys: [`${keyPrefix}:${person.staff}:${person.total}`],
    },
  ];
}

/** A short fingerprint of everyone's total (a property name stays short whatever the staff). */
function rankingFingerprint(people: readonly PersonAssessment[]): string {
  return hashOf(people.map((person) => `${person.staff}=${person.total}`).join('|'));
}

function managerMail(
  ctx: JobContext,
  settings: DeskSettings,
  month: string,
  people: readonly PersonAssessment[],
  finalOn: string,
  keyPrefix: string,
): Mail[] {
  const { lang } = ctx;
  const to = emailsWithRole(settings.staff, ['manager', 'gm']);
  if (to.length === 0 || people.length === 0) return [];
  const subject = t(lang, 'assessment.mail.managerSubject', { month });
  const sorted = [...people].sort(
    (a, b) => a.department.localeCompare(b.department) || a.rank - b.rank || a.staff.localeCompare(b.staff),
  );
  const mail = renderMail({
    title: subject,
    intro: t(lang, 'assessment.mail.managerIntro', { month, people: people.length, finalOn }),
    sections: [
      {
        table: {
          columns: [
            t(lang, 'assessment.mail.col.department'),
            t(lang, 'assessment.mail.col.rank'),
            t(lang, 'assessment.mail.col.staff'),
            t(lang, 'assessment.mail.col.total'),
            t(lang, 'assessment.mail.col.grade'),
            t(lang, 'assessment.mail.col.flags'),
          ],
          rows: sorted.map((person) => [
            person.department,
            String(person.rank),
            person.staff,
            String(person.total),
            person.grade,
            person.flags.map((flag) => render(lang, flag)).join('; '),
          ]),
        },
      },
    ],
    footer: t(lang, 'notify.footer'),
  });
  return [
    {
      to,
      subject,
      htmlBody: mail.html,
      textBody: mail.text,
      reason: t(lang, 'assessment.mail.reason'),
      keys: [`${keyPrefix}:ranking:${rankingFingerprint(people)}`],
    },
  ];
}

export function assessmentMails(
  ctx: JobContext,
  settings: DeskSettings,
  month: string,
  people: readonly PersonAssessment[],
  finalOnDate: Date,
  revision: number,
  appealLink: AppealLink = () => null,
): Mail[] {
  const finalOn = render(ctx.lang, formatLocalDateTime(settings.calendar, finalOnDate.getTime()));
  const keyPrefix = `assessment:${month}:r${revision}`;
  return [
    ...people.flatMap((person) => personMail(ctx, settings, month, person, finalOn, appealLink, keyPrefix)),
    ...managerMail(ctx, settings, month, people, finalOn, keyPrefix),
  ];
}
