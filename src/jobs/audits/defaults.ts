/** The rows setup writes into a new ⚙ Scorecards sheet, in the desk's language (core/audits defaults). */
import { DEFAULT_SCORECARDS } from '../../core/audits';
import { type Lang, type MessageKey, t } from '../../i18n';
import type { ScorecardRow } from '../../workbook/schemas';

export function defaultScorecardRows(lang: Lang): Array<Partial<ScorecardRow>> {
  const rows: Array<Partial<ScorecardRow>> = [];
  for (const card of DEFAULT_SCORECARDS) {
    let first = true;
    for (const section of card.sections) {
      for (const item of section.items) {
        rows.push({
          scorecard: t(lang, card.name as MessageKey),
          version: 1,
          section: t(lang, section.text as MessageKey),
          item: t(lang, item.text as MessageKey),
          kind: item.kind,
          answer: item.answer,
          max: item.max,
          weight: 1,
          allowNa: item.allowNa,
          criticalScope: first ? 'audit' : '',
          rootCauses: first ? t(lang, 'audits.default.rootCauses') : '',
          active: true,
        });
        first = false;
      }
    }
  }
  return rows;
}
