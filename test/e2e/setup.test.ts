import { documentProperties, lastRunAt, newDesk, newEmulator, OWNER } from '../helpers/desk';

describe('onOpen', () => {
  it('adds the add-on menu in the spreadsheet language (zh-CN)', () => {
    const emu = newEmulator({ lang: 'zh-CN' });
    emu.open();
    const labels = JSON.stringify(emu.ui.menus);
    expect(labels).toContain('初始化 / 修复');
    expect(labels).toContain('检查设置');
  });

  it('adds the add-on menu in English for an en_US spreadsheet', () => {
    const emu = newEmulator({ lang: 'en' });
    emu.open();
    expect(JSON.stringify(emu.ui.menus)).toContain('Set up / repair');
  });
});

describe('setup', () => {
  it('removes the empty default sheet a new spreadsheet comes with, and keeps one that has content', () => {
    expect(newDesk({ lang: 'zh-CN' }).spreadsheet.sheetNames()).not.toContain('工作表1');
    expect(newDesk({ lang: 'en' }).spreadsheet.sheetNames()).not.toContain('Sheet1');
    const used = newEmulator({ lang: 'en' });
    used.editCells('Sheet1', 'A1', [['my own notes']]);
    used.run('menuSetup', undefined, { interactive: true });
    expect(used.spreadsheet.sheetNames()).toContain('Sheet1');
  });

  it('creates the registers with headers, hides form responses, installs exactly three triggers', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    const names = emu.spreadsheet.sheetNames();
    for (const sheet of [
      '工单登记',
      '操作日志',
      '待发邮件',
      '回访记录',
      '⚙ 常规',
      '⚙ 工作日历',
      '⚙ 节假日',
      '⚙ 时限标准',
      '⚙ 分类',
      '⚙ 人员',
      '检查登记',
      '检查明细',
      '漏检登记',
      '⚙ 检查表',
      '⚙ 检查区域',
    ]) {
      expect(names).toContain(sheet);
    }
    const header = emu.spreadsheet.sheet('工单登记').values()[0];
    expect(header).toContain('受理时间');
    expect(emu.spreadsheet.sheet('工单登记').frozenRows()).toBe(1);
    // The staff intake form, the callback form and one inspection form per default checklist (4), one audit form per default
    // scorecard (3), the audit appeal form, the merit form and the assessment appeal form; the
    // customer form is off by default.
    const responses = names.filter((name) => name.startsWith('表单回复'));
    expect(responses).toHaveLength(12);
    for (const name of responses) expect(emu.spreadsheet.sheet(name).isHidden()).toBe(true);
    const kinds = emu.triggers.map((trigger) => `${String(trigger.eventType)}:${trigger.handler}`).sort();
    expect(kinds).toHaveLength(4);
    expect(kinds.join(' ')).toMatch(/onFormSubmit/);
    expect(kinds.join(' ')).toMatch(/onEdit/);
    expect(kinds.join(' ')).toMatch(/runScheduler/);
    expect(kinds.join(' ')).toMatch(/ON_CHANGE:onChange/);
    expect(documentProperties(emu).get('setup.owner')).toBe(OWNER);
  });

  it('running setup twice still leaves exactly four triggers, the same forms and no duplicate sheets', () => {
    const emu = newDesk({ lang: 'en' });
    const sheetsBefore = emu.spreadsheet.sheetNames();
    emu.clock.advance(60_000);
    emu.run('menuSetup', undefined, { interactive: true });
    expect(emu.triggers).toHaveLength(4);
    expect(emu.spreadsheet.sheetNames()).toEqual(sheetsBefore);
    // The second run completed: no error alert, and it recorded its time.
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/is set up/);
    expect(emu.logs.filter((entry) => entry.level === 'error')).toEqual([]);
    // Stored as the run ends: within the second run's own time (which its service calls take).
    const setupAt = Date.parse(documentProperties(emu).get('setup.at') ?? '');
    expect(setupAt).toBeGreaterThanOrEqual(lastRunAt(emu).getTime());
    expect(setupAt).toBeLessThanOrEqual(emu.clock.ms());
    expect(emu.forms.size).toBe(12);
  });

  it('prefills settings: the default SLA table and China holidays with the 调休 Saturday 2026-02-14', () => {
    const emu = newDesk({ lang: 'en' });
    const sla = emu.spreadsheet.sheet('⚙ SLA policy').values();
    expect(sla.length).toBeGreaterThan(6);
    const holidays = emu.spreadsheet.sheet('⚙ Holidays').values().slice(1);
    const makeUp = holidays.find(
      (row) => row[0] instanceof Date && (row[0] as Date).toISOString().startsWith('2026-02-13T16:00'),
    );
    expect(makeUp?.[1]).toBe('Make-up working day');
  });

  it('repairs a deleted trigger and a deleted column without touching others', () => {
    const emu = newDesk({ lang: 'en' });
    const hourly = emu.triggers.find((trigger) => trigger.handler === 'runScheduler');
    expect(hourly).toBeDefined();
    expect(emu.deleteTrigger(hourly?.uid ?? '')).toBe(true);
    expect(emu.triggers.filter((trigger) => trigger.handler === 'runScheduler')).toHaveLength(0);
    const host = emu.spreadsheet.host();
    const tickets = host.getSheetByName('Tickets');
    const header = tickets?.getRange(1, 1, 1, tickets.getLastColumn()).getValues()[0] ?? [];
    const phoneColumn = header.indexOf('Phone') + 1;
    tickets?.deleteColumn(phoneColumn);
    emu.run('menuSetup', undefined, { interactive: true });
    expect(emu.triggers.filter((trigger) => trigger.handler === 'runScheduler')).toHaveLength(1);
    expect(emu.spreadsheet.sheet('Tickets').values()[0]).toContain('Phone');
  });

  it('keeps the working view narrow: deadline columns in a group, system columns in a collapsed group (SPEC §3)', () => {
    const emu = newDesk({ lang: 'en' });
    const sheet = emu.spreadsheet.sheet('Tickets');
    const header = sheet.values()[0];
    const groups = sheet.columnGroups();
    const sla = groups.find((group) => group.first === header.indexOf('Ack due') + 1);
    const system = groups.find((group) => group.first === header.indexOf('Repeat of') + 1);
    expect(sla).toMatchObject({ collapsed: false });
    expect(system).toMatchObject({ count: header.length - header.indexOf('Repeat of'), collapsed: true });
    expect(sheet.hiddenColumns()).toContain(header.indexOf('Form response ID') + 1);
    expect(sheet.hiddenColumns()).not.toContain(header.indexOf('Status') + 1);
  });

  it('⚙ General and ⚙ Calendar show people the setting, its value and note; the code jobs read is hidden', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const emu = newDesk({ lang });
      for (const title of lang === 'en' ? ['⚙ General', '⚙ Calendar'] : ['⚙ 常规', '⚙ 工作日历']) {
        const sheet = emu.spreadsheet.sheet(title);
        expect(sheet.values()[0].slice(0, 2)).toEqual(lang === 'en' ? ['Key', 'Setting'] : ['键', '设置项']);
        expect(sheet.hiddenColumns()).toEqual([1]);
      }
    }
  });

  it('protects system columns with a warning by default, and for managers only in strict mode', () => {
    const loose = newDesk({ lang: 'en' });
    const protections = loose.spreadsheet.sheet('Tickets').protections();
    expect(protections.length).toBeGreaterThan(0);
    expect(protections.every((protection) => protection.warningOnly)).toBe(true);

    const strict = newDesk({ lang: 'en' });
    const general = strict.spreadsheet.sheet('⚙ General').values();
    const row = general.findIndex((line) => line[0] === 'strictProtection') + 1;
    strict.editCells('⚙ General', `C${row}`, [['TRUE']]);
    strict.spreadsheet.host().deleteSheet(strict.spreadsheet.host().getSheetByName('History') as never);
    strict.run('menuSetup', undefined, { interactive: true });
    const history = strict.spreadsheet.sheet('History').protections();
    expect(history.length).toBeGreaterThan(0);
    for (const protection of history) {
      expect(protection.warningOnly).toBe(false);
      expect([...protection.editors].sort()).toEqual(
        ['chen.jianguo@example.com', OWNER, 'wang.min@example.com'].sort(),
      );
    }
  });
});
