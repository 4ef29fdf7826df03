/**
 * The ticket panel in the browser (Google's sidebar iframe). Talks to the server only through
 * google.script.run (src/index.ts panel* endpoints). Every value is put into the page as text
 * (textContent, never innerHTML): ticket text is customer input.
 */
import { PANEL_HANDLERS } from '../../handlers';
import type {
  ActionResult,
  MoveView,
  PanelAction,
  PanelBoot,
  QueueItem,
  QueueTask,
  QueueView,
  RecordedStage,
  StageView,
  TicketView,
} from '../../jobs/panel/view';

type Handler = (value: unknown) => void;
interface ScriptRun {
  withSuccessHandler(fn: Handler): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [server: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

/** One google.script.run call as a promise. */
function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(error));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

let boot: PanelBoot | null = null;
let ticket: TicketView | null = null;
let tab: 'queue' | 'ticket' = 'queue';
let flash: { text: string; ok: boolean } | null = null;
let notice = '';

function s(key: string, params: Record<string, string | number> = {}): string {
  const template = boot?.strings[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? `{${name}}`));
}

type Child = Node | string | null | undefined | false;

/** Builds an element; strings become text nodes, so nothing the server sends is parsed as HTML. */
function h(
  tag: string,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

let uid = 0;
function fieldId(): string {
  uid += 1;
  return `f${uid}`;
}

function labelled(text: string, control: HTMLElement): HTMLElement[] {
  const id = control.id || fieldId();
  control.id = id;
  return [h('label', { for: id }, text), control];
}

function badge(text: string, state?: string | null): HTMLElement {
  return h('span', { class: `badge${state ? ` state-${state}` : ''}` }, text);
}

function render(): void {
  const app = document.getElementById('app') as HTMLElement;
  const tabs = document.getElementById('tabs') as HTMLElement;
  tabs.replaceChildren(tabButton('queue', s('panel.tab.queue')), tabButton('ticket', s('panel.tab.ticket')));
  const content: Child[] = [];
  if (flash)
    content.push(
      h('p', { class: flash.ok ? 'ok' : 'error', role: flash.ok ? 'status' : 'alert' }, flash.text),
    );
  if (tab === 'queue' && boot) content.push(queueView(boot.queue));
  if (tab === 'ticket') content.push(ticket ? ticketPane(ticket) : emptyTicket());
  app.replaceChildren(...(content.filter(Boolean) as Node[]));
  // A message about what just happened is at the top: bring it into view.
  if (flash) window.scrollTo(0, 0);
}

function tabButton(name: 'queue' | 'ticket', text: string): HTMLElement {
  const button = h(
    'button',
    { type: 'button', role: 'tab', 'aria-selected': String(tab === name), id: `tab-${name}` },
    text,
  );
  button.addEventListener('click', () => {
    tab = name;
    flash = null;
    render();
  });
  return button;
}

function finder(): HTMLElement {
  const input = h('input', { type: 'text', name: 'ticketId', autocomplete: 'off' }) as HTMLInputElement;
  const open = h('button', { type: 'submit', class: 'secondary' }, s('panel.openById'));
  const selected = h(
    'button',
    { type: 'button', class: 'secondary', id: 'use-selection' },
    s('panel.useSelection'),
  );
  selected.addEventListener('click', () => {
    void run(async () => {
      const answer = await call<{ ticket: TicketView | null; notice: string }>(PANEL_HANDLERS.selected);
      show(answer.ticket, answer.notice);
    });
  });
  const form = h(
    'form',
    { class: 'finder', 'aria-label': s('panel.idLabel') },
    h('div', { class: 'row' }, h('div', {}, ...labelled(s('panel.idLabel'), input)), open),
    selected,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim() === '') return;
    void openTicket(input.value.trim(), null, true);
  });
  return form;
}

function emptyTicket(): HTMLElement {
  return h('section', {}, notice ? h('p', { class: 'notice', role: 'status' }, notice) : null, finder());
}

function queueView(queue: QueueView): HTMLElement {
  const section = h('section', { 'aria-labelledby': 'queue-title' });
  const refresh = h('button', { type: 'button', class: 'secondary' }, s('panel.refresh'));
  refresh.addEventListener('click', () => {
    void run(async () => {
      if (boot) boot.queue = await call<QueueView>(PANEL_HANDLERS.queue);
    });
  });
  section.append(
    h(
      'div',
      { class: 'row' },
      h('p', { class: 'muted' }, queue.staffName ? s('panel.queue.signedIn', { name: queue.staffName }) : ''),
      refresh,
    ),
  );
  if (!queue.staffName) {
    section.append(h('p', { class: 'notice' }, s('panel.queue.notStaff', { email: queue.me || '—' })));
    return section;
  }
  section.append(h('h3', { id: 'queue-title' }, s('panel.queue.tickets')));
  section.append(
    queue.tickets.length ? queueList(queue.tickets) : h('p', { class: 'muted' }, s('panel.queue.empty')),
  );
  section.append(h('h3', {}, s('panel.queue.callbacks')));
  section.append(
    queue.callbacks.length
      ? queueList(queue.callbacks)
      : h('p', { class: 'muted' }, s('panel.queue.noCallbacks')),
  );
  section.append(h('h3', {}, s('panel.queue.audits')));
  section.append(
    queue.audits.length ? taskList(queue.audits) : h('p', { class: 'muted' }, s('panel.queue.noAudits')),
  );
  section.append(h('h3', {}, s('panel.queue.inspections')));
  section.append(
    queue.inspections.length
      ? taskList(queue.inspections)
      : h('p', { class: 'muted' }, s('panel.queue.noInspections')),
  );
  return section;
}

/**
 * Audit samples and inspections: what, for whom, by when, and the pre-filled form in a new tab; a sampled
 * ticket's ID opens it in the panel.
 */
function taskList(tasks: QueueTask[]): HTMLElement {
  return h(
    'ul',
    { class: 'queue tasks' },
    ...tasks.map((task) => {
      const title = task.ticketId
        ? h('button', { type: 'button', class: 'link', 'data-id': task.ticketId }, task.title)
        : h('span', { class: 'id' }, task.title);
      if (task.ticketId) title.addEventListener('click', () => void openTicket(task.ticketId, null, true));
      return h(
        'li',
        { class: 'task' },
        title,
        ' ',
        task.overdue ? badge(s('panel.queue.overdue'), 'breached') : null,
        h('br'),
        h('span', { class: 'muted' }, task.detail),
        task.due ? h('br') : null,
        task.due ? h('span', { class: 'when' }, s('panel.queue.dueBy', { due: task.due })) : null,
        task.link ? h('br') : null,
        task.link
          ? h('a', { href: task.link, target: '_blank', rel: 'noopener noreferrer' }, task.linkText)
          : null,
      );
    }),
  );
}

function queueList(items: QueueItem[]): HTMLElement {
  return h(
    'ul',
    { class: 'queue' },
    ...items.map((item) => {
      const button = h(
        'button',
        { type: 'button', 'data-id': item.id },
        h('span', { class: 'id' }, item.id),
        ' ',
        item.stateLabel ? badge(item.stateLabel, item.state) : null,
        h('br'),
        h('span', { class: 'muted' }, [item.type, item.status, item.customer].filter(Boolean).join(' · ')),
        item.nextDue ? h('br') : null,
        item.nextDue ? h('span', { class: 'when' }, s('panel.queue.nextDue', { due: item.nextDue })) : null,
      );
      button.addEventListener('click', () => void openTicket(item.id, item.row, true));
      return h('li', {}, button);
    }),
  );
}

function dl(rows: Array<[string, string]>): HTMLElement {
  const list = h('dl');
  for (const [term, value] of rows) if (value !== '') list.append(h('dt', {}, term), h('dd', {}, value));
  return list;
}

function ticketPane(view: TicketView): HTMLElement {
  const pane = h('article', { 'aria-labelledby': 'ticket-title' });
  pane.append(
    h('h2', { id: 'ticket-title' }, view.id),
    h(
      'p',
      {},
      badge(view.statusLabel),
      view.slaState ? badge(view.slaStateLabel, view.slaState === 'none' ? null : view.slaState) : null,
    ),
  );
  pane.append(h('h3', {}, s('panel.section.details')), dl(view.fields.map((f) => [f.label, f.value])));
  pane.append(
    h('h3', {}, s('panel.section.description')),
    h('p', { class: 'text', id: 'description' }, view.description),
  );
  if (view.resolution)
    pane.append(
      h('h3', {}, s('panel.section.resolution')),
      h('p', { class: 'text', id: 'resolution' }, view.resolution),
    );
  pane.append(deadlines(view));
  const callback = callbackInfo(view);
  if (callback) pane.append(callback);
  pane.append(actions(view), timeline(view), finder());
  return pane;
}

function deadlines(view: TicketView): HTMLElement {
  const section = h('section', { id: 'deadlines' }, h('h3', {}, s('panel.section.deadlines')));
  const body = h('tbody');
  for (const stage of view.stages.filter((st) => st.due !== '')) {
    body.append(
      h(
        'tr',
        { 'data-stage': stage.stage },
        h('th', { scope: 'row' }, stage.label),
        h(
          'td',
          {},
          h('div', {}, `${s('panel.due')} ${stage.due}`),
          stage.done ? h('div', { class: 'muted' }, `${s('panel.doneAt')} ${stage.done}`) : null,
          stage.stateLabel ? badge(stage.stateLabel, stage.state) : null,
          stage.explanation
            ? h(
                'details',
                {},
                h('summary', {}, s('panel.howComputed')),
                h('p', { class: 'explain' }, stage.explanation),
              )
            : null,
          stage.canRecord ? recordStageButton(stage) : null,
        ),
      ),
    );
  }
  section.append(h('table', {}, body));
  section.append(
    dl([
      [s('panel.paused'), view.paused],
      [s('panel.waitingSince'), view.waitingSince],
      [s('panel.escalation'), String(view.escalationLevel)],
      [s('panel.updatedAt'), view.updatedAt],
    ]),
  );
  return section;
}

/** "Done now" for a stage people record by hand (the customer answered, the department's feedback). */
function recordStageButton(stage: StageView): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'secondary record',
      'aria-label': s('panel.action.recordStageLabel', { stage: stage.label }),
    },
    s('panel.action.recordStage'),
  ) as HTMLButtonElement;
  button.addEventListener('click', () => {
    button.disabled = true;
    void act({ kind: 'stage', stage: stage.stage as RecordedStage }, error).finally(() => {
      button.disabled = false;
    });
  });
  return h('div', {}, button, error);
}

function callbackInfo(view: TicketView): HTMLElement | null {
  const cb = view.callback;
  if (!cb.stateLabel) return null;
  return h(
    'section',
    { id: 'callback' },
    h('h3', {}, s('panel.section.callback')),
    dl([
      [s('panel.callback.state'), cb.stateLabel],
      [s('panel.callback.window'), cb.open || cb.due ? `${cb.open} – ${cb.due}` : ''],
      [s('panel.callback.at'), cb.at],
      [s('panel.callback.satisfaction'), cb.satisfaction],
      [s('panel.callback.attempts'), cb.stateLabel ? String(cb.attempts) : ''],
    ]),
  );
}

function timeline(view: TicketView): HTMLElement {
  const section = h('section', { id: 'history' }, h('h3', {}, s('panel.section.history')));
  if (view.history.length === 0) section.append(h('p', { class: 'muted' }, s('panel.noHistory')));
  const list = h('ol', { class: 'timeline' });
  for (const entry of [...view.history].reverse()) {
    const change = entry.oldValue ? `${entry.oldValue} → ${entry.newValue}` : entry.newValue;
    list.append(
      h(
        'li',
        {},
        h('div', { class: 'when' }, [entry.at, entry.actor, entry.source].filter(Boolean).join(' · ')),
        h('div', {}, h('strong', {}, entry.field), change ? `: ${change}` : ''),
      ),
    );
  }
  section.append(list);
  if (view.olderHistory > 0)
    section.append(h('p', { class: 'muted' }, s('panel.olderHistory', { n: view.olderHistory })));
  return section;
}

/** A form that sends one action; its own error line shows refusals inline. */
function actionForm(
  id: string,
  legend: string,
  controls: Child[],
  submit: string,
  build: () => PanelAction | string,
): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert', id: `${id}-error` });
  const button = h('button', { type: 'submit', class: 'primary' }, submit) as HTMLButtonElement;
  const form = h(
    'form',
    { id, novalidate: true },
    h('fieldset', {}, h('legend', {}, legend), ...controls, button, error),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const action = build();
    if (typeof action === 'string') {
      error.textContent = action;
      return;
    }
    button.disabled = true;
    void act(action, error).finally(() => {
      button.disabled = false;
    });
  });
  return form;
}

function select(name: string, options: Array<[string, string]>, value = ''): HTMLSelectElement {
  const element = h('select', { name }) as HTMLSelectElement;
  for (const [code, text] of options)
    element.append(h('option', { value: code, selected: code === value }, text));
  return element;
}

function actions(view: TicketView): HTMLElement {
  const section = h('section', { id: 'actions' }, h('h3', {}, s('panel.section.actions')));
  section.append(statusForm(view), assignForm(view), callbackForm(view), noteForm());
  return section;
}

function statusForm(view: TicketView): HTMLElement {
  if (view.moves.length === 0)
    return h('p', { class: 'muted' }, s('panel.action.noMoves', { status: view.statusLabel }));
  const moves = new Map<string, MoveView>(view.moves.map((m) => [m.to, m]));
  const to = select(
    'to',
    view.moves.map((m) => [m.to, m.label]),
  );
  const text = h('textarea', { name: 'text' }) as HTMLTextAreaElement;
  const textLabel = h('label', { for: fieldId() });
  text.id = textLabel.getAttribute('for') ?? '';
  const textBox = h('div', {}, textLabel, text);
  const update = () => {
    const needs = moves.get(to.value)?.needs;
    const key =
      needs === 'resolution'
        ? 'panel.action.resolution'
        : needs === 'reason'
          ? 'panel.action.reason'
          : needs === 'note'
            ? 'panel.action.waitNote'
            : null;
    textBox.hidden = key === null;
    textLabel.textContent = key ? s(key) : '';
    if (needs === 'resolution' && text.value === '') text.value = view.resolution;
  };
  to.addEventListener('change', update);
  update();
  return actionForm(
    'status-form',
    s('panel.action.status'),
    [...labelled(s('panel.action.newStatus'), to), textBox],
    s('panel.action.apply'),
    () => ({
      kind: 'status',
      to: to.value as MoveView['to'],
      text: textBox.hidden ? '' : text.value,
    }),
  );
}

function assignForm(view: TicketView): HTMLElement {
  const options = boot?.options;
  const department = select(
    'department',
    [['', s('panel.action.notSet')], ...(options?.departments ?? []).map((d): [string, string] => [d, d])],
    view.department,
  );
  const assignee = h('select', { name: 'assignee' }) as HTMLSelectElement;
  const fill = () => {
    const keep = assignee.value || view.assignee;
    assignee.replaceChildren(h('option', { value: '' }, s('panel.action.notSet')));
    for (const member of options?.staff ?? []) {
      if (department.value && member.department && member.department !== department.value) continue;
      const text = member.note ? `${member.name} (${member.note})` : member.name;
      assignee.append(h('option', { value: member.name, selected: member.name === keep }, text));
    }
  };
  department.addEventListener('change', fill);
  fill();
  const canTransfer = view.moves.some((m) => m.to === 'transferred');
  const transfer = h('input', { type: 'checkbox', name: 'transfer', id: fieldId() }) as HTMLInputElement;
  return actionForm(
    'assign-form',
    s('panel.action.assign'),
    [
      ...labelled(s('panel.action.department'), department),
      ...labelled(s('panel.action.assignee'), assignee),
      canTransfer
        ? h('label', { class: 'inline', for: transfer.id }, transfer, s('panel.action.transfer'))
        : null,
    ],
    s('panel.action.assignApply'),
    () => ({
      kind: 'assign',
      department: department.value,
      assignee: assignee.value,
      transfer: canTransfer && transfer.checked,
    }),
  );
}

function callbackForm(view: TicketView): HTMLElement {
  if (!view.callback.canLog) return h('p', { class: 'muted' }, s('panel.action.callbackNotYet'));
  const options = boot?.options;
  const method = select(
    'method',
    (options?.methods ?? []).map((m): [string, string] => [m.code, m.label]),
  );
  const reached = select(
    'reached',
    (options?.yesNo ?? []).map((m): [string, string] => [m.code, m.label]),
  );
  const satisfaction = select('satisfaction', [
    ['', s('panel.action.notSet')],
    ...(options?.satisfaction ?? []).map((m): [string, string] => [String(m.value), m.label]),
  ]);
  const resolved = select('issueResolved', [
    ['', s('panel.action.notSet')],
    ...(options?.yesNo ?? []).map((m): [string, string] => [m.code, m.label]),
  ]);
  const comments = h('textarea', { name: 'comments' }) as HTMLTextAreaElement;
  // One ID per filled-in form: sending it twice (a retry, a double click) records one attempt.
  const id = requestId();
  return actionForm(
    'callback-form',
    s('panel.action.callback'),
    [
      ...labelled(s('panel.action.method'), method),
      ...labelled(s('panel.action.reached'), reached),
      ...labelled(s('panel.action.satisfaction'), satisfaction),
      ...labelled(s('panel.action.issueResolved'), resolved),
      ...labelled(s('panel.action.comments'), comments),
    ],
    s('panel.action.callbackApply'),
    () => ({
      kind: 'callback',
      method: method.value,
      reached: reached.value === 'yes',
      satisfaction: satisfaction.value === '' ? null : Number(satisfaction.value),
      issueResolved: resolved.value === '' ? null : resolved.value === 'yes',
      comments: comments.value,
      requestId: id,
    }),
  );
}

function noteForm(): HTMLElement {
  const text = h('textarea', { name: 'note' }) as HTMLTextAreaElement;
  return actionForm(
    'note-form',
    s('panel.action.note'),
    labelled(s('panel.action.noteText'), text),
    s('panel.action.noteApply'),
    () => ({
      kind: 'note',
      text: text.value,
    }),
  );
}

function requestId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function act(action: PanelAction, error: HTMLElement): Promise<void> {
  if (!ticket) return;
  const current = ticket;
  try {
    const result = await call<ActionResult>(PANEL_HANDLERS.act, {
      id: current.id,
      row: current.row,
      version: current.version,
      action,
    });
    if (!result.ok && !result.stale) {
      // Refused by a rule: nothing was written; the form keeps what was typed.
      error.textContent = result.message;
      return;
    }
    flash = { text: result.message, ok: result.ok };
    await reload(current);
  } catch (failure) {
    error.textContent = s('panel.failed', { message: (failure as Error).message });
  }
}

async function reload(current: TicketView): Promise<void> {
  const answer = await call<{ ticket: TicketView | null; notice: string }>(
    PANEL_HANDLERS.ticket,
    current.id,
    current.row,
    false,
  );
  ticket = answer.ticket;
  notice = answer.notice;
  render();
}

function show(view: TicketView | null, message: string): void {
  ticket = view;
  notice = message;
  tab = 'ticket';
  render();
}

async function openTicket(id: string, row: number | null, selectRow: boolean): Promise<void> {
  await run(async () => {
    const answer = await call<{ ticket: TicketView | null; notice: string }>(
      PANEL_HANDLERS.ticket,
      id,
      row,
      selectRow,
    );
    show(answer.ticket, answer.notice);
  });
}

/** Runs a server round trip; a failure is shown at the top of the panel. */
async function run(work: () => Promise<void>): Promise<void> {
  flash = null;
  try {
    await work();
  } catch (failure) {
    flash = { text: s('panel.failed', { message: (failure as Error).message }), ok: false };
  }
  render();
}

async function start(): Promise<void> {
  try {
    boot = await call<PanelBoot>(PANEL_HANDLERS.open);
    document.documentElement.lang = boot.lang;
    ticket = boot.ticket;
    notice = boot.notice;
    tab = ticket ? 'ticket' : 'queue';
    render();
    document.body.setAttribute('data-ready', 'true');
  } catch (failure) {
    const app = document.getElementById('app') as HTMLElement;
    app.replaceChildren(h('p', { class: 'error', role: 'alert' }, (failure as Error).message));
    document.body.setAttribute('data-ready', 'error');
  }
}

void start();
