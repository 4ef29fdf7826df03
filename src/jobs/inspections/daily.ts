/**
 * The inspections' part of the daily digest (SPEC §9): each slot that closed since the last check
 * without an inspection is written once to Missed inspections (where a manager may excuse it) and told
 * to the area's inspector and owner; each re-inspection due by the end of the day goes to the inspector
 * with a pre-filled link (passed items answered, failed ones left to re-rate).
 *
 * Which slots were done comes from each schedule's state (the instants of its recent inspections), so
 * the check reads no register; the Missed inspections sheet is read (its key column) only to keep the
 * append idempotent when a run is repeated.
 */
import { findTemplate, type Slot, slotKey, slotStatuses, slotsBetween } from '../../core/inspections';
import type { MailSection } from '../../core/mail-html';
import type { StaffMember } from '../../core/settings';
import { formatLocalDateTime } from '../../core/sla';
import { recheckPrefill } from '../../forms/inspection';
import { t } from '../../i18n';
import { render } from '../../i18n/render';
import { MISSED_INSPECTIONS, type MissedInspectionRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import { inspectionFormInfo } from './forms';
import { INSPECTIONS_SINCE_KEY } from './report-read';
import { loadStateToReport } from './state';

const CHECKED_KEY = 'inspection.missed.checkedUntil';
/** Without an earlier check, from the register's start; never more than this far back. */
const MAX_LOOKBACK_MS = 35 * 86_400_000;
/** The longest slot (a month), so a slot that began before the last check is still seen closing. */
const SLOT_LOOKBACK_MS = 32 * 86_400_000;

interface MissedSlot {
  slot: Slot;
  area: string;
  template: string;
  inspector: string;
  owner: string;
  key: string;
}

interface DueRecheck {
  inspectionId: string;
  area: string;
  template: string;
  inspector: string;
  owner: string;
  due: number;
  items: number;
  link: string;
}

export interface InspectionDigest {
  missed: MissedSlot[];
  rechecks: DueRecheck[];
  sectionsFor(person: StaffMember): MailSection[];
}

/** How far the check got: the digest it ran for, and the window it covered. */
interface CheckMark {
  label: string;
  from: number;
  until: number;
}

/**
 * Where this digest's check starts: where the previous digest's ended — or, when this digest runs again
 * (a run cut short and continued), where its own first run started, so everyone hears the same slots.
 */
function checkFrom(saved: string | null, since: string, label: string, now: number): number {
  try {
    const mark = saved ? (JSON.parse(saved) as Partial<CheckMark>) : null;
    if (mark && typeof mark.from === 'number' && typeof mark.until === 'number')
      return mark.label === label ? mark.from : mark.until;
  } catch {
    // an unreadable mark: start from setup
  }
  const start = Number(since);
  return Number.isFinite(start) ? start : now;
}

/** Slots that closed in [from, now) with no inspection, per schedule of ⚙ Areas. */
function missedSlots(ctx: JobContext, settings: DeskSettings, from: number, now: number): MissedSlot[] {
  const missed: MissedSlot[] = [];
  for (const area of settings.areas) {
    for (const template of area.templates) {
      // A slot that began before `from` (a month, say) may have closed after it: look back one slot length.
      const slots = slotsBetween(
        settings.calendar,
        area.frequency,
        area.sevenDay,
        from - SLOT_LOOKBACK_MS,
        now,
      ).filter((slot) => slot.end <= now && slot.end > from);
      if (slots.length === 0) continue;
      const state = loadStateToReport(ctx.ports.store, ctx.ports.log, area.area, template);
      if (!state) continue;
      for (const status of slotStatuses(slots, state.recentAt, new Set(), now)) {
        if (status.state !== 'missed') continue;
        missed.push({
          slot: status,
          area: area.area,
          template,
          inspector: area.inspector,
          owner: area.owner,
          key: slotKey(area.area, template, status.label),
        });
      }
    }
  }
  return missed;
}

function dueRechecks(ctx: JobContext, settings: DeskSettings, dayEnd: number): DueRecheck[] {
  const rechecks: DueRecheck[] = [];
  for (const area of settings.areas) {
    for (const name of area.templates) {
      const state = loadStateToReport(ctx.ports.store, ctx.ports.log, area.area, name);
      if (!state) continue;
      const open = state.open.filter((entry) => entry.due < dayEnd);
      if (open.length === 0) continue;
      const template = findTemplate(settings.checklists, name);
      const form = inspectionFormInfo(ctx.ports, name);
      const keys = new Set(state.open.map((entry) => entry.itemKey));
      const inspectionId = state.open[0].inspectionId;
      let link = '';
      if (template && form) {
        try {
          link = ctx.ports.forms.prefilledUrl(
            form.id,
            recheckPrefill(ctx.lang, template, area.area, area.inspector, inspectionId, keys),
          );
        } catch (error) {
          ctx.ports.log.error('re-inspection link failed', error);
        }
      }
      rechecks.push({
        inspectionId,
        area: area.area,
        template: name,
        inspector: area.inspector,
        owner: area.owner,
        due: Math.max(...state.open.map((entry) => entry.due)),
        items: state.open.length,
        link,
      });
    }
  }
  return rechecks;
}

/**
 * Runs the daily check once per digest: records the newly missed slots (under the document lock, with
 * the mark that says how far the check got), and returns what each person's digest says about them.
 */
export function inspectionDigest(
  ctx: JobContext,
  settings: DeskSettings,
  window: { slot: Slot; now: number },
): InspectionDigest {
  const { ports, lang } = ctx;
  const now = window.now;
  const missed = ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    // Schedules start with the first whole slot after the register's setup (as the reports count them).
    const since = Number(ports.store.get(INSPECTIONS_SINCE_KEY) ?? now);
    const from = Math.max(
      checkFrom(ports.store.get(CHECKED_KEY), String(since), window.slot.label, now),
      now - MAX_LOOKBACK_MS,
    );
    const found = missedSlots(ctx, settings, from, now).filter((entry) => entry.slot.start >= since);
    if (found.length > 0 && ctx.findSheet(MISSED_INSPECTIONS)) {
      const table = ctx.table<MissedInspectionRow>(MISSED_INSPECTIONS);
      const known = new Set(table.readRows(['key']).rows.map((row) => row.values.key));
      const fresh = found.filter((entry) => !known.has(entry.key));
      table.appendRecords(
        fresh.map((entry) => ({
          slot: entry.slot.label,
          area: entry.area,
          template: entry.template,
          inspector: entry.inspector,
          owner: entry.owner,
          excused: false,
          reason: '',
          excusedBy: '',
          key: entry.key,
        })),
      );
    }
    ports.store.set(
      CHECKED_KEY,
      JSON.stringify({ label: window.slot.label, from, until: now } satisfies CheckMark),
    );
    return found;
  });
  const rechecks = dueRechecks(ctx, settings, window.slot.end);
  const when = (instant: number) => render(lang, formatLocalDateTime(settings.calendar, instant));
  return {
    missed,
    rechecks,
    sectionsFor(person: StaffMember): MailSection[] {
      const sections: MailSection[] = [];
      const mine = missed.filter((entry) => entry.inspector === person.name || entry.owner === person.name);
      if (mine.length > 0)
        sections.push({
          heading: t(lang, 'inspections.digest.missed'),
          table: {
            columns: [
              t(lang, 'col.missedInspections.slot'),
              t(lang, 'col.missedInspections.area'),
              t(lang, 'col.missedInspections.template'),
              t(lang, 'col.missedInspections.inspector'),
            ],
            rows: mine.map((entry) => [entry.slot.label, entry.area, entry.template, entry.inspector]),
          },
        });
      const checks = rechecks.filter(
        (entry) => entry.inspector === person.name || entry.owner === person.name,
      );
      if (checks.length > 0)
        sections.push({
          heading: t(lang, 'inspections.digest.rechecks'),
          table: {
            columns: [
              t(lang, 'col.inspections.recheckOf'),
              t(lang, 'col.inspections.area'),
              t(lang, 'col.inspections.template'),
              t(lang, 'inspections.digest.openItems'),
              t(lang, 'col.inspections.rectificationDue'),
              t(lang, 'inspections.digest.link'),
            ],
            rows: checks.map((entry) => [
              entry.inspectionId,
              entry.area,
              entry.template,
              String(entry.items),
              when(entry.due),
              entry.inspector === person.name && entry.link !== '' ? entry.link : '—',
            ]),
          },
        });
      return sections;
    },
  };
}
