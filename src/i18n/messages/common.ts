/** Messages shared by every area. */
export const en = {
  'common.error': 'Service Desk: something went wrong: {message}',
  'common.done': 'Done.',
  'common.busy': 'Another operation is in progress; please try again in a minute.',
} as const;

export const zh: Record<keyof typeof en, string> = {
  'common.error': '客服工作台出错：{message}',
  'common.done': '已完成。',
  'common.busy': '另一项操作正在进行，请稍后再试。',
};
