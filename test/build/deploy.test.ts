/** Deploying (README "Deploying to Google"): tests run before every push; committed clasp files are placeholders. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

describe('deploy', () => {
  test.each([
    ['deploy', '.clasp-dev.json'],
    ['deploy:prod', '.clasp-prod.json'],
  ])('npm run %s runs the whole test suite, then pushes with %s', (script, project) => {
    expect(json('package.json').scripts[script]).toBe(`npm test && clasp push -P ${project}`);
  });

  test.each(['.clasp-dev.json', '.clasp-prod.json'])(
    '%s holds a placeholder script ID and pushes dist/',
    (file) => {
      const config = json(file);
      expect(config.scriptId).toMatch(/^YOUR_[A-Z_]+_SCRIPT_ID$/);
      expect(config.rootDir).toBe('dist');
    },
  );
});
