/**
 * The form registry: setup records each form it creates (id, response sheet) in document properties,
 * under one key per form. This is the one reader and writer of those records. A record lists the form's
 * item ids, so a long form's outgrows one property (9 KB; a 120-item scorecard's is 12 KB): it is kept
 * in chunks (jobs/chunked-store.ts).
 */
import { readChunked, writeChunked } from '../jobs/chunked-store';
import type { FormInfo, StorePort } from '../ports';

/** Document-property keys of the forms setup creates. */
export const FORM_KEYS = [
  'form.intake',
  'form.customer',
  'form.callback',
  'form.auditAppeal',
  'form.merit',
  'form.assessmentAppeal',
] as const;
/** One inspection form per ⚙ Checklists template (listed by jobs/inspections/forms.ts). */
export type InspectionFormKey = `form.inspection.${string}`;
/** One audit form per ⚙ Scorecards scorecard (listed, with its version, by jobs/audits/forms.ts). */
export type AuditFormKey = `form.audit.${string}`;
export type FormKey = (typeof FORM_KEYS)[number] | InspectionFormKey | AuditFormKey;

/**
 * The registered form, or null when none is registered or the record is unreadable (edited by hand,
 * say): setup then creates the form again, the digest leaves the callback link out, and a submission is
 * matched against the other forms.
 */
export function registeredForm(store: StorePort, key: FormKey): FormInfo | null {
  try {
    // A record kept in chunks and torn is as unreadable as one edited by hand.
    const saved = readChunked(store, key);
    if (!saved) return null;
    const info = JSON.parse(saved) as Partial<FormInfo> | null;
    if (!info || typeof info.id !== 'string' || info.id === '') return null;
    return {
      id: info.id,
      publishedUrl: typeof info.publishedUrl === 'string' ? info.publishedUrl : '',
      editUrl: typeof info.editUrl === 'string' ? info.editUrl : '',
      responseSheetName: typeof info.responseSheetName === 'string' ? info.responseSheetName : '',
      responseSheetId: typeof info.responseSheetId === 'number' ? info.responseSheetId : 0,
      ...itemIdsOf(info.items),
    };
  } catch {
    return null;
  }
}

/** The stored item ids (question key → form item id), kept only when every entry is a number. */
function itemIdsOf(items: unknown): Pick<FormInfo, 'items'> {
  if (!items || typeof items !== 'object') return {};
  const entries = Object.entries(items as Record<string, unknown>);
  if (!entries.every(([, id]) => typeof id === 'number')) return {};
  return { items: Object.fromEntries(entries) as Record<string, number> };
}

export function registerForm(store: StorePort, key: FormKey, info: FormInfo): void {
  writeChunked(store, key, JSON.stringify(info));
}
