/** The product's StorePort over a map of the emulator's properties (its 9 KB / 500 KB limits and all). */
import { Properties } from '../../scripts/emulator/properties';
import type { StorePort } from '../../src/ports';

export function propertiesStore(map: Map<string, string>): StorePort {
  const properties = new Properties(map);
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => void properties.setProperty(key, value),
    setAll: (values) => void properties.setProperties(values),
    delete: (key) => void properties.deleteProperty(key),
    keys: () => properties.getKeys(),
    entries: () => properties.getProperties(),
  };
}
