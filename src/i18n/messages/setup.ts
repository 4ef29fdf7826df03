/** Setup / repair, and problems with the workbook it builds. */
export const en = {
  'setup.done': 'Service Desk is set up: {sheets} sheets, {forms} forms, {triggers} triggers.',
  'setup.repaired': 'Repaired: {items}.',
  'setup.triggerBlocked':
    'Could not install the {kind} trigger: another script of yours already holds the one {kind} trigger allowed for this spreadsheet ({handler}).',
  'setup.issue.sheetMissing': 'The sheet is missing; defaults are used until Set up / repair recreates it.',
  'setup.note.systemColumns': 'Filled in by Service Desk. Edit only if you know why.',
  'setup.note.responses': 'Raw form responses: kept as received, never edited.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'setup.done': '客服工作台已就绪：{sheets} 张工作表、{forms} 个表单、{triggers} 个触发器。',
  'setup.repaired': '已修复：{items}。',
  'setup.triggerBlocked': '无法安装{kind}触发器：你的另一个脚本已占用本表格唯一的{kind}触发器（{handler}）。',
  'setup.issue.sheetMissing': '该工作表缺失；在“初始化 / 修复”重新创建之前使用默认值。',
  'setup.note.systemColumns': '由客服工作台自动填写，非必要请勿修改。',
  'setup.note.responses': '表单原始回复：按收到的内容保存，不做修改。',
};
