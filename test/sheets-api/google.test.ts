/**
 * Credentials and errors of the googleapis tools, offline: the OAuth desktop flow with its loopback
 * redirect (the browser is played by a local request; Google's token endpoint by nock), the token cache
 * outside the repository, the service-account path, and Google's errors turned into what to do.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { authorize, SCOPES } from '../../scripts/sheets-api/google/auth';
import { explainGoogleError, ToolError } from '../../scripts/sheets-api/google/errors';
import { RequestCounter, retryAfterMs, withRetry } from '../../scripts/sheets-api/google/retry';
import { forbidNetwork, quietPolicy, testGoogle } from './helpers';

forbidNetwork();

function configDir() {
  const dir = mkdtempSync(join(tmpdir(), 'sheets-config-'));
  writeFileSync(
    join(dir, 'client_secret.json'),
    JSON.stringify({ installed: { client_id: 'cid.apps.googleusercontent.com', client_secret: 'shh' } }),
  );
  return dir;
}

describe('auth', () => {
  it('desktop flow: consent URL with PKCE and the least scopes, loopback redirect, token cached 0600 outside the repo', async () => {
    const dir = configDir();
    nock.enableNetConnect('127.0.0.1');
    // Jest cannot run gaxios's dynamic import of node-fetch; gaxios takes a global window.fetch instead.
    Object.assign(globalThis, { window: { fetch } });
    const token = nock('https://oauth2.googleapis.com')
      .post(
        '/token',
        (body: Record<string, string>) => body.code === 'the-code' && body.code_verifier?.length >= 43,
      )
      .reply(200, { access_token: 'at', refresh_token: 'rt', expires_in: 3600, token_type: 'Bearer' });
    let consentUrl = '';
    const browser = (line: string) => {
      consentUrl = /https:\/\/accounts\.google\.com\S+/.exec(line)?.[0] ?? '';
      const url = new URL(consentUrl);
      const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
      const state = url.searchParams.get('state') ?? '';
      // A raw socket, as the browser's request reaches the loopback server (nock patches http, not net).
      const socket = connect(Number(redirect.port), '127.0.0.1', () =>
        socket.end(
          `GET /?code=the-code&state=${state} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
        ),
      );
      socket.on('data', () => {});
    };
    const credentials = await authorize('import-dry-run', {
      env: { SHEETS_TOOL_CONFIG_DIR: dir },
      print: browser,
    });
    const url = new URL(consentUrl);
    expect(url.searchParams.get('scope')).toBe(SCOPES['import-dry-run'].join(' '));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token.isDone()).toBe(true);
    const cached = JSON.parse(readFileSync(join(dir, 'token.json'), 'utf8'));
    expect(cached.tokens.refresh_token).toBe('rt');
    expect(statSync(join(dir, 'token.json')).mode & 0o777).toBe(0o600);
    expect(credentials.serviceAccount).toBeUndefined();
    // The next command with the same scopes reuses the token: no consent page.
    const again = await authorize('import-dry-run', {
      env: { SHEETS_TOOL_CONFIG_DIR: dir },
      print: () => {
        throw new Error('asked for consent again');
      },
    });
    expect(again.auth).toBeDefined();
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('no credentials: says the two ways to get them (exit code 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheets-empty-'));
    await expect(authorize('import', { env: { SHEETS_TOOL_CONFIG_DIR: dir } })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/Desktop app[\s\S]*GOOGLE_APPLICATION_CREDENTIALS/),
    });
  });

  it('a service account key is used when GOOGLE_APPLICATION_CREDENTIALS names it, and its email is known', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheets-sa-'));
    const key = join(dir, 'key.json');
    writeFileSync(
      key,
      JSON.stringify({
        type: 'service_account',
        client_email: 'desk@grp.iam.gserviceaccount.com',
        private_key: 'x',
      }),
    );
    const credentials = await authorize('rollup', { env: { GOOGLE_APPLICATION_CREDENTIALS: key } });
    expect(credentials.serviceAccount).toBe('desk@grp.iam.gserviceaccount.com');
  });
});

describe('errors and retries', () => {
  const call = (status: number, body: unknown, serviceAccount?: string) => {
    nock('https://sheets.googleapis.com')
      .get(/.*/)
      .reply(status, body as nock.Body);
    const google = testGoogle(quietPolicy(), serviceAccount);
    return google.call('sheets.spreadsheets.get', 'spreadsheet abc', () =>
      google.sheets.spreadsheets.get({ spreadsheetId: 'abc' }),
    );
  };

  it('403 no access names the service account to share the spreadsheet with', async () => {
    await expect(
      call(
        403,
        { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } },
        'desk@grp.iam.gserviceaccount.com',
      ),
    ).rejects.toThrow(
      /No access to spreadsheet abc\. Share it with the service account desk@grp\.iam\.gserviceaccount\.com/,
    );
  });

  it("403 API not enabled gives Google's console link", async () => {
    const message =
      'Google Sheets API has not been used in project 123 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123 then retry.';
    await expect(
      call(403, {
        error: { code: 403, message, status: 'PERMISSION_DENIED', details: [{ reason: 'SERVICE_DISABLED' }] },
      }),
    ).rejects.toThrow(
      /not enabled[\s\S]*https:\/\/console\.developers\.google\.com\/apis\/api\/sheets\.googleapis\.com\/overview\?project=123/,
    );
  });

  it('429 until the retries run out says the quota is used up; 400 is not retried', async () => {
    nock('https://sheets.googleapis.com')
      .get(/.*/)
      .times(7)
      .reply(429, { error: { code: 429, message: 'Quota exceeded' } });
    const policy = quietPolicy();
    const google = testGoogle(policy);
    await expect(
      google.call('sheets.spreadsheets.get', 'spreadsheet abc', () =>
        google.sheets.spreadsheets.get({ spreadsheetId: 'abc' }),
      ),
    ).rejects.toThrow(/quota is used up/);
    // 1 s, 2 s, 4 s … capped at 64 s, each × jitter 0.75 (random 0.5), 6 retries = 7 requests.
    expect(policy.waits).toEqual([750, 1500, 3000, 6000, 12000, 24000]);
    expect(google.counter.total).toBe(7);
    const counter = new RequestCounter();
    await expect(
      withRetry(
        'x',
        () => Promise.reject(Object.assign(new Error('bad'), { status: 400 })),
        counter,
        quietPolicy(),
      ),
    ).rejects.toThrow('bad');
    expect(counter.total).toBe(1);
  });

  it('Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-02T02:00:00Z');
    expect(retryAfterMs({ response: { headers: { 'retry-after': '12' } } }, now)).toBe(12_000);
    expect(
      retryAfterMs(
        { response: { headers: new Headers({ 'Retry-After': 'Mon, 02 Mar 2026 02:00:30 GMT' }) } },
        now,
      ),
    ).toBe(30_000);
    expect(retryAfterMs({ response: { headers: {} } }, now)).toBeNull();
    expect(explainGoogleError(new ToolError('x'), { target: 't' })).toBeInstanceOf(ToolError);
  });
});
