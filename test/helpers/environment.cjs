/**
 * Jest's node environment, with the standard built-ins bound lexically in the test context.
 *
 * Every module a test loads (the emulator, the harness) runs in jest's vm context, where Node resolves
 * a global such as `Array` or `Math` through the context's interceptors on every use: about 20 times
 * slower than in a plain script (the emulator's cell loops call Array.isArray millions of times). A
 * top-level `let Array = globalThis.Array, …` run once in the context makes each of these names a
 * lexical binding (the global lexical environment every later script and function sees): the same
 * objects, resolved directly. Only ECMAScript's own built-ins are bound: not Date, timers or anything
 * jest or a test may replace (fake timers), so mocking works as before.
 */
const vm = require('node:vm');

const { TestEnvironment } = require(
  require.resolve('jest-environment-node', { paths: [require.resolve('jest')] }),
);

const BUILT_INS = [
  'Object',
  'Function',
  'Array',
  'Number',
  'Boolean',
  'String',
  'Symbol',
  'BigInt',
  'Math',
  'JSON',
  'Reflect',
  'Proxy',
  'RegExp',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'Intl',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
];

class FastGlobals extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const bound = BUILT_INS.filter((name) => typeof this.global[name] !== 'undefined');
    vm.runInContext(
      `let ${bound.map((name) => `${name} = globalThis.${name}`).join(', ')};`,
      this.getVmContext(),
    );
  }
}

module.exports = FastGlobals;
