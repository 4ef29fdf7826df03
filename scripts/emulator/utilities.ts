import { createHash } from 'node:crypto';
import { Charset, DigestAlgorithm, type Enum } from './enums';
import { Exception } from './errors';
import { Pending, type Runtime, ServiceObject } from './runtime';
import { formatDate } from './utilities-format';

/** Apps Script bytes are Java bytes: signed, -128..127. */
const toSigned = (buf: Uint8Array): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
const toBuffer = (data: unknown): Buffer =>
  Array.isArray(data)
    ? Buffer.from(data.map((b) => Number(b) & 255))
    : Buffer.from(String(data ?? ''), 'utf8');

/** Java accepts 'GMT+8' style ids and falls back to GMT for unknown ones; Intl does neither. */
export function ianaZone(timeZone: string): string {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?00)?$/.exec(timeZone);
  if (m) return `Etc/GMT${m[1] === '+' ? '-' : '+'}${Number(m[2])}`;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export class Blob extends ServiceObject {
  readonly _service = 'Blob';
  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {
    super();
  }
  getBytes(): number[] {
    return toSigned(this.bytes);
  }
  getDataAsString(charset?: string): string {
    return this.bytes.toString(charset && /ascii/i.test(charset) ? 'latin1' : 'utf8');
  }
  setDataFromString(string: string): this {
    this.bytes = Buffer.from(String(string), 'utf8');
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): this {
    this.contentType = String(contentType);
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = String(name);
    return this;
  }
  copyBlob(): Blob {
    return new Blob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  isGoogleType(): boolean {
    return false;
  }
}

export class Utilities extends ServiceObject {
  readonly _service = 'Utilities';
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;
  private uuids = 0;
  constructor(private readonly runtime: Runtime) {
    super();
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw new Exception(
        "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
      );
    }
    try {
      return formatDate(date, ianaZone(String(timeZone)), String(format));
    } catch (e) {
      throw new Exception(e instanceof Error ? e.message : String(e));
    }
  }
  /** Pauses this execution for ms of simulated time; other executions run meanwhile. */
  sleep(milliseconds: number): Pending {
    if (milliseconds > 300000)
      throw new Exception('Sleep time is too long. Must be below 300000 milliseconds.');
    const until = this.runtime.clock.ms() + Math.max(0, milliseconds);
    return new Pending(
      until,
      () => (this.runtime.clock.ms() >= until ? { value: undefined } : null),
      () => undefined,
    );
  }
  /** Deterministic (a counter, not random) so that simulations replay identically for a seed. */
  getUuid(): string {
    const h = createHash('sha1')
      .update(`uuid:${++this.uuids}:${this.runtime.clock.ms()}`)
      .digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  base64Encode(data: unknown): string {
    return toBuffer(data).toString('base64');
  }
  base64EncodeWebSafe(data: unknown): string {
    return toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return toSigned(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return toSigned(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  computeDigest(algorithm: Enum, value: unknown): number[] {
    const names: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_512: 'sha512' };
    const name = names[String(algorithm)];
    if (!name) throw new Exception(`Invalid argument: algorithm`);
    return toSigned(createHash(name).update(toBuffer(value)).digest());
  }
  newBlob(data: unknown, contentType?: string, name?: string): Blob {
    return new Blob(toBuffer(data), contentType ?? null, name ?? null);
  }
  /** Java String.format for the common conversions: %s %d %f %.Nf %%. */
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(
      /%(\.(\d+))?([sdf%])/g,
      (_m, _p, digits: string | undefined, conv: string) => {
        if (conv === '%') return '%';
        const v = args[i++];
        if (conv === 'd') return String(Math.trunc(Number(v)));
        if (conv === 'f') return Number(v).toFixed(digits === undefined ? 6 : Number(digits));
        return String(v);
      },
    );
  }
}
