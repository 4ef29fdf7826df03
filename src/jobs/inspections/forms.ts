/**
 * The inspection forms: one per ⚙ Checklists template, made or updated in place by setup and registered
 * in the form registry under `form.inspection.<template>`; the list of templates with a form is kept
 * beside it, so a form-submit event finds its template without a Sheets call.
 */
import { inspectionFormSpec } from '../../forms/inspection';
import { type InspectionFormKey, registeredForm } from '../../forms/registry';
import type { Lang } from '../../i18n';
import type { FormInfo, FormSpec, Ports } from '../../ports';
import type { DeskSettings } from '../settings';
import { INSPECTIONS_SINCE_KEY } from './report-read';

const TEMPLATES_KEY = 'form.inspection.templates';

function formKey(template: string): InspectionFormKey {
  return `form.inspection.${template}`;
}

function templatesWithForms(ports: Ports): string[] {
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
export function inspectionFormKeys(ports: Ports): InspectionFormKey[] {
  return templatesWithForms(ports).map(formKey);
}

/**
 * Makes or updates the form of every template. `ensureForm` is setup's: it updates a registered form in
 * place (keeping its responses) or creates it. Forms of templates no longer in ⚙ Checklists stay listed,
 * so their late responses are still recognised (and reported).
 */
export function ensureInspectionForms(
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
