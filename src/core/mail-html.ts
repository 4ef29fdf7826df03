/**
 * Plain, escaped HTML for every email (SPEC §14: nothing from users is ever rendered as HTML). Callers
 * pass text; this module is the only place that writes tags, and it escapes every piece of text.
 */
import { escapeHtml } from './text';

/** A KPI card: a figure, its target and status; the tone colours its border (reports, SPEC §10). */
export interface MailCard {
  label: string;
  value: string;
  detail: string;
  tone: 'good' | 'bad' | 'none';
}

/** A link shown as short text (the URL never shows in the HTML; the text version prints it). */
export interface MailLink {
  text: string;
  href: string;
}

export type MailCell = string | MailLink;

export interface MailSection {
  heading?: string;
  cards?: MailCard[];
  /** Label/value pairs shown as a two-column table. */
  fields?: Array<[string, string]>;
  /** A table with a header row. */
  table?: { columns: string[]; rows: MailCell[][] };
  paragraphs?: string[];
  /** After the table: e.g. "+12 more — open the sheet" for a list cut short. */
  more?: MailLink;
}

export interface MailDocument {
  title: string;
  intro: string;
  sections: MailSection[];
  link?: { href: string; text: string };
  footer: string;
}

export interface RenderedMail {
  html: string;
  text: string;
}

const CELL = 'style="padding:4px 8px;border:1px solid #dadce0;vertical-align:top"';

const CARD_COLOURS: Record<MailCard['tone'], string> = { good: '#34a853', bad: '#ea4335', none: '#9aa0a6' };

function cardHtml(card: MailCard): string {
  const box = `display:inline-block;vertical-align:top;width:160px;margin:0 8px 8px 0;padding:8px 10px;border:1px solid #dadce0;border-top:4px solid ${CARD_COLOURS[card.tone]}`;
  return [
    `<div style="${box}">`,
    `<div style="font-size:12px;color:#5f6368">${escapeHtml(card.label)}</div>`,
    `<div style="font-size:22px;font-weight:bold">${escapeHtml(card.value)}</div>`,
    `<div style="font-size:12px">${escapeHtml(card.detail)}</div>`,
    '</div>',
  ].join('');
}

function cellHtml(cell: MailCell): string {
  return typeof cell === 'string'
    ? escapeHtml(cell)
    : `<a href="${escapeHtml(cell.href)}">${escapeHtml(cell.text)}</a>`;
}

function cellText(cell: MailCell): string {
  return typeof cell === 'string' ? cell : `${cell.text}: ${cell.href}`;
}

function sectionHtml(section: MailSection): string {
  const parts: string[] = [];
  if (section.heading) parts.push(`<h3 style="margin:16px 0 6px">${escapeHtml(section.heading)}</h3>`);
  if (section.cards?.length) parts.push(`<div>${section.cards.map(cardHtml).join('')}</div>`);
  for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${escapeHtml(paragraph)}</p>`);
  if (section.fields?.length) {
    const rows = section.fields.map(
      ([label, value]) =>
        `<tr><th ${CELL} align="left">${escapeHtml(label)}</th><td ${CELL}>${escapeHtml(value)}</td></tr>`,
    );
    parts.push(`<table style="border-collapse:collapse">${rows.join('')}</table>`);
  }
  if (section.table) {
    const head = section.table.columns
      .map((column) => `<th ${CELL} align="left">${escapeHtml(column)}</th>`)
      .join('');
    const body = section.table.rows.map(
      (row) => `<tr>${row.map((cell) => `<td ${CELL}>${cellHtml(cell)}</td>`).join('')}</tr>`,
    );
    parts.push(`<table style="border-collapse:collapse"><tr>${head}</tr>${body.join('')}</table>`);
  }
  if (section.more) parts.push(`<p>${cellHtml(section.more)}</p>`);
  return parts.join('\n');
}

function sectionText(section: MailSection): string {
  const lines: string[] = [];
  if (section.heading) lines.push(`\n${section.heading}`);
  for (const card of section.cards ?? []) lines.push(`${card.label}: ${card.value} (${card.detail})`);
  lines.push(...(section.paragraphs ?? []));
  for (const [label, value] of section.fields ?? []) lines.push(`${label}: ${value}`);
  if (section.table) {
    lines.push(section.table.columns.join(' | '));
    for (const row of section.table.rows) lines.push(row.map(cellText).join(' | '));
  }
  if (section.more) lines.push(cellText(section.more));
  return lines.join('\n');
}

export function renderMail(doc: MailDocument): RenderedMail {
  const link = doc.link
    ? `<p><a href="${escapeHtml(doc.link.href)}">${escapeHtml(doc.link.text)}</a></p>`
    : '';
  const html = [
    '<div style="font-family:Arial,\'Microsoft YaHei\',sans-serif;font-size:14px;color:#202124">',
    `<h2 style="margin:0 0 8px">${escapeHtml(doc.title)}</h2>`,
    `<p>${escapeHtml(doc.intro)}</p>`,
    ...doc.sections.map(sectionHtml),
    link,
    `<p style="color:#5f6368;font-size:12px">${escapeHtml(doc.footer)}</p>`,
    '</div>',
  ].join('\n');
  const text = [
    doc.title,
    doc.intro,
    ...doc.sections.map(sectionText),
    doc.link ? `${doc.link.text}: ${doc.link.href}` : '',
    doc.footer,
  ]
    .filter((line) => line !== '')
    .join('\n');
  return { html, text };
}
