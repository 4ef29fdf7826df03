/**
 * Counts every service call by 'Service.method', and the cells each call moved (read from or written to
 * a sheet), so tests and benchmarks can bound data volume as well as calls.
 */
const SHEETS_FAMILY = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'TextFinder',
  'Protection',
  'Group',
  'Filter',
  'FilterCriteria',
  'FilterCriteriaBuilder',
  'DataValidation',
  'DataValidationBuilder',
  'EmbeddedChart',
  'EmbeddedChartBuilder',
  'Ui',
  'Menu',
]);

export interface CellCounts {
  read: number;
  written: number;
}

export class CallCounter {
  private readonly calls = new Map<string, number>();
  private readonly moved = new Map<string, CellCounts>();
  /** The call being served; cells are attributed to it (undefined for uncounted harness access). */
  private active: string | undefined;
  /** Cells moved by the outermost call being served. */
  private callCells = 0;

  record(service: string, method: string): void {
    const key = `${service}.${method}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  /** Runs a counted call: cells moved meanwhile are attributed to it. */
  during<T>(service: string, method: string, fn: () => T): T {
    const previous = this.active;
    // A service that calls another internally (Sheet.sort → a Range sort) stays the outer call.
    if (previous === undefined) {
      this.active = `${service}.${method}`;
      this.callCells = 0;
    }
    const started = previous === undefined ? process.hrtime.bigint() : 0n;
    const cpu = previous === undefined ? process.cpuUsage() : undefined;
    try {
      return fn();
    } finally {
      this.active = previous;
      if (previous === undefined) {
        this.hostNs += process.hrtime.bigint() - started;
        const used = process.cpuUsage(cpu);
        this.hostCpuUs += used.user + used.system;
      }
    }
  }

  /**
   * CPU time spent serving calls on the host (Google's side), in ms: a test subtracts it from the
   * process's CPU time to get the script's own (wall time would count waiting for a loaded machine).
   */
  private hostCpuUs = 0;
  hostCpuMs(): number {
    return this.hostCpuUs / 1000;
  }

  /** Time spent serving calls on the host (Google's side), so a test can tell the script's own CPU. */
  private hostNs = 0n;
  hostMs(): number {
    return Number(this.hostNs) / 1e6;
  }

  /** Cells moved by the call being served; a no-op outside counted calls (fixtures, harness views). */
  cellsMoved(kind: keyof CellCounts, n: number): void {
    if (this.active === undefined || n <= 0) return;
    let c = this.moved.get(this.active);
    if (!c) {
      c = { read: 0, written: 0 };
      this.moved.set(this.active, c);
    }
    c[kind] += n;
    this.callCells += n;
  }

  /** Cells in the call being served so far, for latency (0 outside calls). */
  activeCells(): number {
    return this.active === undefined ? 0 : this.callCells;
  }

  /** get() = all calls; get('Range') = calls on Range; get('Range', 'getValues') = that method. */
  get(service?: string, method?: string): number {
    if (service === undefined) return this.total();
    if (method !== undefined) return this.calls.get(`${service}.${method}`) ?? 0;
    return this.total(`${service}.`);
  }

  /**
   * Cells read and written: cells() = all calls; cells('Range') = calls on Range; cells('Range',
   * 'getValues') = that method. A read is every cell of the range a getter returns; a write, every cell
   * a setter covers (a 1×1 setValue is 1, setValues of 100×44 is 4,400).
   */
  cells(service?: string, method?: string): CellCounts {
    const out: CellCounts = { read: 0, written: 0 };
    const exact = service !== undefined && method !== undefined ? `${service}.${method}` : undefined;
    const prefix = service === undefined ? '' : `${service}.`;
    for (const [key, c] of this.moved) {
      if (exact ? key !== exact : !key.startsWith(prefix)) continue;
      out.read += c.read;
      out.written += c.written;
    }
    return out;
  }

  total(prefix = ''): number {
    let sum = 0;
    for (const [key, n] of this.calls) if (key.startsWith(prefix)) sum += n;
    return sum;
  }

  /** Calls to the Sheets family (SpreadsheetApp and every object it hands out). */
  sheets(): number {
    let sum = 0;
    for (const [key, n] of this.calls) if (SHEETS_FAMILY.has(key.slice(0, key.indexOf('.')))) sum += n;
    return sum;
  }

  reset(): void {
    this.hostNs = 0n;
    this.hostCpuUs = 0;
    this.calls.clear();
    this.moved.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Cells per method, for methods that moved any. */
  cellsSnapshot(): Record<string, CellCounts> {
    return Object.fromEntries(
      [...this.moved].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, { ...c }]),
    );
  }
}
