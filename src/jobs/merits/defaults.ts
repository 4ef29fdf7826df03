/** The rows setup writes into new ⚙ Merit catalog and ⚙ Assessment rules sheets, in the desk's language. */
import { DEFAULT_ASSESSMENT_RULES, DEFAULT_CATALOG } from '../../core/merits';
import { type Lang, t } from '../../i18n';
import type { AssessmentRuleRow, MeritCatalogRow } from '../../workbook/schemas';

export function defaultMeritCatalogRows(lang: Lang): Array<Partial<MeritCatalogRow>> {
  return DEFAULT_CATALOG.map((entry) => ({
    item: t(lang, entry.item),
    level: entry.level,
    sign: entry.sign,
    automatic: entry.automatic ?? '',
    note: entry.note ? t(lang, entry.note) : '',
    active: true,
  }));
}

export function defaultAssessmentRuleRows(lang: Lang): Array<Partial<AssessmentRuleRow>> {
  return DEFAULT_ASSESSMENT_RULES.map((rule) => ({
    rule: t(lang, rule.rule),
    kind: rule.kind,
    metric: rule.metric,
    points: rule.points ?? '',
    threshold: rule.threshold ?? '',
    target: rule.target ?? '',
    step: rule.step ?? '',
    upper: rule.upper ?? '',
    upperPoints: rule.upperPoints ?? '',
    lower: rule.lower ?? '',
    lowerPoints: rule.lowerPoints ?? '',
    scope: '',
    active: rule.active,
  }));
}
