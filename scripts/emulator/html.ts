import { enumSet } from './enums';
import { Exception } from './errors';
import { ServiceObject } from './runtime';

const SandboxMode = enumSet('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']);
const XFrameOptionsMode = enumSet('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']);

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export class HtmlOutput extends ServiceObject {
  readonly _service = 'HtmlOutput';
  private title = '';
  _width = 600;
  _height = 400;
  constructor(private content: string) {
    super();
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this._width;
  }
  setWidth(width: number): this {
    this._width = width;
    return this;
  }
  getHeight(): number {
    return this._height;
  }
  setHeight(height: number): this {
    this._height = height;
    return this;
  }
  setSandboxMode(_mode: unknown): this {
    return this;
  }
  setXFrameOptionsMode(_mode: unknown): this {
    return this;
  }
  addMetaTag(_name: string, _content: string): this {
    return this;
  }
}

/**
 * The JavaScript Google generates from a template (HtmlTemplate.getCode): a function of the template's
 * variables returning the HTML. `<?= x ?>` prints x escaped, `<?!= x ?>` prints it as is, `<? code ?>`
 * runs. It is evaluated inside the script's own context (scriptlets see the script's globals), by the
 * membranes, when the script calls evaluate(). developers.google.com/apps-script/guides/html/templates
 */
export function templateCode(html: string): string {
  const parts: string[] = [];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > last) parts.push(`__out.push(${JSON.stringify(html.slice(last, m.index))});`);
    const code = m[2] ?? '';
    if (m[1] === '=') parts.push(`__out.push(__esc(${code}));`);
    else if (m[1] === '!=') parts.push(`__out.push(__str(${code}));`);
    else parts.push(code);
    last = re.lastIndex;
  }
  if (last < html.length) parts.push(`__out.push(${JSON.stringify(html.slice(last))});`);
  return [
    '(function (__vars) {',
    "  var __str = function (v) { return v === undefined || v === null ? '' : String(v); };",
    "  var __esc = function (v) { return __str(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\"/g, '&quot;').replace(/'/g, '&#39;'); };",
    '  var __out = [];',
    '  with (__vars) {',
    ...parts.map((p) => `    ${p}`),
    '  }',
    "  return __out.join('');",
    '})',
  ].join('\n');
}

export class HtmlTemplate extends ServiceObject {
  readonly _service = 'HtmlTemplate';
  constructor(readonly _source: string) {
    super();
  }
  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return templateCode(this._source);
  }
  getCodeWithComments(): string {
    return templateCode(this._source);
  }
  /**
   * The membranes render the template in the script's context and pass the HTML here (a direct host
   * call with no HTML renders the raw text, scriptlets and all — never what Google does).
   */
  evaluate(rendered?: string): HtmlOutput {
    return new HtmlOutput(rendered === undefined ? this._source : String(rendered));
  }
}

export class HtmlService extends ServiceObject {
  readonly _service = 'HtmlService';
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(private readonly files: Map<string, string>) {
    super();
  }
  createHtmlOutput(html = ''): HtmlOutput {
    return new HtmlOutput(String(html));
  }
  /** Project HTML files, registered by the harness (emu.htmlFiles). */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.file(filename));
  }
  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(String(html ?? ''));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.file(filename));
  }
  /** A project file by name, with or without its '.html' (Google's own samples pass 'page.html'). */
  private file(filename: string): string {
    const name = String(filename);
    const html = this.files.get(name) ?? this.files.get(name.replace(/\.html$/i, ''));
    if (html === undefined) throw new Exception(`No HTML file named ${filename} was found.`);
    return html;
  }
}
