import { DestinationType, type Enum, ItemType } from './enums';
import { Exception } from './errors';
import { type Runtime, ServiceObject } from './runtime';
import type { SheetsWorld } from './spreadsheet/app';
import type { SpreadsheetModel } from './spreadsheet/context';
import { assertRoom } from './spreadsheet/limits';
import { dateFormat } from './spreadsheet/locale';
import { SheetModel } from './spreadsheet/model';
import { parseInput } from './spreadsheet/values';
import { zonedTime } from './utilities-format';

type ItemKind = keyof typeof ItemType;

export interface ItemModel {
  id: number;
  type: ItemKind;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  bounds: [number, number];
  labels: [string, string];
}

export interface ResponseModel {
  id: string;
  timestamp: Date;
  email: string;
  answers: Array<{ itemId: number; value: string | string[] }>;
}

export interface FormModel {
  id: string;
  publishedId: string;
  title: string;
  description: string;
  items: ItemModel[];
  responses: ResponseModel[];
  destinationId?: string;
  /** Which response-sheet column each item writes (1-based; column 1 is the timestamp). */
  columns: Map<number, number>;
  accepting: boolean;
  collectEmail: boolean;
  /** The response sheet's "Email Address" column when the form collects emails. */
  emailColumn?: number;
  /** The last response column ever given out: a deleted question's column stays in the sheet. */
  lastColumn?: number;
}

const TYPED: Record<string, ItemKind> = {
  asCheckboxItem: 'CHECKBOX',
  asDateItem: 'DATE',
  asDateTimeItem: 'DATETIME',
  asListItem: 'LIST',
  asMultipleChoiceItem: 'MULTIPLE_CHOICE',
  asParagraphTextItem: 'PARAGRAPH_TEXT',
  asScaleItem: 'SCALE',
  asSectionHeaderItem: 'SECTION_HEADER',
  asTextItem: 'TEXT',
};
const SERVICE: Record<ItemKind, string> = {
  CHECKBOX: 'CheckboxItem',
  DATE: 'DateItem',
  DATETIME: 'DateTimeItem',
  LIST: 'ListItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  SCALE: 'ScaleItem',
  SECTION_HEADER: 'SectionHeaderItem',
  TEXT: 'TextItem',
};

/** Items that produce an answer (and a response-sheet column). */
export const answers = (item: ItemModel): boolean => item.type !== 'SECTION_HEADER';

/** Forms, their destinations and responses; shared by FormApp and the harness's submitForm. */
export class FormsWorld {
  readonly forms = new Map<string, FormModel>();
  constructor(
    readonly runtime: Runtime,
    readonly sheets: SheetsWorld,
  ) {
    sheets.formUrl = (id) => this.editUrl(id);
  }
  editUrl(id: string): string {
    return `https://docs.google.com/forms/d/${id}/edit`;
  }
  publishedUrl(form: FormModel): string {
    return `https://docs.google.com/forms/d/e/${form.publishedId}/viewform`;
  }
  get(id: string): FormModel {
    const form = this.forms.get(id);
    if (!form)
      throw new Exception(
        'Unexpected error while getting the method or property openById on object FormApp.',
      );
    return form;
  }
  destination(form: FormModel): { ss: SpreadsheetModel; sheet: SheetModel } | null {
    if (!form.destinationId) return null;
    const ss = this.sheets.files.get(form.destinationId);
    const sheet = ss?.sheets.find((s) => ss.formSheets.get(s.id) === form.id);
    return ss && sheet ? { ss, sheet } : null;
  }
  /**
   * Google adds a response column at the right when an item is added to a linked form — also for a
   * question re-created with a deleted one's title: the old column stays, the new one is another.
   */
  addColumn(form: FormModel, item: ItemModel): void {
    const dest = this.destination(form);
    if (!dest || !answers(item)) return;
    form.columns.set(item.id, this.newColumn(form, dest, item.title));
  }
  private newColumn(
    form: FormModel,
    dest: { ss: SpreadsheetModel; sheet: SheetModel },
    title: string,
  ): number {
    const col = Math.max(1, form.lastColumn ?? 0, form.emailColumn ?? 0, ...form.columns.values()) + 1;
    if (col > dest.sheet.maxCols) {
      assertRoom(dest.ss, (col - dest.sheet.maxCols) * dest.sheet.maxRows);
      dest.sheet.maxCols = col;
    }
    form.lastColumn = col;
    dest.sheet.ensure(1, col).v = title;
    return col;
  }
  /** The "Email Address" column of a form that collects emails (after Timestamp on a new link). */
  addEmailColumn(form: FormModel): void {
    const dest = this.destination(form);
    if (!dest || form.emailColumn !== undefined) return;
    const zh = dest.ss.locale.toLowerCase().startsWith('zh');
    form.emailColumn = this.newColumn(form, dest, zh ? '电子邮件地址' : 'Email Address');
  }
  renameColumn(form: FormModel, item: ItemModel): void {
    const dest = this.destination(form);
    const col = form.columns.get(item.id);
    if (dest && col) dest.sheet.ensure(1, col).v = item.title;
  }
  /** Records a response and writes its row; returns the row number. */
  record(form: FormModel, response: ResponseModel): { row: number; sheetName: string } | null {
    form.responses.push(response);
    const dest = this.destination(form);
    if (!dest) return null;
    const row = dest.sheet.lastRow() + 1;
    if (row > dest.sheet.maxRows) {
      // A full workbook cannot take the row: the response stays in the form only (assumed; see README).
      try {
        assertRoom(dest.ss, (row - dest.sheet.maxRows) * dest.sheet.maxCols);
      } catch {
        return null;
      }
      dest.sheet.maxRows = row;
    }
    const { locale, timeZone } = dest.ss;
    const stamp = dest.sheet.ensure(row, 1);
    stamp.v = new Date(response.timestamp.getTime());
    stamp.fmt = dateFormat(locale, true);
    if (form.emailColumn !== undefined) dest.sheet.ensure(row, form.emailColumn).v = response.email;
    for (const a of response.answers) {
      const col = form.columns.get(a.itemId);
      if (!col) continue;
      const cell = dest.sheet.ensure(row, col);
      const item = form.items.find((i) => i.id === a.itemId);
      const text = Array.isArray(a.value) ? a.value.join(', ') : a.value;
      const date =
        item && (item.type === 'DATE' || item.type === 'DATETIME') ? answerDate(text, timeZone) : null;
      if (date) {
        // A date question's answer is a real date in the sheet, shown in the locale's pattern.
        cell.v = date;
        cell.fmt = dateFormat(locale, item?.type === 'DATETIME');
        continue;
      }
      // Forms writes answers as entered: numbers become numbers, but text never becomes a formula.
      cell.v = text.startsWith('=') || text.startsWith("'") ? text : parseInput(text).value;
    }
    return { row, sheetName: dest.sheet.name };
  }
}

/** A DATE ('2026-03-02') or DATETIME ('2026-03-02 09:30') answer as Forms records it, in the sheet's zone. */
function answerDate(text: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  return new Date(
    zonedTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), timeZone),
  );
}

class Choice extends ServiceObject {
  readonly _service = 'Choice';
  constructor(private readonly value: string) {
    super();
  }
  getValue(): string {
    return this.value;
  }
}

export class ItemResponse extends ServiceObject {
  readonly _service = 'ItemResponse';
  constructor(
    readonly _item: FormItem,
    readonly _value: string | string[],
  ) {
    super();
  }
  getItem(): FormItem {
    return this._item;
  }
  getResponse(): string | string[] {
    return Array.isArray(this._value) ? [...this._value] : this._value;
  }
}

export class FormItem extends ServiceObject {
  readonly _service: string;
  constructor(
    private readonly world: FormsWorld,
    readonly _form: FormModel,
    readonly _model: ItemModel,
    typed = false,
  ) {
    super();
    this._service = typed ? SERVICE[_model.type] : 'Item';
  }
  private as(name: string): FormItem {
    if (TYPED[name] !== this._model.type)
      throw new Exception(`Invalid conversion for item type: ${this._model.type}.`);
    return new FormItem(this.world, this._form, this._model, true);
  }
  asCheckboxItem(): FormItem {
    return this.as('asCheckboxItem');
  }
  asDateItem(): FormItem {
    return this.as('asDateItem');
  }
  asDateTimeItem(): FormItem {
    return this.as('asDateTimeItem');
  }
  asListItem(): FormItem {
    return this.as('asListItem');
  }
  asMultipleChoiceItem(): FormItem {
    return this.as('asMultipleChoiceItem');
  }
  asParagraphTextItem(): FormItem {
    return this.as('asParagraphTextItem');
  }
  asScaleItem(): FormItem {
    return this.as('asScaleItem');
  }
  asSectionHeaderItem(): FormItem {
    return this.as('asSectionHeaderItem');
  }
  asTextItem(): FormItem {
    return this.as('asTextItem');
  }
  getId(): number {
    return this._model.id;
  }
  getIndex(): number {
    return this._form.items.indexOf(this._model);
  }
  getType(): Enum {
    return ItemType[this._model.type];
  }
  getTitle(): string {
    return this._model.title;
  }
  setTitle(title: string): this {
    this._model.title = String(title);
    this.world.renameColumn(this._form, this._model);
    return this;
  }
  getHelpText(): string {
    return this._model.helpText;
  }
  setHelpText(text: string): this {
    this._model.helpText = String(text);
    return this;
  }
  isRequired(): boolean {
    return this._model.required;
  }
  setRequired(enabled: boolean): this {
    this._model.required = Boolean(enabled);
    return this;
  }
  createChoice(value: string): Choice {
    return new Choice(String(value));
  }
  setChoiceValues(values: string[]): this {
    this._model.choices = values.map(String);
    return this;
  }
  setChoices(choices: Choice[]): this {
    this._model.choices = choices.map((c) => c.getValue());
    return this;
  }
  getChoices(): Choice[] {
    return this._model.choices.map((c) => new Choice(c));
  }
  showOtherOption(_enabled: boolean): this {
    return this;
  }
  setBounds(lower: number, upper: number): this {
    if (lower < 0 || lower > 1 || upper < 3 || upper > 10)
      throw new Exception('Invalid bounds for a scale item.');
    this._model.bounds = [lower, upper];
    return this;
  }
  getLowerBound(): number {
    return this._model.bounds[0];
  }
  getUpperBound(): number {
    return this._model.bounds[1];
  }
  setLabels(lower: string, upper: string): this {
    this._model.labels = [String(lower), String(upper)];
    return this;
  }
  getLeftLabel(): string {
    return this._model.labels[0];
  }
  getRightLabel(): string {
    return this._model.labels[1];
  }
  createResponse(response: unknown): ItemResponse {
    const value = Array.isArray(response) ? response.map(String) : String(response);
    return new ItemResponse(this, value);
  }
}

export class FormResponse extends ServiceObject {
  readonly _service = 'FormResponse';
  constructor(
    private readonly world: FormsWorld,
    readonly _form: FormModel,
    readonly _model: ResponseModel,
  ) {
    super();
  }
  getId(): string {
    return this._model.id;
  }
  getTimestamp(): Date {
    return new Date(this._model.timestamp.getTime());
  }
  getRespondentEmail(): string {
    return this._model.email;
  }
  getItemResponses(): ItemResponse[] {
    return this._model.answers.flatMap((a) => {
      const item = this._form.items.find((i) => i.id === a.itemId);
      return item ? [new ItemResponse(new FormItem(this.world, this._form, item), a.value)] : [];
    });
  }
  getResponseForItem(item: FormItem): ItemResponse | null {
    const a = this._model.answers.find((x) => x.itemId === item._model.id);
    return a ? new ItemResponse(item, a.value) : null;
  }
  withItemResponse(response: ItemResponse): this {
    this._model.answers = this._model.answers.filter((a) => a.itemId !== response._item._model.id);
    this._model.answers.push({ itemId: response._item._model.id, value: response._value });
    return this;
  }
  toPrefilledUrl(): string {
    const params = this._model.answers.flatMap((a) =>
      (Array.isArray(a.value) ? a.value : [a.value]).map((v) => `entry.${a.itemId}=${encodeURIComponent(v)}`),
    );
    return `${this.world.publishedUrl(this._form)}?usp=pp_url${params.map((p) => `&${p}`).join('')}`;
  }
  getEditResponseUrl(): string {
    return `${this.world.publishedUrl(this._form)}?edit2=${this._model.id}`;
  }
  /** Programmatic submissions are stored and written to the sheet; they do not fire triggers here. */
  submit(): FormResponse {
    const model = {
      ...this._model,
      id: `2_ABaOnu${this.world.runtime.newId().slice(0, 30)}`,
      timestamp: this.world.runtime.clock.now(),
    };
    this.world.record(this._form, model);
    return new FormResponse(this.world, this._form, model);
  }
}

export class Form extends ServiceObject {
  readonly _service = 'Form';
  constructor(
    private readonly world: FormsWorld,
    readonly _model: FormModel,
  ) {
    super();
  }
  private item(model: ItemModel): FormItem {
    return new FormItem(this.world, this._model, model, true);
  }
  private add(type: ItemKind): FormItem {
    const model: ItemModel = {
      id: 100000000 + this.world.runtime.nextNumber() * 7727,
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      bounds: [1, 5],
      labels: ['', ''],
    };
    this._model.items.push(model);
    this.world.addColumn(this._model, model);
    return this.item(model);
  }
  getId(): string {
    return this._model.id;
  }
  getTitle(): string {
    return this._model.title;
  }
  setTitle(title: string): this {
    this._model.title = String(title);
    return this;
  }
  getDescription(): string {
    return this._model.description;
  }
  setDescription(description: string): this {
    this._model.description = String(description);
    return this;
  }
  getPublishedUrl(): string {
    return this.world.publishedUrl(this._model);
  }
  getEditUrl(): string {
    return this.world.editUrl(this._model.id);
  }
  addTextItem(): FormItem {
    return this.add('TEXT');
  }
  addParagraphTextItem(): FormItem {
    return this.add('PARAGRAPH_TEXT');
  }
  addMultipleChoiceItem(): FormItem {
    return this.add('MULTIPLE_CHOICE');
  }
  addListItem(): FormItem {
    return this.add('LIST');
  }
  addCheckboxItem(): FormItem {
    return this.add('CHECKBOX');
  }
  addScaleItem(): FormItem {
    return this.add('SCALE');
  }
  addDateItem(): FormItem {
    return this.add('DATE');
  }
  addDateTimeItem(): FormItem {
    return this.add('DATETIME');
  }
  addSectionHeaderItem(): FormItem {
    return this.add('SECTION_HEADER');
  }
  getItems(itemType?: Enum): FormItem[] {
    return this._model.items
      .filter((i) => itemType === undefined || String(itemType) === i.type)
      .map((i) => new FormItem(this.world, this._model, i));
  }
  getItemById(id: number): FormItem | null {
    const m = this._model.items.find((i) => i.id === Number(id));
    return m ? new FormItem(this.world, this._model, m) : null;
  }
  private indexOf(item: FormItem | number): number {
    const i = typeof item === 'number' ? item : this._model.items.indexOf(item._model);
    if (i < 0 || i >= this._model.items.length) throw new Exception('Invalid argument: index');
    return i;
  }
  /** Deleting an item keeps its response column (Google never deletes sheet columns). */
  deleteItem(item: FormItem | number): void {
    const i = this.indexOf(item);
    const [removed] = this._model.items.splice(i, 1);
    if (removed) this._model.columns.delete(removed.id);
  }
  moveItem(from: FormItem | number, toIndex: number): FormItem {
    const [m] = this._model.items.splice(this.indexOf(from), 1);
    if (!m) throw new Exception('Invalid argument: from');
    this._model.items.splice(toIndex, 0, m);
    return new FormItem(this.world, this._model, m);
  }
  /** Creates the response sheet ('Form Responses N', or '表单回复 N' in a zh locale) at the front. */
  setDestination(type: Enum, destination: string): this {
    if (type !== DestinationType.SPREADSHEET) throw new Exception('Invalid argument: type');
    const ss = this.world.sheets.byId(String(destination));
    const zh = ss.locale.toLowerCase().startsWith('zh');
    const prefix = zh ? '表单回复' : 'Form Responses';
    let n = 1;
    while (ss.sheets.some((s) => s.name === `${prefix} ${n}`)) n++;
    const sheet = new SheetModel(100000000 + this.world.runtime.nextNumber() * 7919, `${prefix} ${n}`);
    assertRoom(ss, sheet.maxRows * sheet.maxCols);
    ss.sheets.unshift(sheet);
    ss.formId = this._model.id;
    ss.formSheets.set(sheet.id, this._model.id);
    this._model.destinationId = ss.id;
    this._model.columns.clear();
    this._model.emailColumn = undefined;
    this._model.lastColumn = undefined;
    sheet.ensure(1, 1).v = zh ? '时间戳记' : 'Timestamp';
    if (this._model.collectEmail) this.world.addEmailColumn(this._model);
    for (const item of this._model.items.filter(answers)) this.world.addColumn(this._model, item);
    return this;
  }
  getDestinationId(): string {
    if (!this._model.destinationId) throw new Exception('The form currently has no response destination.');
    return this._model.destinationId;
  }
  getDestinationType(): Enum {
    this.getDestinationId();
    return DestinationType.SPREADSHEET;
  }
  removeDestination(): this {
    const ss = this._model.destinationId ? this.world.sheets.files.get(this._model.destinationId) : undefined;
    if (ss) {
      for (const [sheetId, formId] of ss.formSheets)
        if (formId === this._model.id) ss.formSheets.delete(sheetId);
      if (ss.formId === this._model.id) ss.formId = undefined;
    }
    this._model.destinationId = undefined;
    return this;
  }
  getResponses(timestamp?: Date): FormResponse[] {
    return this._model.responses
      .filter((r) => !timestamp || r.timestamp.getTime() >= timestamp.getTime())
      .map((r) => new FormResponse(this.world, this._model, r));
  }
  getResponse(responseId: string): FormResponse {
    const r = this._model.responses.find((x) => x.id === responseId);
    if (!r) throw new Exception(`No response with ID ${responseId} exists for this form.`);
    return new FormResponse(this.world, this._model, r);
  }
  createResponse(): FormResponse {
    return new FormResponse(this.world, this._model, {
      id: '',
      timestamp: this.world.runtime.clock.now(),
      email: '',
      answers: [],
    });
  }
  deleteAllResponses(): this {
    this._model.responses = [];
    return this;
  }
  /** Collecting emails adds the response sheet's "Email Address" column (and namedValues key). */
  setCollectEmail(collect: boolean): this {
    this._model.collectEmail = Boolean(collect);
    if (this._model.collectEmail) this.world.addEmailColumn(this._model);
    return this;
  }
  collectsEmail(): boolean {
    return this._model.collectEmail;
  }
  setAcceptingResponses(enabled: boolean): this {
    this._model.accepting = Boolean(enabled);
    return this;
  }
  isAcceptingResponses(): boolean {
    return this._model.accepting;
  }
  setConfirmationMessage(_message: string): this {
    return this;
  }
  setAllowResponseEdits(_enabled: boolean): this {
    return this;
  }
  setLimitOneResponsePerUser(_enabled: boolean): this {
    return this;
  }
}

export class FormApp extends ServiceObject {
  readonly _service = 'FormApp';
  readonly DestinationType = DestinationType;
  readonly ItemType = ItemType;
  constructor(private readonly world: FormsWorld) {
    super();
  }
  create(title: string): Form {
    const runtime = this.world.runtime;
    const model: FormModel = {
      id: runtime.newId(),
      publishedId: `1FAIpQLS${runtime.newId().slice(0, 48)}`,
      title: String(title),
      description: '',
      items: [],
      responses: [],
      columns: new Map(),
      accepting: true,
      collectEmail: false,
    };
    this.world.forms.set(model.id, model);
    return new Form(this.world, model);
  }
  openById(id: string): Form {
    return new Form(this.world, this.world.get(String(id)));
  }
  openByUrl(url: string): Form {
    const id = /\/forms\/d\/([^/]+)/.exec(String(url))?.[1];
    if (!id || id === 'e') throw new Exception('Invalid argument: url');
    return this.openById(id);
  }
}
