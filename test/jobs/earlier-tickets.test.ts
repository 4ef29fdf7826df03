/**
 * Intake's memory of the rows of each contact's tickets (src/jobs/earlier-tickets.ts) stays within what
 * Google lets a property hold, 9 KB of UTF-8 a value, however many contacts and whatever letters their
 * emails use: the least recently used contacts go first.
 */
import { rememberNewTicket } from '../../src/jobs/earlier-tickets';
import type { StorePort } from '../../src/ports';

/** Document properties as Google limits them: a value over 9 KB (UTF-8) is refused. */
function limitedStore(): StorePort & { values: Map<string, string> } {
  const values = new Map<string, string>();
  const set = (key: string, value: string) => {
    if (Buffer.byteLength(value, 'utf8') > 9 * 1024) throw new Error(`value of ${key} over 9 KB`);
    values.set(key, value);
  };
  return {
    values,
    get: (key) => values.get(key) ?? null,
    set,
    setAll: (all) => {
      for (const [key, value] of Object.entries(all)) set(key, value);
    },
    delete: (key) => {
      values.delete(key);
    },
    keys: () => [...values.keys()],
    entries: () => Object.fromEntries(values),
  };
}

describe('the memory of earlier tickets', () => {
  it('5,000 contacts with Chinese emails: every chunk within 9 KB, the newest contacts kept', () => {
    const store = limitedStore();
    for (let i = 0; i < 5_000; i++) {
      const email = `客户${i}号的邮箱@例子.中国`;
      // A first complaint whose search found nothing: its contacts are known in full.
      const learned = new Map<string, number[] | null>([[email, []]]);
      rememberNewTicket(store, learned, { phone: '', email }, 100_000 + i);
    }
    const chunks = [...store.values].filter(([key]) => key.startsWith('intake.contactRows.'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const [, value] of chunks) expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(8_000);
    const remembered = Object.assign({}, ...chunks.map(([, value]) => JSON.parse(value))) as Record<
      string,
      number[]
    >;
    expect(remembered['客户4999号的邮箱@例子.中国']).toEqual([104_999]);
    expect(remembered['客户0号的邮箱@例子.中国']).toBeUndefined();
  });

  it('a contact not known in full is not remembered; one known gets each new row', () => {
    const store = limitedStore();
    rememberNewTicket(store, new Map(), { phone: '13900000001', email: '' }, 10);
    expect([...store.values.keys()]).toEqual([]);
    rememberNewTicket(store, new Map([['13900000001', [4]]]), { phone: '13900000001', email: '' }, 11);
    rememberNewTicket(store, new Map(), { phone: '13900000001', email: '' }, 12);
    const [value] = [...store.values.values()];
    expect(JSON.parse(value ?? '{}')).toEqual({ '13900000001': [4, 11, 12] });
  });
  it('a store too full to take the memory costs nothing but the memory: no error reaches the intake', () => {
    const store = limitedStore();
    store.set = () => {
      throw new Error('You have exceeded the property storage quota.');
    };
    expect(() =>
      rememberNewTicket(store, new Map([['13900000001', []]]), { phone: '13900000001', email: '' }, 10),
    ).not.toThrow();
    expect(store.values.size).toBe(0);
  });
});
