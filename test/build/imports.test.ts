/** The import rules of src/ (GUIDE "Architecture"), checked by scripts/imports.ts. */
import { join } from 'node:path';
import { coreLeaks, importCycles, importEdges } from '../../scripts/imports';

const SRC = join(__dirname, '../../src');
const FIXTURE = join(__dirname, 'fixtures/imports');

describe('import rules', () => {
  test('src/ has no import cycle', () => {
    expect(importCycles(importEdges(SRC))).toEqual([]);
  });

  test('core/ imports nothing outside core/ but i18n types (core returns messages; jobs render them)', () => {
    expect(coreLeaks(importEdges(SRC))).toEqual([]);
  });

  test('the checker finds core importing an i18n value, and lets a type-only import pass', () => {
    expect(coreLeaks(importEdges(FIXTURE))).toEqual([
      { from: 'core/rule.ts', to: 'i18n/index.ts', typeOnly: false },
    ]);
  });

  test('the checker finds a cycle, type-only imports included, and names its files', () => {
    expect(importCycles(importEdges(FIXTURE))).toEqual([['jobs/mail.ts', 'jobs/sweep.ts']]);
  });

  test('the checker reads every relative import of src/ (a sample is present, packages are not)', () => {
    const edges = importEdges(SRC);
    expect(edges).toContainEqual({ from: 'index.ts', to: 'gas/events.ts', typeOnly: false });
    expect(edges).toContainEqual({ from: 'jobs/sweep.ts', to: 'jobs/sweep-row.ts', typeOnly: false });
    expect(edges.some((edge) => edge.to.includes('node_modules'))).toBe(false);
  });
});
