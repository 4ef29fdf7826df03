import { Button, ButtonSet, type Enum } from '../enums';
import { Exception } from '../errors';
import { type Runtime, ServiceObject } from '../runtime';
import type { Toast } from './spreadsheet';

export interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: true;
  subMenu?: MenuRecord;
}
export interface MenuRecord {
  caption: string;
  addOn: boolean;
  items: MenuItem[];
}
interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  _width?: number;
  _height?: number;
}
export interface Shown {
  at: Date;
  kind: 'modal' | 'modeless' | 'sidebar';
  title: string;
  html: string;
}
export interface Alert {
  at: Date;
  title: string;
  prompt: string;
  buttons: string;
}

/** What the user has been shown. Answers to alerts/prompts can be queued by tests. */
export class UiState {
  readonly menus: MenuRecord[] = [];
  readonly alerts: Alert[] = [];
  readonly shown: Shown[] = [];
  readonly toasts: Toast[] = [];
  /** Next buttons/text the "user" answers to alert()/prompt(); default OK / YES with empty text. */
  readonly answers: Array<{ button: string; text?: string }> = [];
}

export class Menu extends ServiceObject {
  readonly _service = 'Menu';
  constructor(
    private readonly state: UiState,
    private readonly record: MenuRecord,
  ) {
    super();
  }
  addItem(caption: string, functionName: string): this {
    this.record.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): this {
    this.record.items.push({ caption: '', separator: true });
    return this;
  }
  addSubMenu(menu: Menu): this {
    this.record.items.push({ caption: menu.record.caption, subMenu: menu.record });
    return this;
  }
  addToUi(): void {
    const i = this.state.menus.findIndex(
      (m) => m.caption === this.record.caption && m.addOn === this.record.addOn,
    );
    if (i >= 0) this.state.menus.splice(i, 1, this.record);
    else this.state.menus.push(this.record);
  }
}

class PromptResponse extends ServiceObject {
  readonly _service = 'PromptResponse';
  constructor(
    private readonly text: string,
    private readonly button: Enum,
  ) {
    super();
  }
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): Enum {
    return this.button;
  }
}

export class Ui extends ServiceObject {
  readonly _service = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    private readonly runtime: Runtime,
    private readonly state: UiState,
  ) {
    super();
  }
  createMenu(caption: string): Menu {
    return new Menu(this.state, { caption: String(caption), addOn: false, items: [] });
  }
  createAddonMenu(): Menu {
    return new Menu(this.state, { caption: 'Add-on', addOn: true, items: [] });
  }
  private answer(buttons: Enum): { button: Enum; text: string } {
    const next = this.state.answers.shift();
    const fallback = buttons === ButtonSet.YES_NO || buttons === ButtonSet.YES_NO_CANCEL ? 'YES' : 'OK';
    const key = (next?.button ?? fallback) as keyof typeof Button;
    return { button: Button[key] ?? Button.OK, text: next?.text ?? '' };
  }
  /** Both dialogs take (prompt), (prompt, buttons) or (title, prompt, buttons); records it, returns the buttons. */
  private recordDialog(a: string, b?: string | Enum, c?: Enum): Enum {
    const title = typeof b === 'string' ? a : '';
    const prompt = typeof b === 'string' ? b : a;
    const buttons = (typeof b === 'string' ? c : b) ?? ButtonSet.OK;
    this.state.alerts.push({
      at: this.runtime.clock.now(),
      title,
      prompt: String(prompt),
      buttons: String(buttons),
    });
    return buttons;
  }
  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: string | Enum, c?: Enum): Enum {
    return this.answer(this.recordDialog(a, b, c)).button;
  }
  prompt(a: string, b?: string | Enum, c?: Enum): PromptResponse {
    const { button, text } = this.answer(this.recordDialog(a, b, c));
    return new PromptResponse(text, button);
  }
  private show(kind: Shown['kind'], html: HtmlLike, title?: string): void {
    if (typeof html?.getContent !== 'function') throw new Exception('Invalid argument: userInterface');
    this.state.shown.push({
      at: this.runtime.clock.now(),
      kind,
      title: title ?? html.getTitle(),
      html: html.getContent(),
    });
  }
  showModalDialog(userInterface: HtmlLike, title: string): void {
    this.show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: HtmlLike, title: string): void {
    this.show('modeless', userInterface, title);
  }
  showSidebar(userInterface: HtmlLike): void {
    this.show('sidebar', userInterface);
  }
}
