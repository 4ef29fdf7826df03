/** The build (scripts/build.mjs): what Apps Script will see in dist/Code.js. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';

const root = join(__dirname, '../..');

/** Runs the real build script in its own Node process (it is an ES module) with the given options. */
function build(options: Record<string, string>): { status: number | null; stderr: string } {
  const script = `import('./scripts/build.mjs').then((m) => m.buildBundle(${JSON.stringify(options)})).catch((e) => { console.error(e.message); process.exit(1); })`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'onFormSubmit',
  'onEdit',
  'runScheduler',
  'menuSetup',
  'menuCheckSetup',
  'menuRunScheduler',
];

describe('dist/Code.js', () => {
  const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');

  it('loads in a bare context (no Apps Script globals: nothing runs at top level) and exposes the entry points as top-level functions', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of ENTRY_POINTS) {
      expect(typeof vm.runInContext(`typeof ${name}`, context)).toBe('string');
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('function');
    }
  });

  it('declares one real function per export of src/index.ts and leaks no other global', () => {
    const declared = [...code.matchAll(/^function (\w+)\(/gm)].map((match) => match[1]).sort();
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const exported = Object.keys(vm.runInContext('App', context) as object).sort();
    expect(declared).toEqual(exported);
    expect(exported).toEqual(expect.arrayContaining(ENTRY_POINTS));
    expect(Object.keys(context).sort()).toEqual(['App', ...exported].sort());
  });

  it('is not minified and ships the manifest with explicit least-privilege scopes', () => {
    expect(code.split('\n').length).toBeGreaterThan(1000);
    const manifest = JSON.parse(readFileSync(join(root, 'dist/appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      exceptionLogging: string;
      oauthScopes: string[];
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });
});

describe('the build refuses a bundle that misses a trigger or menu handler', () => {
  it('fails with a message naming the handler, and writes nothing', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'build-'));
    const result = build({
      entry: 'test/build/fixtures/entry.ts',
      handlers: 'test/build/fixtures/handlers.ts',
      outDir,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not exported from src\/index\.ts: runScheduler/);
    expect(existsSync(join(outDir, 'Code.js'))).toBe(false);
  });

  it('succeeds for a bundle that exports every handler', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'build-'));
    const result = build({ outDir });
    expect(result.status).toBe(0);
    expect(existsSync(join(outDir, 'Code.js'))).toBe(true);
    expect(existsSync(join(outDir, 'appsscript.json'))).toBe(true);
  });
});

describe('src/ compiles against Apps Script only', () => {
  it('setTimeout, process, fetch and the DOM are compile errors under the src tsconfig', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(
      process.execPath,
      [tsc, '--noEmit', '-p', 'test/build/fixtures/forbidden/tsconfig.json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(result.status).not.toBe(0);
    for (const name of ['setTimeout', 'process', 'fetch', 'document']) {
      expect(result.stdout).toMatch(new RegExp(`Cannot find name '${name}'`));
    }
  });
});
