/** The add-on menu. */
export const en = {
  'menu.title': 'Service Desk',
  'menu.setup': 'Set up / repair',
  'menu.checkSetup': 'Check setup',
  'menu.runNow': 'Run scheduler now',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'menu.title': '客服工作台',
  'menu.setup': '初始化 / 修复',
  'menu.checkSetup': '检查设置',
  'menu.runNow': '立即运行调度',
};
