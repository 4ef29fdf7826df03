/**
 * The ticket panel in a real browser (issue 19): dist/Panel.html in headless Chromium, its
 * google.script.run calls bridged to the emulator running dist/Code.js (scripts/emulator/html-bridge.ts).
 * Screenshots of each view go to out/ (the README's are copies under docs/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Emulator } from '../../scripts/emulator';
import { HtmlBridge } from '../../scripts/emulator/html-bridge';
import { cellOf, newDesk, rowsOf } from '../helpers/desk';
import { resolvedInquiries } from '../helpers/fixtures';
import { complaint, submitIntake } from '../helpers/intake';
import { staffEmail } from '../helpers/panel';
import { type Browser, CHROMIUM_MISSING, INSTALL_HINT, launchChromium } from './chromium';

const OUT = join(__dirname, '../../out');
const XSS = '<img src=x onerror=alert(1)>';

if (CHROMIUM_MISSING) console.warn(INSTALL_HINT);
const inBrowser = CHROMIUM_MISSING ? describe.skip : describe;

interface Opened {
  emu: Emulator;
  bridge: HtmlBridge;
  page: Page;
  dialogs: string[];
  errors: string[];
}

let browser: Browser;
const bridges: HtmlBridge[] = [];

/** A desk with one complaint (optionally in Chinese), the panel opened from the menu in a new page. */
async function openPanel(
  options: { lang?: 'en' | 'zh-CN'; description?: string; select?: [string, string] } = {},
): Promise<Opened> {
  const lang = options.lang ?? 'en';
  const emu = newDesk({ lang });
  const answers =
    lang === 'en'
      ? complaint({ description: options.description ?? 'Water leaking from the ceiling since yesterday.' })
      : {
          receivedBy: '李娜',
          channel: '电话',
          type: '投诉',
          category: '维修 / 给排水',
          severity: '一般',
          customer: '王芳',
          phone: '13812341234',
          description: options.description ?? '天花板漏水，已经两天了。',
        };
  submitIntake(emu, answers, lang);
  const tickets = lang === 'en' ? 'Tickets' : '工单登记';
  const assignee = String(rowsOf(emu, tickets)[0][lang === 'en' ? 'Assignee' : '处理人']);
  const [sheet, a1] = options.select ?? [tickets, 'C2'];
  emu.select(sheet, a1);
  emu.run('menuOpenPanel');
  const bridge = new HtmlBridge(emu, { user: staffEmail(emu, assignee) });
  await bridge.start();
  bridges.push(bridge);
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(bridge.url());
  await page.waitForSelector('body[data-ready="true"]');
  return { emu, bridge, page, dialogs, errors };
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

function sheetState(emu: Emulator) {
  return {
    tickets: JSON.stringify(emu.spreadsheet.sheet('Tickets').values()),
    notes: JSON.stringify(emu.spreadsheet.sheet('Tickets').notes()),
    history: emu.spreadsheet.sheet('History').lastRow(),
  };
}

inBrowser('the ticket panel in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(bridges.map((bridge) => bridge.stop()));
  });

  it('opens on the selected ticket in a 300 px sidebar: fields, deadlines with how each was computed, History', async () => {
    const { page, errors } = await openPanel();
    await expect(page.textContent('#ticket-title')).resolves.toBe('CMP-2026-00001');
    await expect(page.getAttribute('#tab-ticket', 'aria-selected')).resolves.toBe('true');
    const resolve = page.locator('#deadlines tr[data-stage="resolve"]');
    await expect(resolve.textContent()).resolves.toContain('Due Thu 2026-03-05 10:00');
    await resolve.locator('summary').click();
    await expect(resolve.locator('.explain').textContent()).resolves.toBe(
      'Received Mon 2026-03-02 10:00; General Complaint: 3 wd → due Thu 2026-03-05 10:00',
    );
    await expect(page.locator('#history li').count()).resolves.toBe(1);
    // Fits the sidebar: nothing wider than 300 px.
    await expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(300);
    // Every form control has a label.
    await expect(
      page.evaluate(
        `Array.from(document.querySelectorAll('select, textarea, input')).filter((c) => c.labels.length === 0).map((c) => c.name)`,
      ),
    ).resolves.toEqual([]);
    await screenshot(page, 'panel-ticket-en');
    expect(errors).toEqual([]);
  });

  it('a description with markup is shown as text: no element is made and no script runs', async () => {
    const { page, dialogs, errors } = await openPanel({ description: XSS });
    await expect(page.textContent('#description')).resolves.toBe(XSS);
    await expect(page.locator('#description img').count()).resolves.toBe(0);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Resolved without a Resolution: the error shows inline and the sheet is unchanged; with one the sheet, History and callback queue follow', async () => {
    const { emu, page } = await openPanel();
    const before = sheetState(emu);
    await page.selectOption('#status-form select[name="to"]', 'resolved');
    await page.fill('#status-form textarea', '');
    await page.click('#status-form button[type="submit"]');
    await page.waitForFunction(`document.querySelector('#status-form-error').textContent !== ''`);
    await expect(page.textContent('#status-form-error')).resolves.toBe(
      'Fill in “Resolution (what was done)” first.',
    );
    expect(sheetState(emu)).toEqual(before);
    await page.locator('#status-form').scrollIntoViewIfNeeded();
    await screenshot(page, 'panel-refused-en');

    emu.clock.advance(3_600_000);
    await page.fill('#status-form textarea', 'Replaced the pipe joint.');
    await page.click('#status-form button[type="submit"]');
    await page.waitForSelector('p.ok');
    await expect(page.textContent('p.ok')).resolves.toBe('Status changed to Resolved.');
    await expect(page.textContent('#resolution')).resolves.toBe('Replaced the pipe joint.');
    await expect(page.textContent('#callback')).resolves.toContain('Due');
    await expect(page.locator('#callback-form').count()).resolves.toBe(1);
    const row = rowsOf(emu, 'Tickets')[0];
    expect(row).toMatchObject({
      Status: 'Resolved',
      Resolution: 'Replaced the pipe joint.',
      'Callback state': 'Due',
    });
    expect(rowsOf(emu, 'History').at(-1)).toMatchObject({
      Field: 'Status',
      'New value': 'Resolved',
      Source: 'Ticket panel',
    });
    await expect(page.locator('#history li').first().textContent()).resolves.toContain('Resolved');
  });

  it('an action after someone else changed the ticket is refused with who and when, and the panel reloads', async () => {
    const { emu, page } = await openPanel();
    emu.clock.advance(3_600_000);
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', 2), [['In progress']], {
      user: 'li.na@example.com',
    });
    const before = sheetState(emu);
    await page.fill('#note-form textarea', 'Called the plumber.');
    await page.click('#note-form button[type="submit"]');
    await page.waitForSelector('main > p.error');
    await expect(page.textContent('main > p.error')).resolves.toBe(
      'This ticket was changed by li.na@example.com at Mon 2026-03-02 11:00 after you opened it. It has been reloaded: check it and try again.',
    );
    expect(sheetState(emu)).toEqual(before);
    // Reloaded: the panel now shows the other person's change.
    await expect(page.locator('article .badge').first().textContent()).resolves.toBe('In progress');
    await screenshot(page, 'panel-stale-en');
  });

  it('a stage done now from the deadlines table: the customer answered; the sheet and the table follow', async () => {
    const { emu, page, errors } = await openPanel();
    const ack = page.locator('#deadlines tr[data-stage="ack"]');
    await expect(page.locator('#deadlines tr[data-stage="resolve"] button.record').count()).resolves.toBe(0);
    const button = ack.getByRole('button', { name: 'Acknowledge: done now' });
    emu.clock.advance(3_600_000);
    const clicked = emu.clock.now().getTime();
    await button.click();
    await page.waitForSelector('p.ok');
    await expect(page.textContent('p.ok')).resolves.toBe('Acknowledge: done at Mon 2026-03-02 11:00.');
    const ackAt = rowsOf(emu, 'Tickets')[0]['Ack at'];
    expect(ackAt instanceof Date && ackAt.getTime() >= clicked && ackAt.getTime() < clicked + 60_000).toBe(
      true,
    );
    await expect(ack.textContent()).resolves.toContain('Done Mon 2026-03-02 11:00');
    await expect(ack.locator('button.record').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('works from the keyboard alone: Tab reaches the status form, arrow keys choose, Enter submits; focus is visible', async () => {
    const { emu, page, errors } = await openPanel();
    /** Presses Tab until `selector` has the focus (at most 60 presses), as a keyboard user would. */
    const tabTo = async (selector: string) => {
      for (let presses = 0; presses < 60; presses++) {
        if (
          await page.evaluate(
            `document.activeElement === document.querySelector(${JSON.stringify(selector)})`,
          )
        )
          return presses;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await tabTo('#status-form select[name="to"]');
    // A focused control shows a ring (panel.css :focus-visible), not the browser's default removed.
    await expect(page.evaluate(`getComputedStyle(document.activeElement).outlineStyle`)).resolves.not.toBe(
      'none',
    );
    for (let presses = 0; presses < 10; presses++) {
      if ((await page.inputValue('#status-form select[name="to"]')) === 'inProgress') break;
      await page.keyboard.press('ArrowDown');
    }
    await expect(page.inputValue('#status-form select[name="to"]')).resolves.toBe('inProgress');
    await tabTo('#status-form button[type="submit"]');
    emu.clock.advance(600_000);
    await page.keyboard.press('Enter');
    await page.waitForSelector('p.ok');
    await expect(page.textContent('p.ok')).resolves.toBe('Status changed to In progress.');
    expect(rowsOf(emu, 'Tickets')[0]).toMatchObject({ Status: 'In progress' });
    expect(errors).toEqual([]);
  });

  it('My queue lists the signed-in person’s tickets by next due; a click (or Enter) opens the ticket and selects its row', async () => {
    const { emu, page } = await openPanel({ select: ['History', 'A1'] });
    await expect(page.getAttribute('#tab-queue', 'aria-selected')).resolves.toBe('true');
    const item = page.locator('ul.queue button[data-id="CMP-2026-00001"]');
    await expect(item.textContent()).resolves.toContain('next due Mon 2026-03-02 14:00');
    await screenshot(page, 'panel-queue-en');
    await item.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#ticket-title');
    await expect(page.textContent('#ticket-title')).resolves.toBe('CMP-2026-00001');
    expect(emu.selection()).toMatchObject({ sheet: 'Tickets', a1: expect.stringMatching(/^A2:/) });
  });

  it('My queue shows a supervisor’s audit sample and an inspector’s inspections due, with their form links', async () => {
    // Set up Mon 2026-03-09 07:00; Zhang Wei resolved a ticket in week 2026-W10; the sample is drawn.
    const emu = newDesk({ lang: 'en', start: new Date(Date.UTC(2026, 2, 8, 23, 0)) });
    resolvedInquiries(emu, ['INQ-2026-00001'], 'Zhang Wei');
    emu.run('menuAuditSample', undefined, { interactive: true });
    emu.clock.set(new Date(Date.UTC(2026, 2, 10, 1, 0))); // Tue 09:00: the day's inspections are due
    emu.select('History', 'A1');
    emu.run('menuOpenPanel');
    const pages: Page[] = [];
    for (const name of ['Li Na', 'Zhang Wei']) {
      const bridge = new HtmlBridge(emu, { user: staffEmail(emu, name) });
      await bridge.start();
      bridges.push(bridge);
      const page = await browser.context.newPage();
      await page.goto(bridge.url());
      await page.waitForSelector('body[data-ready="true"]');
      pages.push(page);
    }
    const [supervisor, inspector] = pages;
    const sample = supervisor.locator('ul.tasks li.task').first();
    await expect(sample.textContent()).resolves.toContain('Zhang Wei · Phone service');
    await expect(sample.locator('a').textContent()).resolves.toBe('Audit it');
    await expect(sample.locator('a').getAttribute('href')).resolves.toMatch(/viewform\?.*entry\./);
    await expect(sample.locator('a').getAttribute('rel')).resolves.toContain('noopener');
    await screenshot(supervisor, 'panel-queue-audits-en');
    await supervisor.click('ul.tasks button[data-id="INQ-2026-00001"]');
    await supervisor.waitForSelector('#ticket-title');
    await expect(supervisor.textContent('#ticket-title')).resolves.toBe('INQ-2026-00001');

    const due = inspector.locator('ul.tasks li.task', {
      hasText: 'Building 1 common areas — Daily area check',
    });
    await expect(due.locator('a').textContent()).resolves.toBe('Inspect');
    await expect(due.textContent()).resolves.toContain('due Tue 2026-03-10 23:59');
    const width = await inspector.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(300);
    await screenshot(inspector, 'panel-queue-inspections-en');
  });

  it('speaks Chinese on a Chinese desk', async () => {
    const { page, errors } = await openPanel({ lang: 'zh-CN' });
    await expect(page.textContent('#tab-queue')).resolves.toBe('我的待办');
    await expect(page.textContent('#deadlines h3')).resolves.toBe('时限');
    await expect(page.locator('#status-form legend').textContent()).resolves.toBe('更改状态');
    await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('zh-CN');
    await screenshot(page, 'panel-ticket-zh');
    await page.click('#tab-queue');
    await screenshot(page, 'panel-queue-zh');
    expect(errors).toEqual([]);
  });
});
