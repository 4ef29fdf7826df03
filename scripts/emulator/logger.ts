import { isDate } from './membrane';
import { type LogEntry, type Runtime, ServiceObject } from './runtime';

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDate(v)) return v.toString();
  if (v !== null && typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

export class Logger extends ServiceObject {
  readonly _service = 'Logger';
  constructor(private readonly runtime: Runtime) {
    super();
  }
  /** log(data) or log(format, ...values) with %s placeholders. */
  log(data: unknown, ...values: unknown[]): this {
    let message = text(data);
    if (values.length > 0) {
      let i = 0;
      message = message.replace(/%s/g, () => (i < values.length ? text(values[i++]) : '%s'));
    }
    this.runtime.log('log', message);
    return this;
  }
  getLog(): string {
    return this.runtime.logs.map((l) => l.message).join('\n');
  }
  clear(): void {
    this.runtime.logs.length = 0;
  }
}

export class Console extends ServiceObject {
  readonly _service = 'console';
  constructor(private readonly runtime: Runtime) {
    super();
  }
  private write(level: LogEntry['level'], args: unknown[]): void {
    this.runtime.log(level, args.map(text).join(' '));
  }
  log(...args: unknown[]): void {
    this.write('log', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
}
