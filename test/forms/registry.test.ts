/** The form registry (src/forms/registry.ts): the one reader of what setup stored about each form. */
import { registeredForm, registerForm } from '../../src/forms/registry';
import type { FormInfo, StorePort } from '../../src/ports';
import { chunkName, chunksOf, propertiesStore } from '../helpers/properties-store';

function store(entries: Record<string, string> = {}): StorePort {
  const map = new Map(Object.entries(entries));
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    setAll: (values) => {
      for (const [key, value] of Object.entries(values)) map.set(key, value);
    },
    delete: (key) => void map.delete(key),
    keys: () => [...map.keys()],
    entries: () => Object.fromEntries(map),
  };
}

const INFO: FormInfo = {
  id: 'form-1',
  publishedUrl: 'https://forms.example/1',
  editUrl: 'https://forms.example/1/edit',
  responseSheetName: 'Form responses 1',
  responseSheetId: 42,
};

describe('form registry', () => {
  test('what setup registers is read back as it was', () => {
    const props = store();
    registerForm(props, 'form.callback', INFO);
    expect(registeredForm(props, 'form.callback')).toEqual(INFO);
    expect(registeredForm(props, 'form.intake')).toBeNull();
  });

  test.each([
    ['not JSON', '{oops'],
    ['JSON null', 'null'],
    ['no id', JSON.stringify({ responseSheetId: 42 })],
    ['an empty id', JSON.stringify({ id: '', responseSheetId: 42 })],
  ])('a record edited by hand (%s) counts as not registered, never throws', (_, text) => {
    expect(registeredForm(store({ 'form.intake': text }), 'form.intake')).toBeNull();
  });

  test('missing fields of a readable record get neutral values (no response sheet yet)', () => {
    const props = store({ 'form.intake': JSON.stringify({ id: 'form-2' }) });
    expect(registeredForm(props, 'form.intake')).toEqual({
      id: 'form-2',
      publishedUrl: '',
      editUrl: '',
      responseSheetName: '',
      responseSheetId: 0,
    });
  });

  test("a long form's record (its item ids past 9 KB) is kept in chunks and read back whole; a torn one counts as not registered", () => {
    const map = new Map<string, string>();
    const props = propertiesStore(map);
    const items = Object.fromEntries(
      Array.from({ length: 800 }, (_, i) => [`item.${i}`, 1_000_000_000 + i * 7919]),
    );
    registerForm(props, 'form.audit.Long', { ...INFO, items });
    expect(chunksOf(map.keys(), 'form.audit.Long').length).toBeGreaterThan(1);
    expect(registeredForm(props, 'form.audit.Long')).toEqual({ ...INFO, items });
    map.delete(chunkName('form.audit.Long', 1));
    expect(registeredForm(props, 'form.audit.Long')).toBeNull();
  });
});
