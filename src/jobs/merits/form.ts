/**
 * The merit form, generated from ⚙ Merit catalog and ⚙ Staff and updated in place (by its stored item
 * ids) by setup and whenever ⚙ Merit catalog is edited.
 */
import { meritFormSpec } from '../../forms/merit';
import type { FormInfo } from '../../ports';
import type { JobContext } from '../context';
import { ensureLinkedForm } from '../linked-form';
import type { DeskSettings } from '../settings';

export function syncMeritForm(ctx: JobContext, settings: DeskSettings): FormInfo {
  return ensureLinkedForm(
    ctx.ports,
    'form.merit',
    meritFormSpec(ctx.lang, settings.meritCatalog, settings.staff),
  );
}
