/**
 * Credentials for the tools, with the least scopes each command needs:
 * - a **service account** when GOOGLE_APPLICATION_CREDENTIALS names its JSON key (share the spreadsheet
 *   with its email), for scheduled rollups;
 * - otherwise the **OAuth desktop flow** with a loopback redirect (RFC 8252, PKCE): the browser opens
 *   Google's consent page, Google redirects to http://127.0.0.1:<port>, the tool exchanges the code and
 *   caches the token in the user's config folder (never in the repository), mode 0600.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { ToolError } from './errors';

export type Command = 'import' | 'import-dry-run' | 'export' | 'rollup';

const SHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const SHEETS_READ = 'https://www.googleapis.com/auth/spreadsheets.readonly';
const DRIVE_READ = 'https://www.googleapis.com/auth/drive.readonly';
const BIGQUERY = 'https://www.googleapis.com/auth/bigquery';

/** What each scope is for (the README lists the same). */
export const SCOPES: Record<Command, readonly string[]> = {
  // Appends to the Import sheet (and creates it once).
  import: [SHEETS],
  // A dry run only reads the spreadsheet's settings and Import sheet.
  'import-dry-run': [SHEETS_READ],
  // Drive files.export needs a Drive scope; the values fallback reads the sheets.
  export: [SHEETS_READ, DRIVE_READ],
  // Reads each site's registers; creates tables and runs load jobs in the dataset.
  rollup: [SHEETS_READ, BIGQUERY],
};

export interface Credentials {
  auth: OAuth2Client | GoogleAuth;
  /** Who the tool acts as, for messages ("share the spreadsheet with …"). */
  serviceAccount?: string;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHEETS_TOOL_CONFIG_DIR) return env.SHEETS_TOOL_CONFIG_DIR;
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, 'service-desk-sheets');
}

interface CachedToken {
  scopes: string[];
  tokens: Record<string, unknown>;
}

function tokenPath(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'token.json');
}

function readCache(env: NodeJS.ProcessEnv): CachedToken | null {
  const path = tokenPath(env);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CachedToken;
  } catch {
    return null;
  }
}

function writeCache(env: NodeJS.ProcessEnv, cached: CachedToken): void {
  mkdirSync(configDir(env), { recursive: true, mode: 0o700 });
  writeFileSync(tokenPath(env), JSON.stringify(cached, null, 2), { mode: 0o600 });
  chmodSync(tokenPath(env), 0o600);
}

export function logout(env: NodeJS.ProcessEnv = process.env): string {
  const path = tokenPath(env);
  rmSync(path, { force: true });
  return path;
}

interface ClientSecret {
  client_id: string;
  client_secret: string;
}

function readClientSecret(path: string): ClientSecret {
  let data: { installed?: ClientSecret; web?: ClientSecret };
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ToolError(`Cannot read the OAuth client file ${path}: ${(error as Error).message}`);
  }
  const secret = data.installed ?? data.web;
  if (!secret?.client_id)
    throw new ToolError(
      `${path} is not an OAuth client file: create a "Desktop app" OAuth client and download its JSON.`,
    );
  return secret;
}

const NO_CREDENTIALS = `No Google credentials. Either:
  • sign in as yourself: create an OAuth client of type "Desktop app" (Google Cloud console → APIs & Services →
    Credentials), download its JSON and pass it with --client-secret FILE (or save it as
    <config>/client_secret.json); the first run opens Google's consent page; or
  • use a service account: set GOOGLE_APPLICATION_CREDENTIALS to its JSON key and share the spreadsheet
    with the service account's email.
See README, "Working with a Google account".`;

export interface AuthOptions {
  clientSecret?: string;
  env?: NodeJS.ProcessEnv;
  /** Shows the consent URL (and, by default, nothing else: the user opens it). */
  print?: (line: string) => void;
  /** How long to wait for the browser's redirect. */
  timeoutMs?: number;
}

export async function authorize(command: Command, options: AuthOptions = {}): Promise<Credentials> {
  const env = options.env ?? process.env;
  const scopes = [...SCOPES[command]];
  const keyFile = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (keyFile) {
    let key: { type?: string; client_email?: string };
    try {
      key = JSON.parse(readFileSync(keyFile, 'utf8'));
    } catch (error) {
      throw new ToolError(
        `GOOGLE_APPLICATION_CREDENTIALS=${keyFile} cannot be read: ${(error as Error).message}`,
      );
    }
    return { auth: new GoogleAuth({ keyFile, scopes }), serviceAccount: key.client_email };
  }
  const secretPath =
    options.clientSecret ?? env.SHEETS_TOOL_CLIENT_SECRET ?? join(configDir(env), 'client_secret.json');
  if (!existsSync(secretPath)) throw new ToolError(NO_CREDENTIALS, 2);
  const secret = readClientSecret(secretPath);
  const cached = readCache(env);
  // A token with every scope this command needs is reused (refreshed by the library when it expires).
  if (
    cached &&
    scopes.every(
      (scope) => cached.scopes.includes(scope) || cached.scopes.includes(scope.replace('.readonly', '')),
    )
  ) {
    const client = new OAuth2Client({ clientId: secret.client_id, clientSecret: secret.client_secret });
    client.setCredentials(cached.tokens);
    client.on('tokens', (tokens) =>
      writeCache(env, { scopes: cached.scopes, tokens: { ...cached.tokens, ...tokens } }),
    );
    return { auth: client };
  }
  const wanted = [...new Set([...(cached?.scopes ?? []), ...scopes])];
  const client = await loopbackConsent(secret, wanted, options);
  writeCache(env, { scopes: wanted, tokens: client.credentials as Record<string, unknown> });
  return { auth: client };
}

/** The desktop flow: a one-shot HTTP server on 127.0.0.1 receives Google's redirect with the code. */
export async function loopbackConsent(
  secret: ClientSecret,
  scopes: string[],
  options: AuthOptions = {},
): Promise<OAuth2Client> {
  const print = options.print ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const redirectUri = `http://127.0.0.1:${port}`;
  const client = new OAuth2Client({
    clientId: secret.client_id,
    clientSecret: secret.client_secret,
    redirectUri,
  });
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = Math.random().toString(36).slice(2);
  const url = client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: scopes,
    state,
    code_challenge: codeChallenge,
    // google-auth-library types the method as an enum; 'S256' is its value.
    code_challenge_method: 'S256' as never,
  });
  print(`Open this page to let the tool use your Google account (scopes: ${scopes.join(' ')}):\n  ${url}`);
  try {
    const code = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ToolError('No answer from the browser within 5 minutes; run the command again.')),
        options.timeoutMs ?? 5 * 60_000,
      );
      server.on('request', (request, response) => {
        const query = new URL(request.url ?? '/', redirectUri).searchParams;
        if (!query.has('code') && !query.has('error')) {
          response.writeHead(404).end();
          return;
        }
        const ok = query.get('state') === state && query.has('code');
        response.writeHead(ok ? 200 : 400, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(
          ok
            ? 'Signed in. You can close this tab.'
            : `Sign-in failed: ${query.get('error') ?? 'state mismatch'}`,
        );
        clearTimeout(timer);
        if (ok) resolve(query.get('code') as string);
        else reject(new ToolError(`Google sign-in failed: ${query.get('error') ?? 'state mismatch'}`));
      });
    });
    const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
    client.setCredentials(tokens);
    return client;
  } finally {
    server.close();
  }
}
