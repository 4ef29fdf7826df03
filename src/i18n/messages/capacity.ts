/** Google's 10,000,000-cell limit: the health check's gauge, its ⚙ setting, and the error near the limit. */
export const en = {
  'settings.general.capacityWarnPercent':
    'Warn when the spreadsheet holds this % of Google’s 10,000,000 cells',
  'health.section.capacity': 'Spreadsheet size',
  'health.capacity.used':
    '{used} of {limit} cells used ({percent} %). Google counts every sheet’s rows × columns, empty ones too.',
  'health.capacity.warning':
    'The spreadsheet is {percent} % full (warning from {warn} %). Near the limit new tickets cannot be added: move settled tickets to an archive spreadsheet, delete empty rows and columns, or start a new spreadsheet for the desk.',
  'capacity.full':
    'The spreadsheet is full: Google allows 10,000,000 cells in one spreadsheet, and this change needs more. Nothing was lost — form responses wait in their sheet and are processed once there is room. Move settled tickets to an archive or delete empty rows and columns, then run Check setup.',
};

export const zh: Record<keyof typeof en, string> = {
  'settings.general.capacityWarnPercent': '表格用量达到 Google 1000 万单元格上限的百分之几时提醒',
  'health.section.capacity': '表格容量',
  'health.capacity.used':
    '已用 {used} / {limit} 个单元格（{percent}%）。Google 按每个工作表的行数 × 列数计算，空行空列也算。',
  'health.capacity.warning':
    '表格已用 {percent}%（{warn}% 起提醒）。接近上限时将无法新增工单：请把已结案工单移到归档表格、删除空行空列，或为客服部另建新表格。',
  'capacity.full':
    '表格已满：Google 规定一个表格最多 1000 万个单元格，此操作需要更多。没有丢失任何数据——表单回复保留在回复表中，有空间后会继续处理。请把已结案工单移到归档表格或删除空行空列，然后运行“检查设置”。',
};
