import type { FormInfo, FormSpec, FormsPort, QuestionSpec } from '../ports';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

function addQuestion(form: Form, question: QuestionSpec): void {
  switch (question.kind) {
    case 'text': {
      const item = form.addTextItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      return;
    }
    case 'paragraph': {
      const item = form.addParagraphTextItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      return;
    }
    case 'choice': {
      const item = form.addMultipleChoiceItem().setTitle(question.title).setRequired(question.required);
      item.setChoiceValues(question.choices ?? []);
      if (question.help) item.setHelpText(question.help);
      return;
    }
    case 'list': {
      const item = form.addListItem().setTitle(question.title).setRequired(question.required);
      item.setChoiceValues(question.choices ?? []);
      if (question.help) item.setHelpText(question.help);
      return;
    }
    case 'checkbox': {
      const item = form.addCheckboxItem().setTitle(question.title).setRequired(question.required);
      item.setChoiceValues(question.choices ?? []);
      if (question.help) item.setHelpText(question.help);
      return;
    }
    case 'scale': {
      const scale = question.scale ?? { low: 1, high: 5 };
      const item = form.addScaleItem().setTitle(question.title).setRequired(question.required);
      item.setBounds(scale.low, scale.high).setLabels(scale.lowLabel ?? '', scale.highLabel ?? '');
      if (question.help) item.setHelpText(question.help);
      return;
    }
    case 'datetime': {
      const item = form.addDateTimeItem().setTitle(question.title).setRequired(question.required);
      if (question.help) item.setHelpText(question.help);
      return;
    }
  }
}

function responseFor(item: Item, value: string): ItemResponse | null {
  switch (item.getType()) {
    case FormApp.ItemType.TEXT:
      return item.asTextItem().createResponse(value);
    case FormApp.ItemType.PARAGRAPH_TEXT:
      return item.asParagraphTextItem().createResponse(value);
    case FormApp.ItemType.MULTIPLE_CHOICE:
      return item.asMultipleChoiceItem().createResponse(value);
    case FormApp.ItemType.LIST:
      return item.asListItem().createResponse(value);
    default:
      return null;
  }
}

/** FormsPort with FormApp; forms are linked to the active spreadsheet as their destination. */
export class GasForms implements FormsPort {
  create(spec: FormSpec): FormInfo {
    const form = FormApp.create(spec.title);
    this.fill(form, spec);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
    return this.info(form);
  }

  update(formId: string, spec: FormSpec): FormInfo | null {
    const form = this.open(formId);
    if (!form) return null;
    for (const item of form.getItems()) form.deleteItem(item);
    this.fill(form, spec);
    return this.info(form);
  }

  exists(formId: string): boolean {
    return this.open(formId) !== null;
  }

  prefilledUrl(formId: string, answers: Record<string, string>): string {
    const form = this.open(formId);
    if (!form) return '';
    const response = form.createResponse();
    for (const item of form.getItems()) {
      const value = answers[item.getTitle()];
      if (value === undefined) continue;
      const itemResponse = responseFor(item, value);
      if (itemResponse) response.withItemResponse(itemResponse);
    }
    return response.toPrefilledUrl();
  }

  private fill(form: Form, spec: FormSpec): void {
    form.setTitle(spec.title).setDescription(spec.description);
    for (const question of spec.questions) addQuestion(form, question);
  }

  private open(formId: string): Form | null {
    try {
      return FormApp.openById(formId);
    } catch (error) {
      if (
        error instanceof Error &&
        /not found|does not exist|No item with the given ID/i.test(error.message)
      ) {
        return null;
      }
      throw error;
    }
  }

  /** The response sheet is the one whose form URL names this form's id. */
  private info(form: Form): FormInfo {
    SpreadsheetApp.flush();
    const id = form.getId();
    const sheet = SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .find((candidate) => (candidate.getFormUrl() ?? '').includes(id));
    return {
      id,
      publishedUrl: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      responseSheetName: sheet ? sheet.getName() : '',
      responseSheetId: sheet ? sheet.getSheetId() : 0,
    };
  }
}
