/**
 * A basic filter (Range.createFilter): it only hides rows from view. Values are untouched, and
 * getValues/setValues/appendRow see every row, as in Sheets; that is what code must cope with.
 * Criteria: hidden values per column (FilterCriteriaBuilder.setHiddenValues / whenTextEqualTo).
 */
import { Exception } from '../errors';
import { ServiceObject } from '../runtime';
import type { FilterModel, SheetModel } from './model';

export class FilterCriteria extends ServiceObject {
  readonly _service = 'FilterCriteria';
  constructor(
    readonly _hidden: (text: string) => boolean,
    readonly _hiddenValues: string[],
  ) {
    super();
  }
}

export class FilterCriteriaBuilder extends ServiceObject {
  readonly _service = 'FilterCriteriaBuilder';
  private hidden: string[] = [];
  private visibleOnly: string | null = null;
  setHiddenValues(values: string[]): this {
    this.hidden = values.map(String);
    return this;
  }
  whenTextEqualTo(text: string): this {
    this.visibleOnly = String(text);
    return this;
  }
  build(): FilterCriteria {
    const hidden = [...this.hidden];
    const only = this.visibleOnly;
    return new FilterCriteria((text) => hidden.includes(text) || (only !== null && text !== only), hidden);
  }
}

export class Filter extends ServiceObject {
  readonly _service = 'Filter';
  constructor(
    readonly _sheet: SheetModel,
    readonly _model: FilterModel,
    private readonly rangeOf: (box: [number, number, number, number]) => unknown,
  ) {
    super();
  }
  getRange(): unknown {
    return this.rangeOf(this._model.box);
  }
  setColumnFilterCriteria(columnPosition: number, criteria: FilterCriteria | null): this {
    const [, col, , cols] = this._model.box;
    if (columnPosition < col || columnPosition >= col + cols) {
      throw new Exception('The column position is out of the range of the filter.');
    }
    if (criteria) this._model.criteria.set(columnPosition, criteria._hidden);
    else this._model.criteria.delete(columnPosition);
    this.apply();
    return this;
  }
  removeColumnFilterCriteria(columnPosition: number): this {
    return this.setColumnFilterCriteria(columnPosition, null);
  }
  remove(): void {
    this._model.criteria.clear();
    this.apply();
    this._sheet.filter = null;
  }
  /** Rows below the filter's header row are hidden when any column's criteria hides their value. */
  private apply(): void {
    const [row, , rows] = this._model.box;
    this._sheet.filteredRows.clear();
    for (let r = row + 1; r < row + rows; r++) {
      for (const [column, hidden] of this._model.criteria) {
        const cell = this._sheet.cell(r, column);
        // Criteria compare text; dates compare by their ISO text (the emulator has no display locale here).
        const value = cell?.v ?? '';
        if (hidden(value instanceof Date ? value.toISOString() : String(value))) {
          this._sheet.filteredRows.add(r);
          break;
        }
      }
    }
  }
}
