/**
 * What a `google.script.run.fn(...args)` call from an HTML-service page becomes on the server
 * (developers.google.com/apps-script/guides/html/communication, reference/run):
 * - only top-level functions can be called, and not those whose names end in `_` (private);
 * - "Legal parameters and return values are JavaScript primitives like a Number, Boolean, String, or
 *   null, as well as JavaScript objects and arrays that are composed of primitives, objects and arrays";
 *   "Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other
 *   prohibited type, including prohibited types inside objects or arrays"; "undefined fields within
 *   arrays become null"; the server gets a copy.
 * - the call is one new execution as the user at the keyboard, AuthMode.FULL, with a user interface.
 *
 * Return values follow the same rule here: a Date (or function) in a return value fails the call, so the
 * product can never rely on a value Google would not deliver.
 */

/** Why a value may not cross google.script.run, or null when it may. */
export function illegalValue(value: unknown, path = 'value'): string | null {
  if (value === null || value === undefined) return null;
  const kind = typeof value;
  if (kind === 'string' || kind === 'boolean') return null;
  if (kind === 'number') return null;
  if (kind === 'function') return `${path} is a function`;
  if (kind !== 'object') return `${path} is a ${kind}`;
  if (Object.prototype.toString.call(value) === '[object Date]') return `${path} is a Date`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const reason = illegalValue(value[i], `${path}[${i}]`);
      if (reason) return reason;
    }
    return null;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return `${path} is not a plain object`;
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    const reason = illegalValue(field, `${path}.${key}`);
    if (reason) return reason;
  }
  return null;
}

/** The copy the other side receives: undefined array items become null, undefined fields are dropped. */
export function transferCopy(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === undefined ? null : v)));
}

export class ScriptRunError extends Error {
  override readonly name = 'ScriptRunError';
}

/** Checks a call before it runs: the function name and the arguments. Throws ScriptRunError. */
export function checkScriptRunCall(name: string, args: readonly unknown[]): void {
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || name.endsWith('_')) {
    throw new ScriptRunError(`Script function not found: ${name}`);
  }
  args.forEach((arg, i) => {
    const reason = illegalValue(arg, `argument ${i}`);
    if (reason) throw new ScriptRunError(`Failed due to illegal value: ${reason}`);
  });
}

/** Checks what the server function returned. Throws ScriptRunError. */
export function checkScriptRunResult(name: string, result: unknown): unknown {
  const reason = illegalValue(result, 'return value');
  if (reason) throw new ScriptRunError(`${name}: illegal return value: ${reason}`);
  return transferCopy(result);
}
