/**
 * The Google clients the tools use, from the official `googleapis` package (only the three APIs, so a
 * run does not load all 300). Each call goes through `call`, which counts and retries it.
 */
import type { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { bigquery, type bigquery_v2 } from 'googleapis/build/src/apis/bigquery';
import { drive, type drive_v3 } from 'googleapis/build/src/apis/drive';
import { sheets, type sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { type ErrorContext, explainGoogleError } from './errors';
import { DEFAULT_POLICY, RequestCounter, type RetryPolicy, withRetry } from './retry';

export class Google {
  readonly sheets: sheets_v4.Sheets;
  readonly drive: drive_v3.Drive;
  readonly bigquery: bigquery_v2.Bigquery;
  readonly counter = new RequestCounter();

  constructor(
    auth: OAuth2Client | GoogleAuth | undefined,
    readonly policy: RetryPolicy = DEFAULT_POLICY,
    readonly serviceAccount?: string,
  ) {
    // The library's own retry is off: ours (./retry.ts) counts every attempt and honours Retry-After.
    // Node's own fetch (gaxios would otherwise load node-fetch through a dynamic ESM import).
    const options = { auth, retry: false, fetchImplementation: fetch } as const;
    this.sheets = sheets({ version: 'v4', ...options });
    this.drive = drive({ version: 'v3', ...options });
    this.bigquery = bigquery({ version: 'v2', ...options });
  }

  /** One request: counted, retried on 429/5xx, its error explained for `target`. */
  async call<T>(label: string, target: string, request: () => Promise<{ data: T }>): Promise<T> {
    const context: ErrorContext = { target, serviceAccount: this.serviceAccount };
    try {
      return (await withRetry(label, request, this.counter, this.policy)).data;
    } catch (error) {
      throw explainGoogleError(error, context);
    }
  }
}

/** 'Sheet name' → "'Sheet name'" as A1 notation wants it (quotes doubled). */
export function quoteSheet(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}
