/**
 * Report and escalation mails rendered in a real browser (issue 14 "Readability", Done when: no `###`
 * and no clipped value): each mail's HTML in headless Chromium at a mail pane's width, every element's
 * content measured against its box — a value wider than its card or cell would spill or be cut.
 */
import type { Page } from 'playwright-core';
import type { Emulator } from '../../scripts/emulator';
import { newDesk } from '../helpers/desk';
import { fillTickets, shanghai } from '../jobs/scheduler-fixtures';
import { type Browser, CHROMIUM_MISSING, INSTALL_HINT, launchChromium } from './chromium';

if (CHROMIUM_MISSING) console.warn(INSTALL_HINT);
const inBrowser = CHROMIUM_MISSING ? describe.skip : describe;

/** A mail client's reading pane. */
const PANE_WIDTH = 900;

interface Overflow {
  tag: string;
  text: string;
  content: number;
  box: number;
}

/** Elements whose content is wider than their box (spilling over, or cut where overflow is hidden). */
async function overflows(page: Page, html: string): Promise<Overflow[]> {
  await page.setContent(html);
  // A string, evaluated in the page (the Node typings have no DOM).
  return page.evaluate<Overflow[]>(`
    [...document.body.querySelectorAll('*')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
      .map((element) => ({
        tag: element.tagName,
        text: (element.textContent ?? '').slice(0, 60),
        content: element.scrollWidth,
        box: element.clientWidth,
      }))
  `);
}

inBrowser('mails in Chromium', () => {
  let browser: Browser;
  let emu: Emulator;

  beforeAll(async () => {
    browser = await launchChromium();
    // Mon 2026-03-02: 300 tickets of the last weeks (5 % open and late): the weekly report of W09 on
    // demand, and the escalation summary at 16:00.
    emu = newDesk({ lang: 'en' });
    fillTickets(emu, 300, shanghai('2026-03-02 10:00'));
    emu.run('menuReportLastWeek', undefined, { interactive: true });
    emu.advanceTo(shanghai('2026-03-02 16:30'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the weekly report mail and the escalation summaries: no ###, no value wider than its box', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: PANE_WIDTH, height: 800 });
    const mails = emu.mail.outbox.filter((mail) => /Weekly report|Escalation summary/.test(mail.subject));
    expect(mails.some((mail) => /Weekly report/.test(mail.subject))).toBe(true);
    expect(mails.some((mail) => /Escalation summary/.test(mail.subject))).toBe(true);
    for (const mail of mails) {
      const html = mail.htmlBody ?? '';
      expect(html).not.toContain('###');
      expect({ subject: mail.subject, overflows: await overflows(page, html) }).toEqual({
        subject: mail.subject,
        overflows: [],
      });
      // The KPI cards hold their figures: each value sits inside its card.
      const cards = await page.evaluate<Array<{ card: number; widest: number }>>(`
        [...document.querySelectorAll('div[style*="width:160px"]')].map((card) => ({
          card: card.getBoundingClientRect().width,
          widest: Math.max(...[...card.children].map((child) => child.scrollWidth)),
        }))
      `);
      expect(cards.length > 0 || !/Weekly report/.test(mail.subject)).toBe(true);
      for (const { card, widest } of cards) expect(widest).toBeLessThanOrEqual(card);
    }
    await page.close();
  }, 60_000);
});
