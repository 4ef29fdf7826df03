/** The sidebars the build writes (dist/<Name>.html) are project files clasp pushes, not ignored ones. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

describe('built pages', () => {
  test('dist/Panel.html is self-contained: its style and script inline, nothing loaded from elsewhere', () => {
    const html = readFileSync(join(root, 'dist/Panel.html'), 'utf8');
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+google\.script\.run[\s\S]*<\/script>/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toContain('<!-- panel.');
  });

  test('.claspignore lets every dist/*.html through, so HtmlService finds it on Google', () => {
    const rules = readFileSync(join(root, '.claspignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    const pages = readdirSync(join(root, 'dist')).filter((file) => file.endsWith('.html'));
    expect(pages).toContain('Panel.html');
    expect(rules).toContain('!*.html');
  });
});
