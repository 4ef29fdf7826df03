/**
 * The rectification notice (限期整改通知单, seed 000 L833): made in duplicate — one copy to the inspector,
 * one to the person responsible — listing every failed item, its note, ticket and deadline (an item
 * still open from an earlier inspection with the ticket it already has), the result and the fail
 * streak's consequence. At the third fail in a row the CS managers get a copy too: that consequence
 * (replacement, fine, order stop — seed 000 L835) is theirs to carry out.
 */

import type { AreaSetting } from '../../core/inspections';
import { renderMail } from '../../core/mail-html';
import { formatLocalDateTime } from '../../core/sla';
import { t } from '../../i18n';
import { render } from '../../i18n/render';
import type { JobContext } from '../context';
import { emailsWithRole, type Mail, spreadsheetLink, staffEmail } from '../mail';
import type { DeskSettings } from '../settings';

export interface NoticeLine {
  item: string;
  note: string;
  ticketId: string;
  due: Date;
  repeat: boolean;
  /** The inspection that opened the ticket, when an earlier one did (the item is still not put right). */
  openSince: string;
}

export interface NoticeInput {
  inspectionId: string;
  template: string;
  area: AreaSetting;
  inspector: string;
  scoreText: string;
  resultText: string;
  consequence: string;
  /** The fail streak this inspection makes (3 and more: the managers' copy). */
  streak: number;
  lines: readonly NoticeLine[];
  recheckDue: Date | null;
}

export function rectificationNotices(ctx: JobContext, settings: DeskSettings, input: NoticeInput): Mail[] {
  const { lang } = ctx;
  if (input.lines.length === 0) return [];
  const when = (at: Date) => render(lang, formatLocalDateTime(settings.calendar, at.getTime()));
  const subject = t(lang, 'inspections.notice.subject', {
    id: input.inspectionId,
    area: input.area.area,
    count: input.lines.length,
  });
  const link = spreadsheetLink(ctx);
  const copy = (whom: 'inspector' | 'owner' | 'manager'): Mail | null => {
    const name = whom === 'inspector' ? input.inspector : input.area.owner;
    const to =
      whom === 'manager'
        ? emailsWithRole(settings.staff, ['manager'])
        : [staffEmail(settings.staff, name)].filter((email): email is string => email !== null);
    if (to.length === 0) return null;
    const mail = renderMail({
      title: subject,
      intro: t(lang, `inspections.notice.intro.${whom}`, {
        name,
        area: input.area.area,
        template: input.template,
        consequence: input.consequence,
      }),
      sections: [
        {
          fields: [
            [t(lang, 'col.inspections.id'), input.inspectionId],
            [t(lang, 'col.inspections.template'), input.template],
            [t(lang, 'col.inspections.area'), input.area.area],
            [t(lang, 'col.inspections.inspector'), input.inspector],
            [t(lang, 'col.inspections.owner'), input.area.owner],
            [t(lang, 'col.inspections.scorePercent'), input.scoreText],
            [t(lang, 'col.inspections.result'), input.resultText],
            [t(lang, 'col.inspections.consequence'), input.consequence === '' ? '—' : input.consequence],
            [t(lang, 'inspections.notice.recheck'), input.recheckDue ? when(input.recheckDue) : '—'],
          ],
        },
        {
          heading: t(lang, 'inspections.notice.items'),
          table: {
            columns: [
              t(lang, 'col.inspectionItems.item'),
              t(lang, 'col.inspectionItems.note'),
              t(lang, 'col.inspectionItems.ticketId'),
              t(lang, 'col.inspections.rectificationDue'),
            ],
            rows: input.lines.map((line) => [
              line.openSince !== ''
                ? t(lang, 'inspections.notice.stillOpen', { item: line.item, id: line.openSince })
                : line.repeat
                  ? t(lang, 'inspections.notice.repeat', { item: line.item })
                  : line.item,
              line.note === '' ? '—' : line.note,
              line.ticketId,
              when(line.due),
            ]),
          },
        },
      ],
      link: link ? { href: link, text: t(lang, 'notify.openSheet') } : undefined,
      footer: t(lang, `inspections.notice.copy.${whom}`),
    });
    return {
      keys: [`inspection:${input.inspectionId}:${whom}`],
      to,
      subject,
      htmlBody: mail.html,
      textBody: mail.text,
      reason: t(lang, 'inspections.notice.reason'),
    };
  };
  const copies = [copy('inspector'), copy('owner'), input.streak >= 3 ? copy('manager') : null];
  return copies.filter((mail): mail is Mail => mail !== null);
}
