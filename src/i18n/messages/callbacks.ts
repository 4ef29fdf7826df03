/** Messages of the callbacks area. */
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
