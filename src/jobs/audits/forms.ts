/**
 * One Google Form per scorecard (SPEC §8.1), generated from ⚙ Scorecards and updated in place when the
 * scorecard changes. Versions: each form records the scorecard version it was made from, and a copy of
 * that version is kept in document properties, so a submission is always scored with the questions it
 * answered — also after the manager has edited the scorecard again.
 */
import {
  itemKey,
  rubricOf,
  type Scorecard,
  type ScorecardItem,
  scorecardFingerprint,
} from '../../core/audits';
import type { EnumCode } from '../../core/enums';
import { auditFormSpec } from '../../forms/audit';
import { type AuditFormKey, registeredForm, registerForm } from '../../forms/registry';
import type { StorePort } from '../../ports';
import { SCORECARDS, type ScorecardRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { loadItemVersion, saveItemVersion } from '../item-versions';
import { ensureLinkedForm } from '../linked-form';
import { type DeskSettings, invalidateSettings } from '../settings';

/** Where a scorecard's form is and which version it asks. */
export interface AuditFormEntry {
  scorecard: string;
  version: number;
  formId: string;
  responseSheetId: number;
  responseSheetName: string;
  publishedUrl: string;
}

/** The scorecards that have a form, with the version each form asks (their forms are in the registry). */
const LIST_KEY = 'form.audit.scorecards';
/** Where forms were kept before they joined the registry: read once by setup to keep those forms. */
const LEGACY_KEY = 'forms.audit';

interface ListedForm {
  scorecard: string;
  version: number;
}

export function auditFormKey(scorecard: string): AuditFormKey {
  return `form.audit.${scorecard}`;
}

function listedForms(store: StorePort): ListedForm[] {
  try {
    const parsed = JSON.parse(store.get(LIST_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed)
      ? parsed.filter(
          (entry): entry is ListedForm =>
            typeof entry?.scorecard === 'string' && typeof entry?.version === 'number',
        )
      : [];
  } catch {
    return [];
  }
}

/** Every audit form, from document properties (no Sheets call). */
export function auditForms(store: StorePort): AuditFormEntry[] {
  return listedForms(store).flatMap(({ scorecard, version }) => {
    const info = registeredForm(store, auditFormKey(scorecard));
    return info
      ? [
          {
            scorecard,
            version,
            formId: info.id,
            responseSheetId: info.responseSheetId,
            responseSheetName: info.responseSheetName,
            publishedUrl: info.publishedUrl,
          },
        ]
      : [];
  });
}

/**
 * Forms made before audit forms joined the registry: registered under their new key (so setup updates
 * them in place and their responses keep their ledger) and listed with their version; the old key goes.
 */
function adoptLegacyForms(store: StorePort): void {
  const saved = store.get(LEGACY_KEY);
  if (!saved) return;
  let legacy: Array<Partial<AuditFormEntry>> = [];
  try {
    const parsed = JSON.parse(saved) as unknown;
    if (Array.isArray(parsed)) legacy = parsed as Array<Partial<AuditFormEntry>>;
  } catch {
    legacy = [];
  }
  const listed = listedForms(store);
  for (const entry of legacy) {
    if (typeof entry.scorecard !== 'string' || typeof entry.formId !== 'string') continue;
    if (listed.some((l) => l.scorecard === entry.scorecard)) continue;
    registerForm(store, auditFormKey(entry.scorecard), {
      id: entry.formId,
      publishedUrl: entry.publishedUrl ?? '',
      editUrl: '',
      responseSheetName: '',
      responseSheetId: entry.responseSheetId ?? 0,
    });
    listed.push({ scorecard: entry.scorecard, version: Number(entry.version) || 1 });
  }
  store.set(LIST_KEY, JSON.stringify(listed));
  store.delete(LEGACY_KEY);
}

/**
 * What is kept of one version: enough to score a submission and to show its items. The items go to the
 * scorecard's pool (../item-versions.ts), each distinct item once however many versions share it: an
 * 80-item scorecard in Chinese takes about 8 KB of pool once (12 KB at 120 items, then in chunks: one
 * property holds 9 KB) and about 0.4 KB per version, where a whole copy per version took 28 KB.
 * Versions stored whole before the pool are still read.
 */
interface StoredVersion {
  name: string;
  version: number;
  criticalScope: EnumCode<'criticalScope'>;
  rootCauses: string[];
}

/** One item as the pool keeps it: its fields in a fixed order, the key left out (made from section and text). */
type PooledItem = [
  string,
  string,
  ScorecardItem['kind'],
  ScorecardItem['answerKind'],
  number,
  number,
  boolean,
];

const pooled = (item: ScorecardItem): PooledItem => [
  item.section,
  item.text,
  item.kind,
  item.answerKind,
  item.max,
  item.weight,
  item.allowNa,
];

function unpooled(item: unknown): ScorecardItem {
  if (!Array.isArray(item)) return item as ScorecardItem;
  const [section, text, kind, answerKind, max, weight, allowNa] = item as PooledItem;
  return { key: itemKey(section, text), section, text, kind, answerKind, max, weight, allowNa };
}

const versionBase = (name: string): string => `scorecard.${name}`;

/** The scorecard as it was at `version`, or null when that version was never stored. */
export function scorecardVersion(store: StorePort, name: string, version: number): Scorecard | null {
  const saved = loadItemVersion(store, versionBase(name), version);
  if (!saved) return null;
  const fields = saved.fields as unknown as StoredVersion;
  const base = {
    name: fields.name,
    criticalScope: fields.criticalScope,
    rootCauses: fields.rootCauses,
    items: saved.items.map(unpooled),
  };
  return {
    ...base,
    version: fields.version,
    fingerprint: scorecardFingerprint(base),
    rows: [],
    rubric: rubricOf(base.items, base.criticalScope),
  };
}

function storeVersion(store: StorePort, card: Scorecard, version: number): void {
  const fields: StoredVersion = {
    name: card.name,
    version,
    criticalScope: card.criticalScope,
    rootCauses: card.rootCauses,
  };
  saveItemVersion(store, versionBase(card.name), version, { ...fields }, card.items.map(pooled));
}

/**
 * The version a scorecard gets now: the sheet's when it has been stored with the same content, else the
 * next one after every version seen (editing a scorecard makes a new version).
 */
function nextVersion(store: StorePort, card: Scorecard, previous: ListedForm | undefined): number {
  const latest = Math.max(card.version, previous?.version ?? 0);
  if (latest === 0) return 1;
  const stored = scorecardVersion(store, card.name, latest);
  if (!stored) return latest;
  return stored.fingerprint === card.fingerprint ? latest : latest + 1;
}

/**
 * Creates or updates the form of every scorecard (in place by item id,
 * registered under `form.audit.<scorecard>`); numbers changed scorecards. Returns the forms.
 */
export function syncAuditForms(ctx: JobContext, settings: DeskSettings): AuditFormEntry[] {
  const { ports, lang } = ctx;
  adoptLegacyForms(ports.store);
  const listed = listedForms(ports.store);
  const changedRows: Array<{ row: number; values: Partial<ScorecardRow> }> = [];
  const synced: AuditFormEntry[] = [];
  for (const card of settings.scorecards) {
    const previous = listed.find((entry) => entry.scorecard === card.name);
    const version = nextVersion(ports.store, card, previous);
    storeVersion(ports.store, card, version);
    if (version !== card.version) for (const row of card.rows) changedRows.push({ row, values: { version } });
    const info = ensureLinkedForm(
      ctx.ports,
      auditFormKey(card.name),
      auditFormSpec(lang, card, settings.staff),
    );
    synced.push({
      scorecard: card.name,
      version,
      formId: info.id,
      responseSheetId: info.responseSheetId,
      responseSheetName: info.responseSheetName,
      publishedUrl: info.publishedUrl,
    });
  }
  // Forms of scorecards removed from ⚙ Scorecards keep routing the responses they already have.
  const kept = listed.filter((entry) => !synced.some((s) => s.scorecard === entry.scorecard));
  const list: ListedForm[] = [...synced.map(({ scorecard, version }) => ({ scorecard, version })), ...kept];
  ports.store.set(LIST_KEY, JSON.stringify(list));
  if (changedRows.length > 0) {
    ctx.table<ScorecardRow>(SCORECARDS).updateRows(changedRows);
    invalidateSettings(ports);
  }
  return synced;
}
