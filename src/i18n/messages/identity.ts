/** Who did it, as Google tells it: the History actor when Google does not disclose the editor. */
export const en = {
  'history.actor.undisclosed': 'editor not disclosed by Google',
};

export const zh: Record<keyof typeof en, string> = {
  'history.actor.undisclosed': 'Google 未提供编辑者',
};
