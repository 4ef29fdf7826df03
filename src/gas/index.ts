import type { Ports } from '../ports';
import { GasForms } from './forms';
import {
  GasCache,
  GasClock,
  GasDocumentStore,
  GasLock,
  GasLog,
  GasMail,
  GasSession,
  GasTriggers,
  GasUi,
} from './services';
import { GasWorkbook } from './workbook';

/**
 * The ports of one execution. Services are only opened when a job first uses them, so an entry point
 * running in AuthMode.NONE/LIMITED never touches a service it may not use.
 */
export function createGasPorts(authMode?: GoogleAppsScript.Script.AuthMode): Ports {
  const lazy = <T>(make: () => T): (() => T) => {
    let instance: T | undefined;
    return () => {
      if (instance === undefined) instance = make();
      return instance;
    };
  };
  const store = lazy(() => new GasDocumentStore());
  const cache = lazy(() => new GasCache());
  return {
    workbook: new GasWorkbook(),
    forms: new GasForms(),
    mail: new GasMail(),
    lock: new GasLock(),
    get store() {
      return store();
    },
    get cache() {
      return cache();
    },
    triggers: new GasTriggers(),
    clock: new GasClock(),
    log: new GasLog(),
    ui: new GasUi(),
    session: new GasSession(authMode),
  };
}
