/** The Outbox and what every mail shares (SPEC §14): superseded digests, capped lists. */
export const en = {
  'mail.outbox.superseded': 'Not sent: the digest of {date} replaces it',
  'mail.outbox.brokenPayload': 'The stored message is incomplete (a part of it was deleted from the Outbox)',
  'mail.list.more': '+{count} more — open the sheet',
  'col.outbox.key': 'Key',
};

export const zh: Record<keyof typeof en, string> = {
  'mail.outbox.superseded': '未发送：已由 {date} 的摘要取代',
  'mail.outbox.brokenPayload': '保存的邮件内容不完整（部分内容已从待发邮件中删除）',
  'mail.list.more': '还有 {count} 条 — 请打开表格查看',
  'col.outbox.key': '去重键',
};
