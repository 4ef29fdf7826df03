import { DataValidationCriteria, type Enum, ProtectionType } from '../enums';
import { Exception } from '../errors';
import { ServiceObject } from '../runtime';
import type { ChartModel, ColumnGroupModel, ProtectionModel, SheetModel } from './model';

/** An immutable validation rule, as built by DataValidationBuilder. */
export class DataValidation extends ServiceObject {
  readonly _service = 'DataValidation';
  constructor(
    readonly _criteria: Enum,
    readonly _values: unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
  ) {
    super();
  }
  getCriteriaType(): Enum {
    return this._criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._values];
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getHelpText(): string {
    return this._helpText;
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder();
    b._set(this._criteria, this._values);
    return b.setAllowInvalid(this._allowInvalid).setHelpText(this._helpText);
  }
  /** Whether a value passes this rule (only list rules reject anything here). */
  _accepts(value: unknown): boolean {
    if (this._allowInvalid || value === '') return true;
    if (this._criteria === DataValidationCriteria.VALUE_IN_LIST) {
      const list = this._values[0];
      return Array.isArray(list) && list.some((x) => String(x) === String(value));
    }
    if (this._criteria === DataValidationCriteria.CHECKBOX) return typeof value === 'boolean';
    return true;
  }
}

export class DataValidationBuilder extends ServiceObject {
  readonly _service = 'DataValidationBuilder';
  private criteria: Enum | undefined;
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';

  _set(criteria: Enum, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    return this._set(DataValidationCriteria.VALUE_IN_LIST, [values.map(String), showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    return this._set(DataValidationCriteria.VALUE_IN_RANGE, [range, showDropdown]);
  }
  requireCheckbox(): this {
    return this._set(DataValidationCriteria.CHECKBOX, []);
  }
  requireNumberBetween(start: number, end: number): this {
    return this._set(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }
  requireDate(): this {
    return this._set(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.allowInvalid = allowInvalid;
    return this;
  }
  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }
  getCriteriaType(): Enum | null {
    return this.criteria ?? null;
  }
  build(): DataValidation {
    if (!this.criteria) throw new Exception('You must specify a criteria type for data validation rules.');
    return new DataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }
}

export class User extends ServiceObject {
  readonly _service = 'User';
  constructor(private readonly email: string) {
    super();
  }
  getEmail(): string {
    return this.email;
  }
}

export class Protection extends ServiceObject {
  readonly _service = 'Protection';
  constructor(
    readonly _sheet: SheetModel,
    readonly _model: ProtectionModel,
    private readonly rangeOf: (box: [number, number, number, number]) => unknown,
  ) {
    super();
  }
  getProtectionType(): Enum {
    return this._model.type === 'SHEET' ? ProtectionType.SHEET : ProtectionType.RANGE;
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(description: string): this {
    this._model.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this._model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this._model.warningOnly = warningOnly;
    return this;
  }
  getEditors(): User[] {
    return this._model.editors.map((e) => new User(e));
  }
  addEditor(email: string): this {
    return this.addEditors([email]);
  }
  addEditors(emails: string[]): this {
    for (const e of emails) if (!this._model.editors.includes(e)) this._model.editors.push(e);
    return this;
  }
  removeEditor(email: string): this {
    return this.removeEditors([email]);
  }
  removeEditors(emails: string[]): this {
    this._model.editors = this._model.editors.filter((e) => !emails.includes(e));
    return this;
  }
  canEdit(): boolean {
    return true;
  }
  /** Whether everyone in the owner's domain may edit (the emulator has no domain: always false). */
  canDomainEdit(): boolean {
    return false;
  }
  setDomainEdit(editable: boolean): this {
    if (editable) throw new Exception('The user does not belong to a Google Workspace domain.');
    return this;
  }
  getRange(): unknown {
    return this.rangeOf(this._model.box ?? [1, 1, this._sheet.maxRows, this._sheet.maxCols]);
  }
  remove(): void {
    this._sheet.protections = this._sheet.protections.filter((p) => p !== this._model);
  }
}

export class EmbeddedChart extends ServiceObject {
  readonly _service = 'EmbeddedChart';
  constructor(readonly _model: ChartModel) {
    super();
  }
  getChartId(): number {
    return this._model.id;
  }
  getOptions(): Record<string, unknown> {
    return { ...this._model.options };
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder({ ...this._model, options: { ...this._model.options } });
  }
}

export class EmbeddedChartBuilder extends ServiceObject {
  readonly _service = 'EmbeddedChartBuilder';
  constructor(readonly _model: ChartModel) {
    super();
  }
  addRange(range: { getA1Notation(): string; getSheet(): { getName(): string } }): this {
    this._model.ranges.push(`${range.getSheet().getName()}!${range.getA1Notation()}`);
    return this;
  }
  clearRanges(): this {
    this._model.ranges = [];
    return this;
  }
  setChartType(type: Enum): this {
    this._model.type = String(type);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this._model.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this {
    this._model.options[option] = value;
    return this;
  }
  build(): EmbeddedChart {
    return new EmbeddedChart({
      ...this._model,
      ranges: [...this._model.ranges],
      options: { ...this._model.options },
    });
  }
}

/** A row or column group (here: column groups), as Sheet.getColumnGroup returns it. */
export class Group extends ServiceObject {
  readonly _service = 'Group';
  constructor(
    readonly _sheet: SheetModel,
    readonly _model: ColumnGroupModel,
    private readonly rangeOf: (box: [number, number, number, number]) => unknown,
  ) {
    super();
  }
  collapse(): this {
    this._model.collapsed = true;
    for (let i = 0; i < this._model.count; i++) this._sheet.hiddenColumns.add(this._model.first + i);
    return this;
  }
  expand(): this {
    this._model.collapsed = false;
    for (let i = 0; i < this._model.count; i++) this._sheet.hiddenColumns.delete(this._model.first + i);
    return this;
  }
  isCollapsed(): boolean {
    return this._model.collapsed;
  }
  getDepth(): number {
    return this._model.depth;
  }
  getRange(): unknown {
    return this.rangeOf([1, this._model.first, this._sheet.maxRows, this._model.count]);
  }
  remove(): void {
    this.expand();
    this._sheet.columnGroups = this._sheet.columnGroups.filter((g) => g !== this._model);
  }
}
