import { langFromLocale, t } from '../i18n';
import { MENU_HANDLERS } from '../handlers';

/** Placeholder until the entry-point wiring lands. */
export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  const lang = langFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  ui.createAddonMenu()
    .addItem(t(lang, 'menu.setup'), MENU_HANDLERS.setup)
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}
