/**
 * A form linked to this spreadsheet, kept in the form registry: updated in place by its stored item ids
 * when it still exists (its responses, response columns and pre-filled links survive), else created;
 * its response sheet hidden (SPEC §3).
 */
import { type FormKey, registeredForm, registerForm } from '../forms/registry';
import type { FormInfo, FormSpec, Ports } from '../ports';

export function ensureLinkedForm(ports: Ports, key: FormKey, spec: FormSpec): FormInfo {
  const previous = registeredForm(ports.store, key);
  const updated = previous ? ports.forms.update(previous.id, spec, previous.items) : null;
  const info = updated ?? ports.forms.create(spec);
  registerForm(ports.store, key, info);
  const responses = info.responseSheetName ? ports.workbook.sheet(info.responseSheetName) : null;
  if (responses && !responses.isHidden()) responses.hide();
  return info;
}
