/**
 * One Google Form per scorecard (SPEC §8.1), generated from ⚙ Scorecards and updated in place when the
 * scorecard changes. Versions: each form records the scorecard version it was made from, and a copy of
 * that version is kept in document properties, so a submission is always scored with the questions it
 * answered — also after the manager has edited the scorecard again.
 */
import { rubricOf, type Scorecard, type ScorecardItem } from '../../core/audits';
import type { EnumCode } from '../../core/enums';
import { auditFormSpec } from '../../forms/audit';
import type { StorePort } from '../../ports';
import { SCORECARDS, type ScorecardRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { upsertLinkedForm } from '../linked-form';
import { type DeskSettings, invalidateSettings } from '../settings';

/** Where a scorecard's form is and which version it asks. */
export interface AuditFormEntry {
  scorecard: string;
  version: number;
  formId: string;
  responseSheetId: number;
  publishedUrl: string;
}

const FORMS_KEY = 'forms.audit';

/** What is kept of one version: enough to score a submission and to show its items. */
interface StoredVersion {
  name: string;
  version: number;
  criticalScope: EnumCode<'criticalScope'>;
  rootCauses: string[];
  fingerprint: string;
  items: ScorecardItem[];
}

function versionKey(name: string, version: number): string {
  return `scorecard.${name}.v${version}`;
}

export function auditForms(store: StorePort): AuditFormEntry[] {
  const saved = store.get(FORMS_KEY);
  return saved ? (JSON.parse(saved) as AuditFormEntry[]) : [];
}

/** The scorecard as it was at `version`, or null when that version was never stored. */
export function scorecardVersion(store: StorePort, name: string, version: number): Scorecard | null {
  const saved = store.get(versionKey(name, version));
  if (!saved) return null;
  const stored = JSON.parse(saved) as StoredVersion;
  return { ...stored, rows: [], rubric: rubricOf(stored.items, stored.criticalScope) };
}

function storeVersion(store: StorePort, card: Scorecard, version: number): void {
  const stored: StoredVersion = {
    name: card.name,
    version,
    criticalScope: card.criticalScope,
    rootCauses: card.rootCauses,
    fingerprint: card.fingerprint,
    items: card.items,
  };
  store.set(versionKey(card.name, version), JSON.stringify(stored));
}

/**
 * The version a scorecard gets now: the sheet's when it has been stored with the same content, else the
 * next one after every version seen (editing a scorecard makes a new version).
 */
function nextVersion(store: StorePort, card: Scorecard, previous: AuditFormEntry | undefined): number {
  const latest = Math.max(card.version, previous?.version ?? 0);
  if (latest === 0) return 1;
  const stored = scorecardVersion(store, card.name, latest);
  if (!stored) return latest;
  return stored.fingerprint === card.fingerprint ? latest : latest + 1;
}

/** Creates or updates the form of every scorecard; numbers changed scorecards. Returns the forms. */
export function syncAuditForms(ctx: JobContext, settings: DeskSettings): AuditFormEntry[] {
  const { ports, lang } = ctx;
  const entries = auditForms(ports.store);
  const changedRows: Array<{ row: number; values: Partial<ScorecardRow> }> = [];
  const synced: AuditFormEntry[] = [];
  for (const card of settings.scorecards) {
    const previous = entries.find((entry) => entry.scorecard === card.name);
    const version = nextVersion(ports.store, card, previous);
    storeVersion(ports.store, card, version);
    if (version !== card.version) for (const row of card.rows) changedRows.push({ row, values: { version } });
    const info = upsertLinkedForm(ports, previous?.formId ?? null, auditFormSpec(lang, card, settings.staff));
    const entry: AuditFormEntry = {
      scorecard: card.name,
      version,
      formId: info.id,
      responseSheetId: info.responseSheetId,
      publishedUrl: info.publishedUrl,
    };
    synced.push(entry);
  }
  // Forms of scorecards removed from ⚙ Scorecards keep routing the responses they already have.
  const kept = entries.filter((entry) => !synced.some((s) => s.scorecard === entry.scorecard));
  ports.store.set(FORMS_KEY, JSON.stringify([...synced, ...kept]));
  if (changedRows.length > 0) {
    ctx.table<ScorecardRow>(SCORECARDS).updateRows(changedRows);
    invalidateSettings(ports);
  }
  return synced;
}
