/** Values kept in document properties (jobs/chunked-store.ts): what the user reads when one is damaged. */
export const en = {
  'store.error.torn':
    'Part of the desk’s saved working data is missing or out of date, so this step stopped without changing anything. Please tell whoever maintains the desk.',
};

export const zh: Record<keyof typeof en, string> = {
  'store.error.torn': '系统保存的部分工作数据缺失或已过时，本步骤已停止，未做任何更改。请联系系统维护人员。',
};
