import type { FormInfo, FormSpec, FormsPort, QuestionKind, QuestionSpec } from '../ports';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

/** Adds the question at the end of the form and returns its item id (Google adds its response column). */
function addQuestion(form: Form, question: QuestionSpec): number {
  switch (question.kind) {
    case 'text':
      return form.addTextItem().getId();
    case 'paragraph':
      return form.addParagraphTextItem().getId();
    case 'choice':
      return form.addMultipleChoiceItem().getId();
    case 'list':
      return form.addListItem().getId();
    case 'checkbox':
      return form.addCheckboxItem().getId();
    case 'scale':
      return form.addScaleItem().getId();
    case 'datetime':
      return form.addDateTimeItem().getId();
  }
}

function itemTypeOf(kind: QuestionKind): GoogleAppsScript.Forms.ItemType {
  switch (kind) {
    case 'text':
      return FormApp.ItemType.TEXT;
    case 'paragraph':
      return FormApp.ItemType.PARAGRAPH_TEXT;
    case 'choice':
      return FormApp.ItemType.MULTIPLE_CHOICE;
    case 'list':
      return FormApp.ItemType.LIST;
    case 'checkbox':
      return FormApp.ItemType.CHECKBOX;
    case 'scale':
      return FormApp.ItemType.SCALE;
    case 'datetime':
      return FormApp.ItemType.DATETIME;
  }
}

/**
 * Edits an item in place to match the question (title, help, required, choices, bounds): the item keeps
 * its id, so its response column and every pre-filled link already mailed keep working.
 */
function editItem(item: Item, question: QuestionSpec): void {
  const help = question.help ?? '';
  switch (question.kind) {
    case 'text':
      item.asTextItem().setTitle(question.title).setRequired(question.required).setHelpText(help);
      return;
    case 'paragraph':
      item.asParagraphTextItem().setTitle(question.title).setRequired(question.required).setHelpText(help);
      return;
    case 'choice':
      item
        .asMultipleChoiceItem()
        .setTitle(question.title)
        .setRequired(question.required)
        .setHelpText(help)
        .setChoiceValues(question.choices ?? []);
      return;
    case 'list':
      item
        .asListItem()
        .setTitle(question.title)
        .setRequired(question.required)
        .setHelpText(help)
        .setChoiceValues(question.choices ?? []);
      return;
    case 'checkbox':
      item
        .asCheckboxItem()
        .setTitle(question.title)
        .setRequired(question.required)
        .setHelpText(help)
        .setChoiceValues(question.choices ?? []);
      return;
    case 'scale': {
      const scale = question.scale ?? { low: 1, high: 5 };
      item
        .asScaleItem()
        .setTitle(question.title)
        .setRequired(question.required)
        .setHelpText(help)
        .setBounds(scale.low, scale.high)
        .setLabels(scale.lowLabel ?? '', scale.highLabel ?? '');
      return;
    }
    case 'datetime':
      item.asDateTimeItem().setTitle(question.title).setRequired(question.required).setHelpText(help);
      return;
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
    const form = FormApp.create(spec.title).setDescription(spec.description);
    const ids: Record<string, number> = {};
    for (const question of spec.questions) {
      const id = addQuestion(form, question);
      const item = form.getItemById(id);
      if (item) editItem(item, question);
      ids[question.key] = id;
    }
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
    return this.info(form, ids);
  }

  update(formId: string, spec: FormSpec, known: Readonly<Record<string, number>> = {}): FormInfo | null {
    const form = this.open(formId);
    if (!form) return null;
    form.setTitle(spec.title).setDescription(spec.description);
    const existing = form.getItems();
    const byId = new Map(existing.map((item) => [item.getId(), item]));
    const kept = new Set<number>();
    const ids: Record<string, number> = {};
    for (const question of spec.questions) {
      const storedId = known[question.key];
      let item = storedId === undefined ? undefined : byId.get(storedId);
      // A form made before item ids were stored: adopt its question by title (either language).
      if (item === undefined && storedId === undefined) {
        const titles = [question.title, ...(question.aliases ?? [])];
        item = existing.find(
          (candidate) => !kept.has(candidate.getId()) && titles.includes(candidate.getTitle()),
        );
      }
      if (item !== undefined && (kept.has(item.getId()) || item.getType() !== itemTypeOf(question.kind))) {
        // Google cannot change a question's type in place: that one question gets a new item (and column).
        if (!kept.has(item.getId())) form.deleteItem(item);
        item = undefined;
      }
      const id = item === undefined ? addQuestion(form, question) : item.getId();
      const current = item ?? form.getItemById(id);
      if (current) editItem(current, question);
      kept.add(id);
      ids[question.key] = id;
    }
    // Questions the spec no longer asks (Google keeps their response columns and answers).
    for (const item of form.getItems()) if (!kept.has(item.getId())) form.deleteItem(item);
    spec.questions.forEach((question, index) => {
      const item = form.getItemById(ids[question.key]);
      if (item && item.getIndex() !== index) form.moveItem(item, index);
    });
    return this.info(form, ids);
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

  responsesSince(formId: string, since: Date): number | null {
    const form = this.open(formId);
    return form ? form.getResponses(since).length : null;
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
  private info(form: Form, items: Record<string, number>): FormInfo {
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
      items,
    };
  }
}
