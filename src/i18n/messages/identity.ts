/** What Google tells a trigger: who edited (when it discloses it) and what changed (onChange). */
export const en = {
  'history.actor.undisclosed': 'editor not disclosed by Google',
  'health.trigger.kind.change': 'Sheet structure change (rows deleted or sorted in ⚙ sheets)',
};

export const zh: Record<keyof typeof en, string> = {
  'history.actor.undisclosed': 'Google 未提供编辑者',
  'health.trigger.kind.change': '表格结构变更（⚙ 工作表删除行或排序）',
};
