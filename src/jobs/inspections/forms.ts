/**
 * The inspection forms: one per ⚙ Checklists template, made or updated in place (by item id: responses,
 * response columns and pre-filled links survive) by setup and by every edit of ⚙ Checklists or ⚙ Areas,
 * and registered in the form registry under `form.inspection.<template>`; the list of templates with a
 * form is kept beside it, so a form-submit event finds its template without a Sheets call.
 *
 * Versions, as scorecards have them: a template whose items or rules changed since its form was last
 * made gets the next version, written in its Version cell, so each inspection row says which version
 * it was scored on. A copy of each version is kept (./versions.ts), so a response to the older form
 * recorded after the change is scored on the version it answered.
 */
import { fnv1a } from '../../core/hash';
import type { ChecklistTemplate } from '../../core/inspections';
import { inspectionFormSpec } from '../../forms/inspection';
import { type InspectionFormKey, registeredForm } from '../../forms/registry';
import type { Lang } from '../../i18n';
import type { FormInfo, FormSpec, Ports } from '../../ports';
import { CHECKLISTS, type ChecklistRow } from '../../workbook/schemas';
import type { JobContext } from '../context';
import { ensureLinkedForm } from '../linked-form';
import { type DeskSettings, invalidateSettings } from '../settings';
import { INSPECTIONS_SINCE_KEY } from './report-read';
import { keepTemplateCopy, type PublishedVersions } from './versions';

const TEMPLATES_KEY = 'form.inspection.templates';

function formKey(template: string): InspectionFormKey {
  return `form.inspection.${template}`;
}

function templatesWithForms(ports: Pick<Ports, 'store'>): string[] {
  const saved = ports.store.get(TEMPLATES_KEY);
  if (!saved) return [];
  try {
    const names = JSON.parse(saved) as unknown;
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** The inspection form of a template, if setup made one. */
export function inspectionFormInfo(ports: Ports, template: string): FormInfo | null {
  return registeredForm(ports.store, formKey(template));
}

/** The registry keys of every inspection form setup made (the inbox reconciles their responses). */
export function inspectionFormKeys(ports: Pick<Ports, 'store'>): InspectionFormKey[] {
  return templatesWithForms(ports).map(formKey);
}

/**
 * Makes or updates the form of every template. `ensureForm` updates a registered form in place
 * (keeping its responses) or creates it. Forms of templates no longer in ⚙ Checklists stay listed, so
 * their late responses are still recognised (and reported).
 */
function ensureInspectionForms(
  ports: Ports,
  lang: Lang,
  settings: DeskSettings,
  ensureForm: (key: InspectionFormKey, spec: FormSpec) => FormInfo,
): string[] {
  // Schedules count from the first setup: the days before it are not missed inspections.
  if (!ports.store.get(INSPECTIONS_SINCE_KEY))
    ports.store.set(INSPECTIONS_SINCE_KEY, String(ports.clock.now().getTime()));
  const templates = new Set(templatesWithForms(ports));
  const ids: string[] = [];
  for (const template of settings.checklists) {
    const info = ensureForm(
      formKey(template.name),
      inspectionFormSpec(lang, template, settings.areas, settings.staff),
    );
    templates.add(template.name);
    ids.push(info.id);
  }
  ports.store.set(TEMPLATES_KEY, JSON.stringify([...templates]));
  return ids;
}

/**
 * What a version is made of — everything that changes how an inspection is asked or scored — as a short
 * hash (two FNV-1a passes and the length): a property value holds 9 KB, a long checklist's JSON does not.
 */
function fingerprintOf(template: ChecklistTemplate): string {
  const { name, version, row, ...content } = template;
  const text = JSON.stringify(content);
  const a = fnv1a(text);
  // The second pass reads the text backwards, offset and prime swapped (UTF-16 code units, as charCodeAt).
  const b = fnv1a(text.split('').reverse().join(''), 0x01000193, 0x811c9dc5);
  return `${a.toString(36)}.${b.toString(36)}.${text.length}`;
}

function versionKey(template: string): string {
  return `inspection.version.${template}`;
}

interface StoredVersion {
  version: number;
  fingerprint: string;
  /** The versions with a copy kept, and when each was published (absent before copies were kept). */
  published?: PublishedVersions;
}

function storedVersion(ports: Ports, template: string): StoredVersion | null {
  try {
    const saved = JSON.parse(ports.store.get(versionKey(template)) ?? 'null') as StoredVersion | null;
    return saved && typeof saved.version === 'number' ? saved : null;
  } catch {
    return null;
  }
}

/** The versions of a template with a copy kept, and when each was published. */
export function publishedVersions(ports: Ports, template: string): PublishedVersions {
  const published = storedVersion(ports, template)?.published;
  return Array.isArray(published) ? published : [];
}

/**
 * Numbers changed templates (the Version cell of the template's own row) and makes or updates every
 * inspection form. Setup and the edit of a ⚙ Checklists or ⚙ Areas cell call it, under the document lock.
 */
export function syncInspectionForms(ctx: JobContext, settings: DeskSettings): string[] {
  const { ports } = ctx;
  const changed: Array<{ row: number; values: Partial<ChecklistRow> }> = [];
  const now = ports.clock.now().getTime();
  const templates = settings.checklists.map((template) => {
    const fingerprint = fingerprintOf(template);
    const stored = storedVersion(ports, template.name);
    const version =
      stored && stored.fingerprint !== fingerprint
        ? Math.max(stored.version + 1, template.version)
        : Math.max(stored?.version ?? 0, template.version);
    // The copy first: a kill before the record leaves a copy no record names yet (made again next time).
    keepTemplateCopy(ports.store, { ...template, version });
    const published = [...(stored?.published ?? [])];
    if (!published.some(([kept]) => kept === version)) published.push([version, now]);
    const record: StoredVersion = { version, fingerprint, published };
    const text = JSON.stringify(record);
    if (ports.store.get(versionKey(template.name)) !== text) ports.store.set(versionKey(template.name), text);
    if (version === template.version) return template;
    // A template without its own row runs on the defaults: its version is kept here only.
    if (template.row > 0) changed.push({ row: template.row, values: { version } });
    return { ...template, version };
  });
  if (changed.length > 0) {
    ctx.table<ChecklistRow>(CHECKLISTS).updateRows(changed);
    invalidateSettings(ports);
  }
  return ensureInspectionForms(ports, ctx.lang, { ...settings, checklists: templates }, (key, spec) =>
    ensureLinkedForm(ports, key, spec),
  );
}
