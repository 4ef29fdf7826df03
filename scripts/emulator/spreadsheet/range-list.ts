import { ServiceObject } from '../runtime';
import { assertCellText } from './limits';
import type { Range } from './range';

/**
 * RangeList: ranges of one sheet acted on together
 * (developers.google.com/apps-script/reference/spreadsheet/range-list). Each method is one call,
 * whatever the number of ranges, and returns the list. Cells moved are counted once per cell covered.
 */
export class RangeList extends ServiceObject {
  readonly _service = 'RangeList';
  constructor(private readonly ranges: readonly Range[]) {
    super();
  }

  /** "Returns a list of one or more Range instances in the same sheet." */
  getRanges(): Range[] {
    return [...this.ranges];
  }

  /** "Sets the value for each Range in the range list": checked for the cell limit before anything is written. */
  setValue(value: unknown): this {
    assertCellText(value);
    for (const range of this.ranges) range.setValue(value);
    return this;
  }

  /** "Clears the content of each Range in the range list, leaving the formatting intact." */
  clearContent(): this {
    for (const range of this.ranges) range.clearContent();
    return this;
  }

  /** "Sets the number format to the given format for each Range in the range list." */
  setNumberFormat(format: string): this {
    for (const range of this.ranges) range.setNumberFormat(format);
    return this;
  }
}
