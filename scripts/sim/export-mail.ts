/**
 * Every email the add-on sent, one .html file each (numbered, dated, named after the subject), and an
 * index page listing them. Headers are escaped; the body is the product's own HTML (which escapes user
 * text itself), or the plain-text body escaped.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zoneOf } from '../../src/core/calendar';
import type { SentMail } from '../emulator/mail';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Letters and digits of any script, joined by dashes, at most 50 characters. */
export function slug(text: string): string {
  const joined = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...joined].slice(0, 50).join('').replace(/-+$/, '') || 'mail';
}

function localTime(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + zoneOf(timeZone).offsetAt(date.getTime())).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

function page(title: string, body: string): string {
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:60em}table.headers td{padding:2px 8px;vertical-align:top}
table.headers td:first-child{color:#666}hr{margin:1em 0}table.index{border-collapse:collapse}
table.index td,table.index th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}</style></head>
<body>\n${body}\n</body></html>\n`;
}

function mailPage(mail: SentMail, timeZone: string): string {
  const header = (name: string, value: string) => `<tr><td>${name}</td><td>${escapeHtml(value)}</td></tr>`;
  const headers = [
    header('From', mail.name ? `${mail.name} <${mail.from}>` : mail.from),
    header('To', mail.to.join(', ')),
    ...(mail.cc.length > 0 ? [header('Cc', mail.cc.join(', '))] : []),
    header('Date', `${localTime(mail.at, timeZone)} (${timeZone})`),
    header('Subject', mail.subject),
  ].join('\n');
  const body = mail.htmlBody ?? `<pre>${escapeHtml(mail.body)}</pre>`;
  return page(mail.subject, `<table class="headers">\n${headers}\n</table>\n<hr>\n${body}`);
}

/** Replaces `folder` with the mails of this run; returns the file names in sending order. */
export function writeMail(outbox: readonly SentMail[], folder: string, timeZone: string): string[] {
  // A shorter run must not leave the mails of a longer one behind.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const width = Math.max(3, String(outbox.length).length);
  const files = outbox.map((mail, i) => {
    const name = `${String(i + 1).padStart(width, '0')}-${localTime(mail.at, timeZone).slice(0, 10)}-${slug(mail.subject)}.html`;
    writeFileSync(join(folder, name), mailPage(mail, timeZone));
    return name;
  });
  const rows = outbox
    .map(
      (mail, i) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(localTime(mail.at, timeZone))}</td><td>${escapeHtml(mail.to.join(', '))}</td>` +
        `<td><a href="${encodeURIComponent(files[i])}">${escapeHtml(mail.subject)}</a></td></tr>`,
    )
    .join('\n');
  const index = `<h1>Emails sent: ${outbox.length}</h1>\n<table class="index">\n<tr><th>#</th><th>Sent (${escapeHtml(timeZone)})</th><th>To</th><th>Subject</th></tr>\n${rows}\n</table>`;
  writeFileSync(join(folder, 'index.html'), page('Emails sent', index));
  return files;
}
