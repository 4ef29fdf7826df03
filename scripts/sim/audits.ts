/**
 * Quality audits (质检): twice a week (Tuesday and Thursday afternoons) each supervisor audits the open
 * tickets of the weekly sample assigned to them, through the scorecard's audit form, as a person would —
 * mostly good marks, now and then a weak call with a root cause, and once a red-line failure. The form's
 * fixed questions are recognised by their titles in the message catalog (`form.audit.q.*`); the item
 * questions by their answer choices.
 */
import { CATALOGS, LANGS, t } from '../../src/i18n';
import type { ItemModel } from '../emulator/forms';
import type { SimEvent, World } from './world';

/** Local minute of day of the audit sessions, on Tuesdays (2) and Thursdays (4). */
const SESSION_MINUTE = 14 * 60;
const SESSION_WEEKDAYS = new Set([2, 4]);

interface FormEntry {
  scorecard: string;
  formId: string;
}

/** The audit session from which the CS manager opens the month's calibration (once there are audits). */
const CALIBRATION_SESSION = 3;

/** Appeals the month holds: the first accepted (with a new score), the second rejected. */
const APPEALS = 2;

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export class AuditDesk {
  private criticalDone = false;
  private sessionsHeld = 0;
  private calibrated = false;
  private appealed = new Set<string>();
  private decided = 0;

  constructor(private readonly world: World) {}

  sessions(dayNumber: number, working: boolean): SimEvent[] {
    const day = this.world.calendar.day(dayNumber);
    if (!working || !SESSION_WEEKDAYS.has(day.weekday % 7)) return [];
    return [
      {
        at: this.world.calendar.zone.toInstant(dayNumber, SESSION_MINUTE * 60_000),
        act: () => this.session(),
      },
    ];
  }

  /** The audit forms in the form registry (document properties `form.audit.<scorecard>`). */
  private forms(): FormEntry[] {
    const props = this.world.emu.properties.document.get(this.world.emu.spreadsheet.id);
    const listed = JSON.parse(props?.get('form.audit.scorecards') ?? '[]') as Array<{
      scorecard: string;
      version: number;
    }>;
    return listed.flatMap(({ scorecard, version }) => {
      const saved = props?.get(`form.audit.${scorecard}`);
      return saved ? [{ scorecard, version, formId: (JSON.parse(saved) as { id: string }).id }] : [];
    });
  }

  /** Open samples: [staff, ticket, auditor, scorecard] from the Audit samples sheet (harness view). */
  private openSamples(): Array<{ staff: string; ticketId: string; auditor: string; scorecard: string }> {
    const title = t(this.world.lang, 'sheet.auditSamples');
    if (!this.world.emu.spreadsheet.hasSheet(title)) return [];
    const [header, ...rows] = this.world.emu.spreadsheet.sheet(title).values();
    const col = (key: string) => header.indexOf(t(this.world.lang, `col.auditSamples.${key}` as never));
    const open = new Set([
      t(this.world.lang, 'enum.sampleState.open'),
      t(this.world.lang, 'enum.sampleState.overdue'),
    ]);
    const audited = this.auditedTickets();
    return rows
      .filter((row) => open.has(String(row[col('state')])) && !audited.has(String(row[col('ticketId')])))
      .map((row) => ({
        staff: String(row[col('staff')]),
        ticketId: String(row[col('ticketId')]),
        auditor: String(row[col('auditor')]),
        scorecard: String(row[col('scorecard')]),
      }));
  }

  private auditedTickets(): Set<string> {
    const title = t(this.world.lang, 'sheet.audits');
    if (!this.world.emu.spreadsheet.hasSheet(title)) return new Set();
    const [header, ...rows] = this.world.emu.spreadsheet.sheet(title).values();
    const index = header.indexOf(t(this.world.lang, 'col.audits.ticketId'));
    return new Set(rows.map((row) => String(row[index])));
  }

  private sheetRows(titleKey: string): { header: string[]; rows: unknown[][] } {
    const title = t(this.world.lang, titleKey as never);
    if (!this.world.emu.spreadsheet.hasSheet(title)) return { header: [], rows: [] };
    const [header, ...rows] = this.world.emu.spreadsheet.sheet(title).values();
    return { header: header.map(String), rows };
  }

  /** A person whose audit scored below 80 appeals it (at most APPEALS in the month). */
  private appeal(): void {
    if (this.appealed.size >= APPEALS) return;
    const { lang, emu } = this.world;
    const { header, rows } = this.sheetRows('sheet.audits');
    const col = (key: string) => header.indexOf(t(lang, `col.audits.${key}` as never));
    // The most recent low audit: people appeal what they have just received.
    const low = [...rows]
      .reverse()
      .find(
        (row) =>
          typeof row[col('finalPercent')] === 'number' &&
          Number(row[col('finalPercent')]) < 80 &&
          !this.appealed.has(String(row[col('auditId')])),
      );
    const saved = emu.properties.document.get(emu.spreadsheet.id)?.get('form.auditAppeal');
    if (!low || !saved) return;
    const auditId = String(low[col('auditId')]);
    this.appealed.add(auditId);
    const formId = (JSON.parse(saved) as { id: string }).id;
    emu.submitForm(formId, {
      [t(lang, 'form.auditAppeal.q.auditId')]: auditId,
      [t(lang, 'form.auditAppeal.q.staff')]: String(low[col('staff')]),
      [t(lang, 'form.auditAppeal.q.response')]: t(lang, 'enum.appealResponse.appeal'),
      [t(lang, 'form.auditAppeal.q.items')]: this.lowestItem(auditId)?.item ?? '',
      [t(lang, 'form.auditAppeal.q.reason')]:
        lang === 'en'
          ? 'The customer interrupted; I did it later in the call.'
          : '客户打断了通话，我在后面补充了。',
    });
    this.world.activity.appeals++;
  }

  private lowestItem(auditId: string): { item: string; max: number } | null {
    const { lang } = this.world;
    const { header, rows } = this.sheetRows('sheet.auditItems');
    const col = (key: string) => header.indexOf(t(lang, `col.auditItems.${key}` as never));
    const mine = rows.filter(
      (row) => String(row[col('auditId')]) === auditId && typeof row[col('points')] === 'number',
    );
    const low = mine.find((row) => Number(row[col('points')]) < Number(row[col('max')]));
    return low ? { item: String(low[col('item')]), max: Number(low[col('max')]) } : null;
  }

  /** The CS manager decides open appeals in the sheet: the first accepted with full marks on the item, then rejected. */
  private decide(): void {
    const { lang, emu } = this.world;
    const { header, rows } = this.sheetRows('sheet.auditAppeals');
    const col = (key: string) => header.indexOf(t(lang, `col.auditAppeals.${key}` as never));
    const sheet = t(lang, 'sheet.auditAppeals');
    const manager = this.world.staff.find((member) => member.role === 'manager');
    rows.forEach((row, i) => {
      if (String(row[col('decision')]) !== t(lang, 'enum.appealDecision.pending')) return;
      const r = i + 2;
      const user = manager?.email;
      if (this.decided === 0) {
        const item = this.lowestItem(String(row[col('auditId')]));
        if (item)
          emu.editCells(sheet, `${columnLetter(col('newScores'))}${r}`, [[`${item.item}: ${item.max}`]], {
            user,
          });
        emu.editCells(
          sheet,
          `${columnLetter(col('decision'))}${r}`,
          [[t(lang, 'enum.appealDecision.accept')]],
          { user },
        );
      } else
        emu.editCells(
          sheet,
          `${columnLetter(col('decision'))}${r}`,
          [[t(lang, 'enum.appealDecision.reject')]],
          { user },
        );
      this.decided++;
    });
  }

  private session(): void {
    this.decide();
    this.appeal();
    this.sessionsHeld++;
    const forms = this.forms();
    for (const sample of this.openSamples()) {
      const form = forms.find((f) => f.scorecard === sample.scorecard);
      const model = form ? this.world.emu.forms.get(form.formId) : undefined;
      if (!form || !model) continue;
      const quality = this.world.random.chance(0.25) ? 'weak' : 'good';
      const critical = !this.criticalDone && quality === 'weak';
      if (critical) this.criticalDone = true;
      this.world.emu.submitForm(form.formId, this.answers(model.items, sample, quality, critical));
      this.world.activity.audits++;
    }
    // Once a month, from the third audit session on, the CS manager calibrates the latest audit.
    if (!this.calibrated && this.sessionsHeld >= CALIBRATION_SESSION) this.calibrated = this.calibrate();
  }

  /**
   * The CS manager selects the latest normal audit with a ticket in the Audits sheet and picks "Calibrate
   * this audit"; each person asked opens the link in their mail and scores the ticket (one weaker than
   * the others, so the results show a spread). The last score closes the session.
   */
  private calibrate(): boolean {
    const { lang, emu } = this.world;
    const { header, rows } = this.sheetRows('sheet.audits');
    const col = (key: string) => header.indexOf(t(lang, `col.audits.${key}` as never));
    const normal = t(lang, 'enum.auditKind.normal');
    const candidates = rows
      .map((row, i) => ({ row, i }))
      .filter(({ row }) => String(row[col('kind')]) === normal && String(row[col('ticketId')]) !== '');
    const index = candidates.at(-1)?.i ?? -1;
    const manager = this.world.staff.find((member) => member.role === 'manager');
    if (index < 0 || !manager) return false;
    emu.select(t(lang, 'sheet.audits'), `A${index + 2}`);
    emu.run('menuCalibrateAudit', undefined, { interactive: true, user: manager.email });
    const calibration = this.sheetRows('sheet.calibration');
    const ccol = (key: string) => calibration.header.indexOf(t(lang, `col.calibration.${key}` as never));
    const last = calibration.rows.at(-1);
    if (!last) return false;
    const session = String(last[ccol('session')]);
    const asked = calibration.rows.filter((row) => String(row[ccol('session')]) === session);
    const scorecard = String(last[ccol('scorecard')]);
    const form = this.forms().find((f) => f.scorecard === scorecard);
    const model = form ? emu.forms.get(form.formId) : undefined;
    if (!form || !model) return false;
    asked.forEach((row, i) => {
      const name = String(row[ccol('calibrator')]);
      const email = this.world.staff.find((member) => member.name === name)?.email;
      const mail = emu.mail.outbox.find(
        (m) => email && m.to.includes(email) && m.subject.includes(session) && m.htmlBody,
      );
      const href = mail?.htmlBody
        ? /<a href="([^"]+)">/.exec(mail.htmlBody)?.[1]?.replace(/&amp;/g, '&')
        : '';
      if (!href) return;
      const filled = prefilled(model.items, href);
      const answers = this.answers(
        model.items,
        { staff: String(row[ccol('staff')]), ticketId: String(row[ccol('ticketId')]), auditor: name },
        i === asked.length - 1 ? 'weak' : 'good',
        false,
      );
      emu.submitForm(form.formId, { ...answers, ...filled });
      this.world.activity.calibrationScores++;
    });
    return true;
  }

  private answers(
    items: readonly ItemModel[],
    sample: { staff: string; ticketId: string; auditor: string },
    quality: 'good' | 'weak',
    critical: boolean,
  ): Record<string, string | string[]> {
    const { random, lang } = this.world;
    const answers: Record<string, string | string[]> = {};
    const yes = t(lang, 'enum.yesNo.yes');
    const no = t(lang, 'enum.yesNo.no');
    const na = t(lang, 'form.audit.na');
    let low = false;
    let firstCritical = true;
    for (const item of items) {
      const meaning = fixedMeaning(item.title);
      if (meaning === 'staff') answers[item.title] = sample.staff;
      else if (meaning === 'auditor') answers[item.title] = sample.auditor;
      else if (meaning === 'ticketId') answers[item.title] = sample.ticketId;
      else if (meaning === 'rootCause' || meaning === 'comment' || meaning === 'calibration') continue;
      else if (item.choices.includes(yes)) {
        if (this.isCritical(item)) {
          answers[item.title] = critical && firstCritical ? no : yes;
          if (critical && firstCritical) low = true;
          firstCritical = false;
        } else if (item.choices.includes(na) && random.chance(0.15)) answers[item.title] = na;
        else {
          const pass = random.chance(quality === 'good' ? 0.95 : 0.6);
          answers[item.title] = pass ? yes : no;
          if (!pass) low = true;
        }
      } else if (item.choices.length > 0) {
        const numbers = item.choices.filter((c) => /^\d+$/.test(c));
        const top = numbers.length - 1;
        const pick =
          quality === 'good' ? top - random.int(0, Math.min(2, top)) : random.int(0, Math.max(0, top - 1));
        answers[item.title] = numbers[Math.max(0, pick)];
        if (pick < top / 2) low = true;
      } else answers[item.title] = quality === 'good' ? '95' : '70';
    }
    const causes = items.find((item) => fixedMeaning(item.title) === 'rootCause');
    if (low && causes) answers[causes.title] = [random.pick(causes.choices)];
    return answers;
  }

  /** Red-line items: the last section of the default scorecards (⚙ Scorecards kind Critical). */
  private isCritical(item: ItemModel): boolean {
    const redLines = t(this.world.lang, 'audits.default.critical');
    return item.title.startsWith(`${redLines} — `);
  }
}

/** The answers a pre-filled link carries, by question title (`entry.<item id>=<answer>`). */
function prefilled(items: readonly ItemModel[], href: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const part of (href.split('?')[1] ?? '').split('&')) {
    const [name = '', value = ''] = part.split('=');
    const item = items.find((i) => `entry.${i.id}` === name);
    if (item) answers[item.title] = decodeURIComponent(value.replace(/\+/g, ' '));
  }
  return answers;
}

function fixedMeaning(title: string): string | null {
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(CATALOGS[lang])) {
      if (!key.startsWith('form.audit.q.')) continue;
      const meaning = key.slice('form.audit.q.'.length);
      if (meaning === 'comment') {
        const prefix = text.slice(0, text.indexOf('{section}'));
        if (title.startsWith(prefix)) return 'comment';
      } else if (text === title) return meaning;
    }
  }
  return null;
}
