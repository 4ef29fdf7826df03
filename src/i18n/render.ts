/** Renders the messages core returns (src/core/message.ts) in one language. */
import type { MessageParam } from '../core/message';
import { type Lang, t } from './index';

export function render(lang: Lang, message: MessageParam): string {
  if (typeof message === 'string') return message;
  if (typeof message === 'number') return String(message);
  if ('list' in message) {
    return message.list.map((part) => render(lang, part)).join(render(lang, message.separator));
  }
  if (!message.params) return t(lang, message.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) {
    params[name] = typeof value === 'object' ? render(lang, value) : value;
  }
  return t(lang, message.key, params);
}
