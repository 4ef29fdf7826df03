/** Google's errors in words that say what to do (no credentials, wrong ID, no access, API off, quota). */
import { statusOf } from './retry';

export class ToolError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface ErrorContext {
  /** What was being accessed: 'spreadsheet 1AbC…', 'BigQuery dataset p.d'. */
  target: string;
  /** The service account's email when authenticated as one, to say whom to share with. */
  serviceAccount?: string;
}

interface GoogleErrorBody {
  error?: {
    message?: string;
    status?: string;
    errors?: Array<{ reason?: string; message?: string }>;
    details?: Array<{ reason?: string; metadata?: Record<string, string> }>;
  };
}

function body(error: unknown): GoogleErrorBody {
  const data = (error as { response?: { data?: unknown } })?.response?.data;
  if (typeof data === 'string') {
    try {
      return JSON.parse(data) as GoogleErrorBody;
    } catch {
      return {};
    }
  }
  return (data ?? {}) as GoogleErrorBody;
}

export function explainGoogleError(error: unknown, context: ErrorContext): Error {
  if (error instanceof ToolError) return error;
  const status = statusOf(error);
  const info = body(error).error ?? {};
  const reasons = [...(info.errors ?? []).map((e) => e.reason), ...(info.details ?? []).map((d) => d.reason)];
  const message = info.message ?? (error as Error)?.message ?? String(error);
  if (reasons.includes('accessNotConfigured') || reasons.includes('SERVICE_DISABLED')) {
    const link = /https:\/\/console\.developers\.google\.com\S+/.exec(message)?.[0];
    return new ToolError(
      `The API is not enabled for your Google Cloud project. Enable it${link ? ` at ${link}` : ' in the Cloud console (APIs & Services → Library)'}, wait a minute, and run the command again.\n  Google said: ${message}`,
    );
  }
  if (status === 404)
    return new ToolError(
      `${context.target} was not found. Check the ID (the part of the URL between /d/ and /edit).\n  Google said: ${message}`,
    );
  if (status === 403) {
    if (reasons.includes('exportSizeLimitExceeded')) return error as Error;
    const who = context.serviceAccount
      ? `Share it with the service account ${context.serviceAccount} (Editor for import, Viewer for export and rollup).`
      : 'Sign in with an account that can open it, or ask its owner to share it with you.';
    return new ToolError(`No access to ${context.target}. ${who}\n  Google said: ${message}`);
  }
  if (status === 401)
    return new ToolError(
      `Google did not accept the credentials (expired or revoked). Run \`npm run sheets -- logout\` and try again.\n  Google said: ${message}`,
    );
  if (status === 429)
    return new ToolError(
      `Google's quota is used up even after waiting and retrying. Try again later, or raise the quota of the project in the Cloud console.\n  Google said: ${message}`,
    );
  return error instanceof Error ? error : new Error(String(error));
}
