import { DataValidationCriteria, ProtectionType, WrapStrategy } from '../enums';
import { Exception } from '../errors';
import { type Runtime, ServiceObject } from '../runtime';
import type { SpreadsheetModel } from './context';
import { DataValidationBuilder } from './extras';
import { FilterCriteriaBuilder } from './filter';
import { newSpreadsheetModel, Spreadsheet } from './spreadsheet';
import { Ui, UiState } from './ui';

/** All spreadsheet files the emulated user can open, and the one the add-on is bound to. */
export class SheetsWorld {
  readonly files = new Map<string, SpreadsheetModel>();
  readonly ui = new UiState();
  readonly active: SpreadsheetModel;
  formUrl: (formId: string) => string = (id) => `https://docs.google.com/forms/d/${id}/edit`;

  constructor(readonly runtime: Runtime) {
    this.active = this.create('Service Desk');
  }

  create(name: string): SpreadsheetModel {
    const model = newSpreadsheetModel(this.runtime, name);
    this.files.set(model.id, model);
    return model;
  }

  open(model: SpreadsheetModel): Spreadsheet {
    return new Spreadsheet(this.runtime, model, this.ui.toasts, (id) => this.formUrl(id));
  }

  byId(id: string): SpreadsheetModel {
    const model = this.files.get(id);
    if (!model)
      throw new Exception(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return model;
  }
}

export class SpreadsheetApp extends ServiceObject {
  readonly _service = 'SpreadsheetApp';
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly DataValidationCriteria = DataValidationCriteria;

  constructor(private readonly world: SheetsWorld) {
    super();
  }
  getActiveSpreadsheet(): Spreadsheet {
    return this.world.open(this.world.active);
  }
  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): unknown {
    return this.getActiveSpreadsheet().getActiveSheet();
  }
  getActiveRange(): unknown {
    return this.getActiveSpreadsheet().getActiveRange();
  }
  getCurrentCell(): unknown {
    return this.getActiveSpreadsheet().getActiveCell();
  }
  openById(id: string): Spreadsheet {
    return this.world.open(this.world.byId(String(id)));
  }
  openByUrl(url: string): Spreadsheet {
    const id = /\/d\/([^/]+)/.exec(String(url))?.[1];
    if (!id) throw new Exception('Invalid argument: url');
    return this.openById(id);
  }
  create(name: string): Spreadsheet {
    return this.world.open(this.world.create(String(name)));
  }
  /** Installable triggers and the editor's Run button have no user interface to show. */
  getUi(): Ui {
    if (!this.world.runtime.current.interactive)
      throw new Exception('Cannot call SpreadsheetApp.getUi() from this context.');
    return new Ui(this.world.runtime, this.world.ui);
  }
  /** Writes are applied at once here, so there is nothing to flush. */
  flush(): void {}
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder();
  }
  newFilterCriteria(): FilterCriteriaBuilder {
    return new FilterCriteriaBuilder();
  }
}
