/** The dead-export check of `npm run lint` (scripts/dead-exports.ts). */
import { join } from 'node:path';
import { deadExports } from '../../scripts/dead-exports';

describe('dead exports', () => {
  test('finds exports nothing imports, through barrels, and spares what the file, a test or an entry uses', () => {
    const dead = deadExports({
      tsconfig: join(__dirname, 'fixtures/dead-exports/tsconfig.json'),
      checked: ['src'],
      entries: ['src/entry.ts'],
    });
    expect(dead).toEqual([
      { file: 'src/barrel/index.ts', name: 'alsoImported' },
      { file: 'src/rules.ts', name: 'nobodyUses' },
      { file: 'src/rules.ts', name: 'UnusedType' },
    ]);
  });
});
