/**
 * My queue's other work (issue 19): the signed-in person's audit sample (open and overdue samples
 * assigned to them, one read of Audit samples) and their due inspections — the current slot of each
 * schedule of ⚙ Areas they inspect that has no inspection yet, and the re-inspections they owe — from
 * the schedules' state in document properties (no Sheets call). Each comes with its pre-filled form link.
 */
import { findTemplate, slotAt, slotStatuses } from '../../core/inspections';
import { inspectionPrefill, recheckPrefill } from '../../forms/inspection';
import { enumLabel, t } from '../../i18n';
import { auditSampleLink, openSamplesByAuditor } from '../audits/digest-section';
import { auditForms } from '../audits/forms';
import type { JobContext } from '../context';
import { inspectionFormInfo } from '../inspections/forms';
import { INSPECTIONS_SINCE_KEY } from '../inspections/report-read';
import { loadStateToReport } from '../inspections/state';
import type { DeskSettings } from '../settings';
import { formatPanelTime } from './read';
import type { QueueTask } from './view';

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function byDue(a: QueueTask, b: QueueTask): number {
  return a.dueAt - b.dueAt || a.title.localeCompare(b.title);
}

function link(ctx: JobContext, formId: string | undefined, answers: Record<string, string>): string {
  if (!formId) return '';
  try {
    return ctx.ports.forms.prefilledUrl(formId, answers);
  } catch (error) {
    ctx.ports.log.error('queue form link failed', error);
    return '';
  }
}

/** The open samples this person audits, oldest due first; a click opens the sampled ticket. */
export function myAuditSample(ctx: JobContext, settings: DeskSettings, staffName: string): QueueTask[] {
  const { lang } = ctx;
  const samples = openSamplesByAuditor(ctx).get(staffName.trim().toLowerCase()) ?? [];
  const forms = auditForms(ctx.ports.store);
  const now = ctx.now().getTime();
  return samples
    .map((sample): QueueTask => {
      const due = sample.due instanceof Date ? sample.due.getTime() : Number.MAX_SAFE_INTEGER;
      return {
        kind: 'audit',
        title: sample.ticketId,
        detail: [
          sample.staff,
          sample.scorecard,
          sample.reason === '' ? '' : enumLabel(lang, 'sampleReason', sample.reason),
        ]
          .filter(Boolean)
          .join(' · '),
        ticketId: sample.ticketId,
        due: sample.due instanceof Date ? formatPanelTime(lang, settings, sample.due) : '',
        dueAt: due,
        overdue: sample.state === 'overdue' || due < now,
        link: auditSampleLink(ctx, forms, sample),
        linkText: t(lang, 'panel.queue.auditLink'),
      };
    })
    .sort(byDue);
}

/** The inspections this person owes now: open slots without an inspection, and re-inspections. */
export function myInspections(ctx: JobContext, settings: DeskSettings, staffName: string): QueueTask[] {
  const { lang } = ctx;
  const now = ctx.now().getTime();
  // Schedules start with the first whole slot after the register's setup (as the digest counts them).
  const since = Number(ctx.ports.store.get(INSPECTIONS_SINCE_KEY) ?? '') || 0;
  const tasks: QueueTask[] = [];
  for (const area of settings.areas) {
    if (!sameName(area.inspector, staffName)) continue;
    for (const name of area.templates) {
      // A damaged state leaves out that one schedule (logged), as the digest does, not the whole queue.
      const state = loadStateToReport(ctx.ports.store, ctx.ports.log, area.area, name);
      if (!state) continue;
      const form = inspectionFormInfo(ctx.ports, name);
      const template = findTemplate(settings.checklists, name);
      if (state.open.length > 0) {
        const due = Math.max(...state.open.map((entry) => entry.due));
        const keys = new Set(state.open.map((entry) => entry.itemKey));
        tasks.push({
          kind: 'recheck',
          title: `${area.area} — ${name}`,
          detail: t(lang, 'panel.queue.recheck', {
            id: state.open[0].inspectionId,
            items: state.open.length,
          }),
          ticketId: '',
          due: formatPanelTime(lang, settings, new Date(due)),
          dueAt: due,
          overdue: due < now,
          link: template
            ? link(
                ctx,
                form?.id,
                recheckPrefill(lang, template, area.area, area.inspector, state.open[0].inspectionId, keys),
              )
            : '',
          linkText: t(lang, 'panel.queue.inspectLink'),
        });
      }
      const slot = slotAt(settings.calendar, area.frequency, area.sevenDay, now);
      for (const status of slotStatuses(slot ? [slot] : [], state.recentAt, new Set(), now)) {
        if (status.state !== 'due' || status.start < since) continue;
        tasks.push({
          kind: 'inspection',
          title: `${area.area} — ${name}`,
          detail: status.label,
          ticketId: '',
          // The slot ends at midnight: shown as its last minute, the day it is due.
          due: formatPanelTime(lang, settings, new Date(status.end - 60_000)),
          dueAt: status.end,
          overdue: false,
          link: link(ctx, form?.id, inspectionPrefill(lang, area.area, area.inspector)),
          linkText: t(lang, 'panel.queue.inspectLink'),
        });
      }
    }
  }
  return tasks.sort(byDue);
}
