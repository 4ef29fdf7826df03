/**
 * The supervisors' part of the daily digest (SPEC §8.1): the open tickets of the audit sample assigned
 * to them, each with a pre-filled link to the scorecard's audit form (staff and ticket filled in), shown
 * as short link text.
 */
import type { MailSection } from '../../core/mail-html';
import type { StaffMember } from '../../core/settings';
import { formatLocalDateTime } from '../../core/sla';
import { auditPrefill } from '../../forms/audit';
import { enumLabel, t } from '../../i18n';
import { render } from '../../i18n/render';
import { AUDIT_SAMPLES, type AuditSampleRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import { type AuditFormEntry, auditForms } from './forms';

const KEYS = ['staff', 'ticketId', 'reason', 'auditor', 'scorecard', 'due', 'state'] as const;
export type OpenSample = Pick<AuditSampleRow, (typeof KEYS)[number]>;

/** Open and overdue samples by auditor (lower-case name); one read of Audit samples. */
export function openSamplesByAuditor(ctx: JobContext): Map<string, OpenSample[]> {
  const byAuditor = new Map<string, OpenSample[]>();
  if (!ctx.findSheet(AUDIT_SAMPLES)) return byAuditor;
  for (const { values } of ctx.table<AuditSampleRow>(AUDIT_SAMPLES).readRows(KEYS).rows) {
    if (values.state !== 'open' && values.state !== 'overdue') continue;
    const key = values.auditor.trim().toLowerCase();
    byAuditor.set(key, [...(byAuditor.get(key) ?? []), values]);
  }
  return byAuditor;
}

/** The scorecard's audit form pre-filled with the sample's staff and ticket; '' when there is none. */
export function auditSampleLink(
  ctx: JobContext,
  forms: readonly AuditFormEntry[],
  sample: Pick<OpenSample, 'scorecard' | 'staff' | 'ticketId'>,
): string {
  const form = forms.find((f) => f.scorecard === sample.scorecard);
  if (!form) return '';
  try {
    return ctx.ports.forms.prefilledUrl(form.formId, auditPrefill(ctx.lang, sample.staff, sample.ticketId));
  } catch (error) {
    ctx.ports.log.error('audit form link failed', error);
    return '';
  }
}

export function auditSampleSection(
  ctx: JobContext,
  settings: DeskSettings,
  person: StaffMember,
  samples: ReadonlyMap<string, OpenSample[]>,
): MailSection | null {
  const mine = samples.get(person.name.trim().toLowerCase()) ?? [];
  if (mine.length === 0) return null;
  const { lang } = ctx;
  const forms = auditForms(ctx.ports.store);
  const link = (sample: OpenSample) => {
    const href = auditSampleLink(ctx, forms, sample);
    return href === ''
      ? sample.scorecard
      : { text: t(lang, 'digest.auditLink', { id: sample.ticketId }), href };
  };
  return {
    heading: t(lang, 'digest.section.auditSample'),
    table: {
      columns: [
        t(lang, 'digest.col.id'),
        t(lang, 'digest.col.staff'),
        t(lang, 'digest.col.reason'),
        t(lang, 'digest.col.auditBy'),
        t(lang, 'digest.col.form'),
      ],
      rows: mine.map((sample) => [
        sample.ticketId,
        sample.staff,
        sample.reason === '' ? '' : enumLabel(lang, 'sampleReason', sample.reason),
        sample.due instanceof Date
          ? render(lang, formatLocalDateTime(settings.calendar, sample.due.getTime()))
          : '',
        link(sample),
      ]),
    },
  };
}
