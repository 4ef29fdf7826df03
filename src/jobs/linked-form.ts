/** A form linked to this spreadsheet: updated in place when it still exists, else created; its response sheet hidden (SPEC §3). */
import type { FormInfo, FormSpec, Ports } from '../ports';

export function upsertLinkedForm(ports: Ports, previousId: string | null, spec: FormSpec): FormInfo {
  const info = (previousId && ports.forms.update(previousId, spec)) || ports.forms.create(spec);
  const responses = info.responseSheetName ? ports.workbook.sheet(info.responseSheetName) : null;
  if (responses && !responses.isHidden()) responses.hide();
  return info;
}
