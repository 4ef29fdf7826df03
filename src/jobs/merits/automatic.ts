/**
 * Automatic ledger entries (SPEC §8.2), each naming its rule and evidence: a substantiated complaint
 * against a person, a praise ticket naming a staff member, a run of low audits, an inspection fault.
 * One standing entry per evidence and rule: the plan compares what the evidence says now with what the
 * ledger holds (core/merits planAutomatic), so running it again — a retried trigger, a repeated edit —
 * records nothing twice, and a withdrawn finding is taken back by a reversing entry.
 * Runs under the caller's document lock.
 */
import { type AutomaticRule, automaticItem, planAutomatic } from '../../core/merits';
import { t } from '../../i18n';
import type { TicketRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import type { DeskSettings } from '../settings';
import {
  appendEntries,
  entriesWhere,
  itemDraft,
  journalDrafts,
  type MeritDraft,
  reversalDraft,
  type StoredEntry,
} from './ledger';

export interface AutomaticEvidence {
  rule: AutomaticRule;
  evidence: string;
  /** Who the evidence names now; null when it no longer calls for an entry. */
  staff: string | null;
  /** Why the entry is recorded (or, for a reversal, why it is taken back). */
  note: string;
  actor: string;
  source: 'form' | 'edit' | 'scheduler';
  /**
   * Evidence made in this same step (a new ticket, audit or inspection ID): the ledger cannot hold an
   * entry for it yet, so nothing is looked up, and the entry is journaled for the hourly run to append
   * (the form submission's call budget has no room for it, jobs/merits/queue.ts).
   */
  fresh?: boolean;
}

function isStaffName(settings: DeskSettings, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return settings.staff.some((member) => member.name.trim().toLowerCase() === wanted);
}

/** The drafts that bring the ledger's `existing` entries for the evidence to what it calls for now. */
export function automaticDrafts(
  ctx: JobContext,
  settings: DeskSettings,
  evidence: Omit<AutomaticEvidence, 'source' | 'fresh'>,
  existing: readonly StoredEntry[],
): MeritDraft[] {
  const item = automaticItem(settings.meritCatalog, evidence.rule);
  // Without a catalog item nothing new is recorded, but a withdrawn finding is still taken back.
  const wanted = item ? evidence.staff : null;
  const plan = planAutomatic(existing, evidence.rule, wanted);
  const drafts: MeritDraft[] = plan.reverse.map((entry) =>
    reversalDraft(ctx, entry, { rule: evidence.rule, recordedBy: evidence.actor, reason: evidence.note }),
  );
  if (plan.add && item && wanted !== null)
    drafts.push(
      itemDraft(settings, item, {
        staff: wanted,
        evidence: evidence.evidence,
        rule: evidence.rule,
        note: evidence.note,
        recordedBy: evidence.actor,
        // A name that is nobody in ⚙ Staff is kept and flagged: it counts once someone confirms it.
        state: isStaffName(settings, wanted) ? 'entered' : 'needsReview',
      }),
    );
  return drafts;
}

/** Records what the evidence calls for; returns the IDs of the entries written (new and reversals). */
export function recordAutomatic(
  ctx: JobContext,
  settings: DeskSettings,
  evidence: AutomaticEvidence,
): string[] {
  const existing = evidence.fresh ? [] : entriesWhere(ctx, 'evidence', evidence.evidence);
  const drafts = automaticDrafts(ctx, settings, evidence, existing);
  if (evidence.fresh) return journalDrafts(ctx, settings, drafts).map((row) => row.entryId ?? '');
  return appendEntries(ctx, settings, drafts, evidence.source);
}

type ComplaintFields = Pick<TicketRow, 'id' | 'type' | 'substantiated' | 'personComplained'>;

/**
 * What a complaint's Substantiated and Person complained about call for now: the configured demerit for
 * the person while it is substantiated (once per ticket), none when it is not (a standing one is
 * reversed, or moved when it names someone else). Null for a row with no ticket.
 */
export function complaintEvidence(
  ctx: JobContext,
  ticket: ComplaintFields,
  actor: string,
): Omit<AutomaticEvidence, 'source' | 'fresh'> | null {
  if (ticket.id === '') return null;
  const person = ticket.personComplained.trim();
  const holds = ticket.type === 'complaint' && ticket.substantiated === 'yes' && person !== '';
  return {
    rule: 'substantiated',
    evidence: ticket.id,
    staff: holds ? person : null,
    note: holds
      ? t(ctx.lang, 'merits.note.substantiated', { ticket: ticket.id })
      : t(ctx.lang, 'merits.note.notSubstantiated', { ticket: ticket.id }),
    actor,
  };
}

/** A new praise ticket naming a member of ⚙ Staff (seed 001 L609: a praise letter +A1). */
export function praiseReceived(
  ctx: JobContext,
  settings: DeskSettings,
  ticket: { id: string; type: string; personComplained: string },
  actor: string,
  /** A ticket made in this step (intake) rather than one being finished after a crash. */
  fresh: boolean,
): string[] {
  const person = ticket.personComplained.trim();
  if (ticket.type !== 'praise' || person === '' || !isStaffName(settings, person)) return [];
  return recordAutomatic(ctx, settings, {
    rule: 'praise',
    evidence: ticket.id,
    staff: person,
    note: t(ctx.lang, 'merits.note.praise', { ticket: ticket.id }),
    actor,
    source: 'form',
    fresh,
  });
}

/**
 * An inspection's fail streak brought a consequence (jobs/inspections' FaultHook): the area owner's
 * fault — the first fail a minor fault, a later one a serious fault (seed 000 L835: 一般过失, then 严重过失).
 */
export function inspectionFault(
  ctx: JobContext,
  settings: DeskSettings,
  fault: { staff: string; streak: number; consequence: string; inspectionId: string },
  actor: string,
): string[] {
  if (fault.staff.trim() === '' || fault.streak <= 0) return [];
  return recordAutomatic(ctx, settings, {
    rule: fault.streak === 1 ? 'minorFault' : 'seriousFault',
    evidence: fault.inspectionId,
    staff: fault.staff,
    note: t(ctx.lang, 'merits.note.fault', {
      id: fault.inspectionId,
      streak: fault.streak,
      consequence: fault.consequence,
    }),
    actor,
    source: 'form',
    // The inspection was numbered in this step: no entry can name it yet.
    fresh: true,
  });
}

/** The audit that completed a run of low audits (seed 000 L757: the consequence of 3 in a row). */
export function auditRunConsequence(
  ctx: JobContext,
  settings: DeskSettings,
  audit: { auditId: string; staff: string; count: number; fresh: boolean },
  actor: string,
): string[] {
  return recordAutomatic(ctx, settings, {
    rule: 'qaRun',
    evidence: audit.auditId,
    staff: audit.staff,
    note: t(ctx.lang, 'merits.note.qaRun', {
      count: audit.count,
      threshold: settings.general.qaWarningBelow,
      consequence: settings.general.qaConsequence,
    }),
    actor,
    source: 'form',
    // An audit numbered in this step, unless a crashed run is being finished: then look.
    fresh: audit.fresh,
  });
}
