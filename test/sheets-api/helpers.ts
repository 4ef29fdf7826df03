/** Shared set-up of the googleapis tool tests: no network, a Google client with a dummy token, quiet retries. */
import { OAuth2Client } from 'google-auth-library';
import nock from 'nock';
import { Google } from '../../scripts/sheets-api/google/clients';
import type { RetryPolicy } from '../../scripts/sheets-api/google/retry';

export interface QuietPolicy extends RetryPolicy {
  waits: number[];
  lines: string[];
}

/** Retries without waiting; records the waits it would have made. */
export function quietPolicy(): QuietPolicy {
  const waits: number[] = [];
  const lines: string[] = [];
  return {
    retries: 6,
    baseMs: 1000,
    maxMs: 64_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    log: (line) => lines.push(line),
    waits,
    lines,
  };
}

export function testGoogle(policy: RetryPolicy = quietPolicy(), serviceAccount?: string): Google {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  return new Google(auth, policy, serviceAccount);
}

/** Every test file: the network is off, and nothing stays intercepted between tests. */
export function forbidNetwork(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());
}
