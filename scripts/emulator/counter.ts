/** Counts every service call by 'Service.method', so tests and benchmarks can assert call budgets. */
const SHEETS_FAMILY = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
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

export class CallCounter {
  private readonly calls = new Map<string, number>();

  record(service: string, method: string): void {
    const key = `${service}.${method}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  /** get() = all calls; get('Range') = calls on Range; get('Range', 'getValues') = that method. */
  get(service?: string, method?: string): number {
    if (service === undefined) return this.total();
    if (method !== undefined) return this.calls.get(`${service}.${method}`) ?? 0;
    return this.total(`${service}.`);
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
    this.calls.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b)));
  }
}
