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
    const html = this.files.get(String(filename));
    if (html === undefined) throw new Exception(`No HTML file named ${filename} was found.`);
    return new HtmlOutput(html);
  }
}
