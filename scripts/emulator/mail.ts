import { Exception } from './errors';
import { isPlainObject } from './membrane';
import { type Runtime, ServiceObject } from './runtime';
import { formatDate } from './utilities-format';

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  at: Date;
  from: string;
}

/** Google resets the daily email quota on its own (Pacific) day; we use midnight America/Los_Angeles. */
export const QUOTA_TIME_ZONE = 'America/Los_Angeles';
const PER_MESSAGE = 50;
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

export class MailState {
  readonly outbox: SentMail[] = [];
  private day = '';
  private used = 0;
  constructor(
    private readonly runtime: Runtime,
    readonly quota: number,
  ) {}
  /** Recipients still allowed today, for the current simulated day. */
  remaining(): number {
    const today = formatDate(this.runtime.clock.now(), QUOTA_TIME_ZONE, 'yyyy-MM-dd');
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
    return this.quota - this.used;
  }
  /** Uses up the rest of today's quota (emu.faults.exhaustMailQuota). */
  exhaust(): void {
    this.remaining();
    this.used = this.quota;
  }
  consume(n: number): void {
    this.remaining();
    this.used += n;
  }
}

function split(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export class MailApp extends ServiceObject {
  readonly _service = 'MailApp';
  constructor(
    private readonly runtime: Runtime,
    private readonly state: MailState,
  ) {
    super();
  }
  getRemainingDailyQuota(): number {
    return this.state.remaining();
  }
  /**
   * sendEmail(message), sendEmail(recipient, subject, body[, options]) and
   * sendEmail(to, replyTo, subject, body).
   */
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    let m: Record<string, unknown>;
    if (isPlainObject(a)) m = a;
    else if (typeof d === 'string') m = { to: a, replyTo: b, subject: c, body: d };
    else m = { ...(isPlainObject(d) ? d : {}), to: a, subject: b, body: c };
    const to = split(m.to);
    const cc = split(m.cc);
    const bcc = split(m.bcc);
    const all = [...to, ...cc, ...bcc];
    if (all.length === 0) throw new Exception('Failed to send email: no recipient');
    for (const r of all) if (!EMAIL.test(r)) throw new Exception(`Invalid email: ${r}`);
    if (all.length > PER_MESSAGE) throw new Exception('Limit Exceeded: Email Recipients Per Message.');
    if (all.length > this.state.remaining())
      throw new Exception('Service invoked too many times for one day: email.');
    this.state.consume(all.length);
    this.state.outbox.push({
      to,
      cc,
      bcc,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      htmlBody: m.htmlBody === undefined ? undefined : String(m.htmlBody),
      name: m.name === undefined ? undefined : String(m.name),
      replyTo: m.replyTo === undefined ? undefined : String(m.replyTo),
      at: this.runtime.clock.now(),
      from: this.runtime.current.user,
    });
  }
}
