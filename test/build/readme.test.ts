/** The README's Architecture section matches the tree: every folder listed, nothing listed that is gone. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function folders(dir: string, depth: number): string[] {
  return readdirSync(join(root, dir))
    .filter((name) => statSync(join(root, dir, name)).isDirectory())
    .flatMap((name) => {
      const path = `${dir}/${name}`;
      return depth > 1 ? [`${path}/`, ...folders(path, depth - 1)] : [`${path}/`];
    });
}

/** The paths that start the lines of the Architecture code block. */
function listed(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Architecture'));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  return block
    .split('\n')
    .map((line) => line.split(/\s+/)[0])
    .filter((path) => /^(src|scripts|test)\//.test(path));
}

describe('README Architecture', () => {
  test('lists every folder of src/ (any depth) and of scripts/ and test/ (first level)', () => {
    const expected = [...folders('src', 10), ...folders('scripts', 1), ...folders('test', 1)];
    const lines = listed();
    expect(expected.filter((folder) => !lines.includes(folder))).toEqual([]);
  });

  test('lists nothing that does not exist', () => {
    expect(listed().filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
