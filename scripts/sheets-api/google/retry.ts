/**
 * Every Google request goes through here: counted (the request budgets of `npm run bench`), retried on
 * 429 and 5xx with exponential backoff and full jitter, honouring Retry-After (Google's recommended
 * strategy for its APIs: wait min(2^n s + random, 64 s)). The clients' own retry is switched off so the
 * policy is one and testable; tests inject `sleep`.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  log: (line: string) => void;
}

export const DEFAULT_POLICY: RetryPolicy = {
  retries: 6,
  baseMs: 1000,
  maxMs: 64_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  log: (line) => process.stderr.write(`${line}\n`),
};

const RETRYABLE_STATUS: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNREFUSED',
]);

interface ErrorLike {
  status?: number;
  code?: string | number;
  response?: { status?: number; headers?: unknown };
}

export function statusOf(error: unknown): number | null {
  const e = error as ErrorLike;
  const status = e?.response?.status ?? e?.status ?? (typeof e?.code === 'number' ? e.code : undefined);
  return typeof status === 'number' ? status : null;
}

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, string | undefined>;
  return record[name] ?? record[name.toLowerCase()] ?? null;
}

/** Retry-After in ms (seconds or an HTTP date), or null. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  const value = header((error as ErrorLike)?.response?.headers, 'retry-after');
  if (value === null || value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function retryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== null) return RETRYABLE_STATUS.has(status);
  const code = (error as ErrorLike)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/** Counts requests by label ('sheets.values.append'…) over a tool run. */
export class RequestCounter {
  readonly byLabel = new Map<string, number>();
  total = 0;
  add(label: string): void {
    this.total += 1;
    this.byLabel.set(label, (this.byLabel.get(label) ?? 0) + 1);
  }
  summary(): string {
    return [...this.byLabel].map(([label, n]) => `${label} ${n}`).join(' · ');
  }
}

export async function withRetry<T>(
  label: string,
  request: () => Promise<T>,
  counter: RequestCounter,
  policy: RetryPolicy = DEFAULT_POLICY,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    counter.add(label);
    try {
      return await request();
    } catch (error) {
      if (attempt >= policy.retries || !retryable(error)) throw error;
      const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
      const jittered = Math.round(backoff * (0.5 + policy.random() / 2));
      const wait = Math.max(jittered, retryAfterMs(error) ?? 0);
      policy.log(
        `${label}: ${statusOf(error) ?? (error as ErrorLike).code} — retrying in ${(wait / 1000).toFixed(1)} s (${attempt + 1}/${policy.retries})`,
      );
      await policy.sleep(wait);
    }
  }
}
