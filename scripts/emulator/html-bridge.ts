/**
 * Serves the dialogs and sidebars a script has shown (emu.ui.shown) on localhost, so a real browser can
 * load them, with a `google.script.run` / `google.script.host` that call the emulator: each
 * `google.script.run.fn(...)` is POSTed here and run by `emu.scriptRun` (script-run.ts) as one
 * execution; its result or error comes back to the page's success or failure handler, asynchronously,
 * as on Google. What is not emulated is listed in README.md ("google.script.run bridge").
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from './index';
import { illegalValue } from './script-run';

/** The client half: defines window.google.script before the page's own scripts run. */
const CLIENT = `<script>
(function () {
  var illegalValue = ${illegalValue.toString().replace(/\n\s*/g, ' ')};
  function call(name, args, success, failure, userObject) {
    var reason = null;
    args.forEach(function (arg, i) { reason = reason || illegalValue(arg, 'argument ' + i); });
    if (reason) throw new TypeError('Failed due to illegal value: ' + reason);
    fetch('/run', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: name, args: args }) })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.ok) { if (success) success(answer.value, userObject); return; }
        var error = new Error(answer.message);
        error.name = answer.name;
        if (failure) failure(error, userObject);
        else console.error(error);
      });
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, { get: function (_target, prop) {
      if (prop === 'withSuccessHandler') return function (fn) { return runner(fn, failure, userObject); };
      if (prop === 'withFailureHandler') return function (fn) { return runner(success, fn, userObject); };
      if (prop === 'withUserObject') return function (o) { return runner(success, failure, o); };
      if (typeof prop !== 'string') return undefined;
      return function () { call(prop, Array.prototype.slice.call(arguments), success, failure, userObject); };
    } });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: {
      close: function () { fetch('/close', { method: 'POST' }); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () {} }
    }
  } };
})();
</script>`;

export interface BridgeOptions {
  /** Who is at the keyboard: the user each call runs as (default: the emulator's user). */
  user?: string;
}

export class HtmlBridge {
  private server: Server | null = null;
  private base = '';
  /** Names of the server functions called, in order (for tests). */
  readonly calls: string[] = [];
  closed = false;

  constructor(
    private readonly emu: Emulator,
    private readonly options: BridgeOptions = {},
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.base = `http://127.0.0.1:${port}`;
  }

  /** URL of the last sidebar (or of shown[index]) the script showed. */
  url(index?: number): string {
    const shown = this.emu.ui.shown;
    const at = index ?? shown.map((s) => s.kind).lastIndexOf('sidebar');
    if (at < 0 || !shown[at]) throw new Error('html-bridge: the script has not shown that page');
    return `${this.base}/page/${at}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A browser keeps idle keep-alive connections open; close() alone would wait for them.
    server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const page = /^\/page\/(\d+)$/.exec(path);
    if (req.method === 'GET' && page) {
      const shown = this.emu.ui.shown[Number(page[1])];
      if (!shown) return this.send(res, 404, 'text/plain', 'no such page');
      return this.send(res, 200, 'text/html; charset=utf-8', withClient(shown.html));
    }
    if (req.method === 'POST' && path === '/run') {
      const body = JSON.parse(await readBody(req)) as { name: string; args: unknown[] };
      this.calls.push(body.name);
      let answer: Record<string, unknown>;
      try {
        answer = { ok: true, value: this.emu.scriptRun(body.name, body.args, { user: this.options.user }) };
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        answer = { ok: false, name: e.name, message: e.message };
      }
      return this.send(res, 200, 'application/json', JSON.stringify(answer));
    }
    if (req.method === 'POST' && path === '/close') {
      this.closed = true;
      return this.send(res, 204, 'text/plain', '');
    }
    return this.send(res, 404, 'text/plain', 'not found');
  }

  private send(res: ServerResponse, status: number, type: string, body: string): void {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  }
}

/** The client script goes first in <head> (or first in the document), before the page's own scripts. */
function withClient(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return CLIENT + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + CLIENT + html.slice(at);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
