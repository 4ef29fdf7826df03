/** Escalation notices (issue 14 "Noise"): levels in words, the daily summary, the line's extra columns. */
export const en = {
  'escalation.level.1': 'At risk',
  'escalation.level.2': 'Breached: department head',
  'escalation.level.3': 'Seriously late: CS manager and GM',
  'escalation.col.issue': 'Issue · customer',
  'escalation.col.open': 'Row',
  'escalation.openRow': 'Open ticket',
  'escalation.stageDue': '{stage} {due}',
  'escalation.summary.subject': '[Service Desk] Escalation summary {date}: {count} ticket(s)',
  'escalation.summary.intro':
    'The tickets escalated to you since the last summary, with where each one stands now. A department head hears of a breached deadline; the CS manager and the GM of one more than 1 working day late. Major complaints and Urgent tickets are sent at once instead. Each level is sent once.',
  'escalation.summary.reason': 'escalation summary',
  'scheduler.job.escalationSummary': 'Escalation summary',
  'settings.general.escalationSummaryHour': 'Daily escalation summary hour',
  'settings.general.alertsPerPersonPerDay': 'Immediate escalation emails per person per day',
  'settings.note.alertsPerPersonPerDay':
    'Major complaints and Urgent tickets are emailed at once, but each person gets at most this many such emails a day. Later ones that day are not lost: they are listed in the next daily escalation summary instead.',
  'escalation.summary.held':
    '{count} of them were late Major complaints or Urgent tickets: you had already received {cap} immediate emails today, so they are listed here instead.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'escalation.level.1': '临近超时',
  'escalation.level.2': '已超时：部门负责人',
  'escalation.level.3': '严重超时：客服经理和总经理',
  'escalation.col.issue': '问题 · 客户',
  'escalation.col.open': '行',
  'escalation.openRow': '打开工单',
  'escalation.stageDue': '{stage} {due}',
  'escalation.summary.subject': '【客服工作台】升级汇总 {date}：{count} 张工单',
  'escalation.summary.intro':
    '自上次汇总以来升级给你的工单，以及每张工单现在的进展。超时的工单通知部门负责人；超时超过 1 个工作日的通知客服经理和总经理。重大投诉和紧急工单改为立即通知。每一级只通知一次。',
  'escalation.summary.reason': '升级汇总',
  'scheduler.job.escalationSummary': '升级汇总',
  'settings.general.escalationSummaryHour': '每日升级汇总发送时刻',
  'settings.general.alertsPerPersonPerDay': '每人每天最多立即升级通知数',
  'settings.note.alertsPerPersonPerDay':
    '重大投诉和紧急工单会立即发邮件通知，但每人每天最多收到这么多封。当天超出的不会丢失，改为列入下一次每日升级汇总。',
  'escalation.summary.held':
    '其中 {count} 张是超时的重大投诉或紧急工单：你今天已收到 {cap} 封立即通知，所以改在这里列出。',
};
