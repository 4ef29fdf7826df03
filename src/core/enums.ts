/**
 * Codes of every enumerated value. Cells show localized labels (src/i18n/messages/enums.ts, key
 * `enum.<name>.<code>`); the table layer turns a label of either language back into its code.
 */
export const ENUMS = {
  ticketType: ['complaint', 'inquiry', 'suggestion', 'repair', 'praise'],
  severity: ['general', 'major', 'urgent'],
  channel: ['phone', 'walkIn', 'email', 'online', 'letter', 'other'],
  status: [
    'new',
    'transferred',
    'inProgress',
    'waitingOnCustomer',
    'resolved',
    'closed',
    'reopened',
    'cancelled',
  ],
  slaState: ['none', 'pending', 'atRisk', 'breached', 'met', 'metLate'],
  callbackState: ['notRequired', 'waiting', 'due', 'overdue', 'done', 'unreachable', 'invalid'],
  callbackMethod: ['phone', 'sms', 'visit', 'email', 'wechat'],
  confirmation: ['signed', 'verbal', 'none'],
  yesNo: ['yes', 'no'],
  substantiated: ['yes', 'no', 'na'],
  role: ['staff', 'supervisor', 'manager', 'gm'],
  dayKind: ['holiday', 'workday'],
  historySource: ['form', 'edit', 'scheduler', 'menu', 'panel', 'import'],
  inspectionAnswerKind: ['passFail', 'score', 'passRate'],
  inspectionFrequency: ['daily', 'weekly', 'monthly', 'onDemand'],
  inspectionResult: ['pass', 'fail'],
  inspectionAnswer: ['pass', 'fail', 'na'],
  inspectionState: ['closed', 'awaitingRecheck', 'rechecked'],
  itemKind: ['scored', 'critical', 'bonus'],
  answerKind: ['points', 'yesNo', 'scale', 'passRate'],
  criticalScope: ['audit', 'section'],
  auditKind: ['normal', 'calibration'],
  auditState: ['scored', 'needsReview', 'acknowledged', 'appealed', 'revised', 'locked', 'sealed'],
  appealDecision: ['pending', 'accept', 'partly', 'reject', 'expired'],
  appealResponse: ['acknowledge', 'appeal'],
  sampleReason: ['reopened', 'dissatisfied', 'random'],
  sampleState: ['open', 'audited', 'overdue'],
  calibrationRole: ['benchmark', 'calibrator'],
  calibrationState: ['invited', 'submitted', 'closed', 'missed'],
  meritLevel: ['A2', 'A1', 'B1', 'C1'],
  meritSign: ['merit', 'demerit'],
  meritRule: ['form', 'substantiated', 'praise', 'qaRun', 'minorFault', 'seriousFault', 'appeal'],
  meritState: ['entered', 'reversal', 'needsReview'],
  assessmentKind: ['perOccurrence', 'threshold', 'targetSteps', 'qaAverage', 'merits'],
  assessmentMetric: [
    'resolveBreached',
    'callbackMissed',
    'satisfaction',
    'registrations',
    'qaAverage',
    'merits',
  ],
  assessmentState: ['provisional', 'final'],
  /** How far a ticket's escalation goes (⚙ SLA policy): levels 0 … 3 in words. */
  escalationReach: ['none', 'assignee', 'department', 'management'],
  /** How an escalation is mailed (⚙ SLA policy): at once, or in the day's summary. */
  escalationNotice: ['immediate', 'dailySummary'],
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumCode<N extends EnumName> = (typeof ENUMS)[N][number];

export type TicketType = EnumCode<'ticketType'>;
export type Severity = EnumCode<'severity'>;
export type Channel = EnumCode<'channel'>;
export type TicketStatus = EnumCode<'status'>;
export type SlaState = EnumCode<'slaState'>;
export type CallbackState = EnumCode<'callbackState'>;
export type CallbackMethod = EnumCode<'callbackMethod'>;
export type Role = EnumCode<'role'>;
export type DayKind = EnumCode<'dayKind'>;
export type HistorySource = EnumCode<'historySource'>;
export type InspectionAnswerKind = EnumCode<'inspectionAnswerKind'>;
export type InspectionFrequency = EnumCode<'inspectionFrequency'>;
export type InspectionResult = EnumCode<'inspectionResult'>;
export type InspectionState = EnumCode<'inspectionState'>;

export function isEnumCode<N extends EnumName>(name: N, value: unknown): value is EnumCode<N> {
  return typeof value === 'string' && (ENUMS[name] as readonly string[]).includes(value);
}
