/**
 * The default ⚙ Merit catalog and ⚙ Assessment rules setup writes (as message keys: the job words them
 * in the sheet's language). Managers edit them freely; nothing in code depends on these names.
 */
import type { MessageKey } from '../../i18n';
import type { EnumCode } from '../enums';
import type { AutomaticRule, MeritLevel, MeritSign } from './catalog';

export interface DefaultCatalogItem {
  item: MessageKey;
  level: MeritLevel;
  sign: MeritSign;
  automatic?: AutomaticRule;
  note?: MessageKey;
}

/** The CS desk's rules (客服部奖惩管理准则, seed 001 L585–615) and the fault scale (seed 000 §7.3). */
export const DEFAULT_CATALOG: readonly DefaultCatalogItem[] = [
  { item: 'merits.default.proxyClocking', level: 'B1', sign: 'demerit' }, // seed 001 L585
  { item: 'merits.default.noUniform', level: 'C1', sign: 'demerit' }, // seed 001 L587
  { item: 'merits.default.leftPost', level: 'B1', sign: 'demerit' }, // seed 001 L589
  { item: 'merits.default.nonWork', level: 'B1', sign: 'demerit' }, // seed 001 L591
  { item: 'merits.default.taskLate', level: 'C1', sign: 'demerit' }, // seed 001 L593
  { item: 'merits.default.leaveUnapproved', level: 'B1', sign: 'demerit' }, // seed 001 L595–597
  { item: 'merits.default.mealDesk', level: 'C1', sign: 'demerit' }, // seed 001 L599–601
  // seed 001 L603–605: a complaint about service attitude −B1; recorded when the complaint is substantiated.
  {
    item: 'merits.default.attitudeComplaint',
    level: 'B1',
    sign: 'demerit',
    automatic: 'substantiated',
    note: 'merits.default.note.auto',
  },
  { item: 'merits.default.giftStore', level: 'C1', sign: 'demerit' }, // seed 001 L607
  // seed 001 L609: high praise or a praise letter +A1.
  {
    item: 'merits.default.praiseLetter',
    level: 'A1',
    sign: 'merit',
    automatic: 'praise',
    note: 'merits.default.note.auto',
  },
  { item: 'merits.default.grievance', level: 'B1', sign: 'merit' }, // seed 001 L611
  { item: 'merits.default.recoveredLoss', level: 'A1', sign: 'merit' }, // seed 001 L613
  { item: 'merits.default.foundProperty', level: 'B1', sign: 'merit', note: 'merits.default.note.atLeast' }, // seed 001 L615
  // seed 000 L757: the consequence of consecutive low audits; the level is the desk's choice.
  {
    item: 'merits.default.qaRun',
    level: 'B1',
    sign: 'demerit',
    automatic: 'qaRun',
    note: 'merits.default.note.auto',
  },
  // seed 000 L797, L805, L835: 一般过失 / 严重过失, here −B1 / −A1 (the seeds give no points).
  {
    item: 'merits.default.minorFault',
    level: 'B1',
    sign: 'demerit',
    automatic: 'minorFault',
    note: 'merits.default.note.auto',
  },
  {
    item: 'merits.default.seriousFault',
    level: 'A1',
    sign: 'demerit',
    automatic: 'seriousFault',
    note: 'merits.default.note.auto',
  },
];

export interface DefaultAssessmentRule {
  rule: MessageKey;
  kind: EnumCode<'assessmentKind'>;
  metric: EnumCode<'assessmentMetric'>;
  points?: number;
  threshold?: number;
  target?: number;
  step?: number;
  upper?: number;
  upperPoints?: number;
  lower?: number;
  lowerPoints?: number;
  active: boolean;
}

/** SPEC §8.3's examples, each of a generic kind with its numbers in the row. */
export const DEFAULT_ASSESSMENT_RULES: readonly DefaultAssessmentRule[] = [
  // −2 per own ticket that breached its resolve SLA (SPEC §8.3).
  {
    rule: 'assessment.default.resolveBreached',
    kind: 'perOccurrence',
    metric: 'resolveBreached',
    points: -2,
    active: true,
  },
  // −1 per own missed or invalid callback (SPEC §8.3).
  {
    rule: 'assessment.default.callbackMissed',
    kind: 'perOccurrence',
    metric: 'callbackMissed',
    points: -1,
    active: true,
  },
  // −5 when own callback satisfaction < 90 % (SPEC §8.3).
  {
    rule: 'assessment.default.satisfaction',
    kind: 'threshold',
    metric: 'satisfaction',
    threshold: 90,
    points: -5,
    active: true,
  },
  // seed 000 L327–329: 330 registrations = 100, ±1 per 10, > 380 → +10, < 280 → −10. A sales desk's
  // rule; off by default for a property desk.
  {
    rule: 'assessment.default.registrations',
    kind: 'targetSteps',
    metric: 'registrations',
    target: 330,
    step: 10,
    points: 1,
    upper: 380,
    upperPoints: 10,
    lower: 280,
    lowerPoints: -10,
    active: false,
  },
  // QA average < 80 → warning and −5 (seed 000 L751, SPEC §8.3).
  {
    rule: 'assessment.default.qaAverage',
    kind: 'qaAverage',
    metric: 'qaAverage',
    threshold: 80,
    points: -5,
    active: true,
  },
  // Merits − demerits of the month, point for point (SPEC §8.3).
  { rule: 'assessment.default.merits', kind: 'merits', metric: 'merits', points: 1, active: true },
];
