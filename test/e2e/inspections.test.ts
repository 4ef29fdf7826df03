/**
 * The inspection register end to end on dist/Code.js (issue 17): forms submitted, the clock advanced.
 */
import { cellOf, documentProperties, newDesk, noteOf, rowsOf } from '../helpers/desk';
import { inspectionAnswers, inspectionFormId, submitInspection } from '../helpers/inspections';

const DAY = 86_400_000;
/** The CS manager of the example roster. */
const MANAGER = 'wang.min@example.com';

describe('an area through fail → rectification tickets → re-inspection pass → tickets closed', () => {
  it('scores the daily check, opens a ticket per failed item for the owner, mails both copies, and closes them on the re-inspection', () => {
    const emu = newDesk({ lang: 'en' });
    // Mon 2026-03-02 10:00 Shanghai.
    submitInspection(emu, 'Daily area check', {
      area: 'Building 1 common areas',
      inspector: 'Zhang Wei',
      fail: {
        'Lobby — Hygiene': 'Litter behind the sofa https://photos.example.com/lobby1',
        'Lifts — Condition of the property': 'Lift 2 button panel cracked',
        'Toilets — Hygiene': 'Floor wet, no sign',
      },
    });
    const [inspection] = rowsOf(emu, 'Inspections');
    expect(inspection['Inspection ID']).toBe('IN-2026-00001');
    // 25 of 28 items passed: 89.3 % below the 90 % pass mark.
    expect(inspection['Score %']).toBe(89.3);
    expect(inspection.Result).toBe('Fail');
    expect(inspection.Grade).toBe('Fail');
    expect(inspection['Failed items']).toBe(3);
    expect(inspection['Fail streak']).toBe(1);
    expect(inspection.Consequence).toBe('Minor fault');
    expect(inspection.State).toBe('Awaiting re-inspection');
    expect(inspection['Needs review']).toBe(false);

    const items = rowsOf(emu, 'Inspection items');
    expect(items).toHaveLength(28);
    const lobby = items.find((row) => row.Section === 'Lobby' && row.Item === 'Hygiene');
    expect(lobby).toMatchObject({
      Answer: 'Fail',
      Failed: true,
      Evidence: 'https://photos.example.com/lobby1',
    });

    const tickets = rowsOf(emu, 'Tickets');
    expect(tickets.map((ticket) => ticket.ID)).toEqual([
      'REP-2026-00001',
      'REP-2026-00002',
      'REP-2026-00003',
    ]);
    expect(inspection['Rectification tickets']).toBe('REP-2026-00001, REP-2026-00002, REP-2026-00003');
    for (const ticket of tickets) {
      expect(ticket.Type).toBe('Repair');
      expect(ticket.Department).toBe('Environment');
      expect(ticket.Assignee).toBe('He Fang');
      expect(String(ticket.Inspection)).toMatch(/^IN-2026-00001 · /);
    }
    // Lobby hygiene: 1 wd → Tue 10:00; lift condition: 3 wd → Thu 10:00 (02:00Z).
    const lift = tickets.find((ticket) => String(ticket.Inspection).includes('Lifts')) ?? {};
    expect((lift['Resolve due'] as Date).toISOString()).toBe('2026-03-05T02:00:00.000Z');
    expect((inspection['Rectification due'] as Date).toISOString()).toBe('2026-03-05T02:00:00.000Z');
    const history = rowsOf(emu, 'History');
    expect(history.filter((entry) => String(entry['Record ID']).startsWith('REP-'))).toHaveLength(3);

    const notices = emu.mail.outbox.filter((mail) =>
      mail.subject.startsWith('Rectification notice IN-2026-00001'),
    );
    expect(notices.map((mail) => mail.to)).toEqual([['zhang.wei@example.com'], ['he.fang@example.com']]);
    expect(notices[0].htmlBody).toContain('Lift 2 button panel cracked');
    expect(notices[0].htmlBody).toContain('REP-2026-00002');

    // Thursday: the re-inspection passes every item.
    emu.advance(3 * DAY);
    submitInspection(emu, 'Daily area check', {
      area: 'Building 1 common areas',
      inspector: 'Zhang Wei',
      recheckOf: 'IN-2026-00001',
    });
    const [first, recheck] = rowsOf(emu, 'Inspections');
    expect(recheck['Recheck of']).toBe('IN-2026-00001');
    expect(recheck.Result).toBe('Pass');
    expect(recheck['Fail streak']).toBe(0);
    expect(recheck.State).toBe('Closed');
    expect(first.State).toBe('Re-inspected, all put right');
    const closed = rowsOf(emu, 'Tickets');
    expect(closed.map((ticket) => ticket.Status)).toEqual(['Closed', 'Closed', 'Closed']);
    expect(String(closed[0].Resolution)).toMatch(/re-inspection IN-2026-00002 passed/);
    expect(documentProperties(emu).get('inspectionCounter.2026')).toBe('2');
  });
});

describe('three consecutive fails carry the seed consequences', () => {
  it('1st minor fault, 2nd serious fault, 3rd replacement, fine and order stop; repeat findings flagged; one ticket per open item', () => {
    const emu = newDesk({ lang: 'en' });
    const visit = {
      area: 'Building 3 renovation site',
      inspector: 'Sun Qiang',
      rates: { 'Tiling and masonry': '80' },
      fail: { 'Tiling and masonry': 'Hollow tiles in the kitchen' },
    };
    for (let n = 0; n < 3; n++) {
      submitInspection(emu, 'Completion inspection', visit);
      emu.advance(DAY);
    }
    const rows = rowsOf(emu, 'Inspections');
    expect(rows.map((row) => row['Fail streak'])).toEqual([1, 2, 3]);
    expect(rows.map((row) => row.Consequence)).toEqual([
      'Minor fault',
      'Serious fault',
      'Person replaced, ¥500 fine, no new orders for 3 months',
    ]);
    expect(rows.map((row) => row.Result)).toEqual(['Fail', 'Fail', 'Fail']);
    // Overall 97.1 % would be Excellent, but a sub-item below 85 % fails it (seed 000 L833).
    expect(rows[0]['Score %']).toBe(97.1);
    expect(rows[1]['Recheck of']).toBe('IN-2026-00001');
    expect(rows[1]['Repeat findings']).toBe('Tiling and masonry');
    expect(rows.map((row) => row['Rectification tickets'])).toEqual([
      'REP-2026-00001',
      'REP-2026-00001',
      'REP-2026-00001',
    ]);
    expect(rowsOf(emu, 'Tickets')).toHaveLength(1);
    const items = rowsOf(emu, 'Inspection items').filter((row) => row.Item === 'Tiling and masonry');
    expect(items.map((row) => row['Repeat finding'])).toEqual([false, true, true]);

    // Every fail sends the notice with the item still open and the consequence reached; the third
    // (replacement, fine, order stop) also goes to the CS manager, who carries it out.
    const notices = emu.mail.outbox.filter((mail) => mail.subject.startsWith('Rectification notice'));
    expect(notices.map((mail) => [mail.subject.slice(0, 34), mail.to.join(',')])).toEqual([
      ['Rectification notice IN-2026-00001', 'sun.qiang@example.com'],
      ['Rectification notice IN-2026-00001', 'zheng.tao@example.com'],
      ['Rectification notice IN-2026-00002', 'sun.qiang@example.com'],
      ['Rectification notice IN-2026-00002', 'zheng.tao@example.com'],
      ['Rectification notice IN-2026-00003', 'sun.qiang@example.com'],
      ['Rectification notice IN-2026-00003', 'zheng.tao@example.com'],
      ['Rectification notice IN-2026-00003', MANAGER],
    ]);
    expect(notices[2].body).toContain('Tiling and masonry (still open from IN-2026-00001)');
    expect(notices[2].body).toContain('REP-2026-00001');
    expect(notices[2].body).toContain('Serious fault');
    expect(notices[6].body).toContain('third fail in a row of Building 3 renovation site');
    expect(notices[6].body).toContain('Person replaced, ¥500 fine, no new orders for 3 months');
  });
});

describe('a Chinese desk', () => {
  it('takes the inspection form in Chinese: 检查登记 row, 整改 tickets and the 限期整改通知单', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    submitInspection(emu, '每日区域巡查', {
      lang: 'zh-CN',
      area: '1号楼公共区域',
      inspector: '张伟',
      fail: { '大堂 — 卫生状况': '沙发后有垃圾' },
    });
    const [inspection] = rowsOf(emu, '检查登记');
    expect(inspection.检查编号).toBe('IN-2026-00001');
    // 27 of 28: 96.4 % ≥ 90 %, passed; the failed item still gets its ticket.
    expect(inspection['得分 %']).toBe(96.4);
    expect(inspection.结论).toBe('合格');
    expect(inspection.状态).toBe('待复查');
    const [ticket] = rowsOf(emu, '工单登记');
    expect(ticket.类型).toBe('报修');
    expect(ticket.处理人).toBe('何芳');
    expect(String(ticket.来源检查)).toBe('IN-2026-00001 · 大堂 / 卫生状况');
    const notice = emu.mail.outbox.find((mail) => mail.subject.startsWith('限期整改通知单'));
    expect(notice?.name).toBe('客服工作台');
    expect(notice?.htmlBody).toContain('沙发后有垃圾');

    // The next day's re-inspection finds it still not put right: the same ticket, the notice says so.
    emu.advance(DAY);
    submitInspection(emu, '每日区域巡查', {
      lang: 'zh-CN',
      area: '1号楼公共区域',
      inspector: '张伟',
      fail: { '大堂 — 卫生状况': '垃圾仍未清理' },
    });
    expect(rowsOf(emu, '工单登记')).toHaveLength(1);
    const again = emu.mail.outbox.filter((mail) => mail.subject.startsWith('限期整改通知单 IN-2026-00002'));
    expect(again.map((mail) => mail.to.join(','))).toEqual(['zhang.wei@example.com', 'he.fang@example.com']);
    expect(again[0].body).toContain('大堂 / 卫生状况（IN-2026-00001 起仍未整改）');
    expect(again[0].body).toContain('垃圾仍未清理');
  });
});

describe('schedule: missed inspections and re-inspections in the daily digest', () => {
  it('lists the slots missed yesterday for the inspector and owner, records them once, and sends the inspector a pre-filled re-inspection link', () => {
    const emu = newDesk({ lang: 'en' });
    submitInspection(emu, 'Daily area check', {
      area: 'Building 1 common areas',
      inspector: 'Zhang Wei',
      fail: { 'Lobby — Hygiene': 'Litter behind the sofa' },
    });
    const digestOf = (address: string, day: string) =>
      emu.mail.outbox.find((mail) => mail.to.includes(address) && mail.subject.includes(day));
    // Tuesday's 08:00 digest: the lobby is due for re-inspection today (1 wd). Monday, the day of setup,
    // is not a due slot: schedules start with the first whole day after setup.
    emu.advanceTo(new Date('2026-03-03T01:30:00Z'));
    expect(rowsOf(emu, 'Missed inspections')).toHaveLength(0);
    const zhang = digestOf('zhang.wei@example.com', '2026-03-03');
    expect(zhang?.htmlBody).toContain('Re-inspections due');
    expect(zhang?.htmlBody).toContain('IN-2026-00001');
    expect(zhang?.htmlBody).toMatch(/viewform\?[^"]*IN-2026-00001/);
    // The owner hears about the re-inspection too, without the link.
    const owner = digestOf('he.fang@example.com', '2026-03-03');
    expect(owner?.htmlBody).toContain('Re-inspections due');
    expect(owner?.htmlBody).not.toMatch(/viewform/);
    // Wednesday's digest: nobody inspected on Tuesday — every daily schedule missed its slot, once.
    emu.advanceTo(new Date('2026-03-04T01:30:00Z'));
    const missed = rowsOf(emu, 'Missed inspections');
    expect(missed.map((row) => `${row['Due in']} ${row.Area}`).sort()).toEqual([
      '2026-03-03 Building 1 common areas',
      '2026-03-03 Building 2 common areas',
      '2026-03-03 CS front desk',
      '2026-03-03 Clubhouse',
    ]);
    const liu = digestOf('liu.yang@example.com', '2026-03-04');
    expect(liu?.htmlBody).toContain('Inspections missed');
    expect(liu?.htmlBody).toContain('Building 2 common areas');
    // Thursday: only Wednesday's slots are new; nothing is recorded twice.
    emu.advanceTo(new Date('2026-03-05T01:30:00Z'));
    const again = rowsOf(emu, 'Missed inspections');
    expect(again.filter((row) => row['Due in'] === '2026-03-03')).toHaveLength(4);
    expect(again.filter((row) => row['Due in'] === '2026-03-04')).toHaveLength(4);
  });
});

describe('by hand', () => {
  it('a rectification ticket cannot be resolved by hand before a re-inspection; a CS manager may, with a reason', () => {
    const emu = newDesk({ lang: 'en' });
    submitInspection(emu, 'Daily area check', {
      area: 'Building 1 common areas',
      inspector: 'Zhang Wei',
      fail: { 'Lobby — Hygiene': 'Litter behind the sofa' },
    });
    const row = 2;
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Resolution', row), [['Swept it']], {
      user: 'he.fang@example.com',
    });
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', row), [['Resolved']], {
      user: 'he.fang@example.com',
    });
    expect(rowsOf(emu, 'Tickets')[0].Status).toBe('New');
    expect(noteOf(emu, 'Tickets', 'Status', row)).toMatch(/re-inspection passes its item/);
    emu.editCells(
      'Tickets',
      cellOf(emu, 'Tickets', 'Resolution', row),
      [['Area closed for works; checked on site by the manager']],
      {
        user: 'wang.min@example.com',
      },
    );
    emu.editCells('Tickets', cellOf(emu, 'Tickets', 'Status', row), [['Resolved']], {
      user: 'wang.min@example.com',
    });
    expect(rowsOf(emu, 'Tickets')[0].Status).toBe('Resolved');
  });

  it('only a CS manager excuses a missed slot, and only with a reason; the row records who did', () => {
    const emu = newDesk({ lang: 'en' });
    emu.advanceTo(new Date('2026-03-04T01:30:00Z'));
    const rows = rowsOf(emu, 'Missed inspections');
    const row = rows.findIndex((entry) => entry.Area === 'Clubhouse') + 2;
    const tick = (user: string) =>
      emu.editCells('Missed inspections', cellOf(emu, 'Missed inspections', 'Excused', row), [[true]], {
        user,
      });
    tick('liu.yang@example.com');
    expect(rowsOf(emu, 'Missed inspections')[row - 2].Excused).toBe(false);
    expect(noteOf(emu, 'Missed inspections', 'Excused', row)).toMatch(/Only a CS manager/);
    tick('wang.min@example.com');
    expect(noteOf(emu, 'Missed inspections', 'Excused', row)).toMatch(/reason first/);
    emu.editCells(
      'Missed inspections',
      cellOf(emu, 'Missed inspections', 'Reason', row),
      [['Clubhouse closed for the water works']],
      {
        user: 'wang.min@example.com',
      },
    );
    tick('wang.min@example.com');
    const excused = rowsOf(emu, 'Missed inspections')[row - 2];
    expect(excused).toMatchObject({ Excused: true, 'Excused by': 'Wang Min' });
    expect(noteOf(emu, 'Missed inspections', 'Excused', row)).toBe('');
  });
});

describe('⚙ Checklists and ⚙ Areas edited', () => {
  it('updates the form in place and numbers the changed template: a new item is asked and scored, a new area listed, the row says version 2', () => {
    const emu = newDesk({ lang: 'en' });
    const formId = inspectionFormId(emu, 'Daily area check');
    const titles = () => emu.forms.get(formId)?.items.map((item) => item.title) ?? [];
    expect(titles()).not.toContain('Lobby — Lighting');
    // A manager adds an item under the template's rows (Template, Version, Section, Item, Answer kind,
    // Max score, Weight, Critical, Rectification days).
    const checklists = rowsOf(emu, '⚙ Checklists');
    const next = checklists.length + 2;
    emu.editCells('⚙ Checklists', `A${next}:I${next}`, [
      ['Daily area check', '', 'Lobby', 'Lighting', 'Pass / fail', '', 1, false, 1],
    ]);
    expect(titles()).toContain('Lobby — Lighting');
    const templateRow = rowsOf(emu, '⚙ Checklists').find(
      (row) => row.Template === 'Daily area check' && row.Item === '',
    );
    expect(templateRow?.Version).toBe(2);

    // A new area under ⚙ Areas is on the form's area list at once.
    const areas = rowsOf(emu, '⚙ Areas');
    emu.editCells('⚙ Areas', `A${areas.length + 2}:G${areas.length + 2}`, [
      ['Building 5 common areas', 'Daily area check', 'Daily', false, 'He Fang', 'Environment', 'Zhang Wei'],
    ]);
    const areaQuestion = emu.forms.get(formId)?.items.find((item) => item.title === 'Area');
    expect(areaQuestion?.choices).toContain('Building 5 common areas');

    submitInspection(emu, 'Daily area check', {
      area: 'Building 5 common areas',
      inspector: 'Zhang Wei',
      fail: { 'Lobby — Lighting': 'Two lamps out' },
    });
    const [inspection] = rowsOf(emu, 'Inspections');
    expect([inspection.Version, inspection['Failed items'], inspection['Needs review']]).toEqual([
      2,
      1,
      false,
    ]);
    expect(rowsOf(emu, 'Inspection items')).toHaveLength(29);
    expect(rowsOf(emu, 'Tickets').map((row) => row.Inspection)).toEqual(['IN-2026-00001 · Lobby / Lighting']);
    // The same form, not a new one: its earlier link and responses stay.
    expect(inspectionFormId(emu, 'Daily area check')).toBe(formId);
  });
});

describe('a response to an older version of a checklist', () => {
  it('is scored on the version it answered, also when recorded after the checklist changed: by its questions from the trigger, by its time from the hourly run', () => {
    const emu = newDesk({ lang: 'en' });
    const formId = inspectionFormId(emu, 'Daily area check');
    const checklistRows = () => rowsOf(emu, '⚙ Checklists');
    // Zhang Wei sends version 1 (28 items); its trigger runs late, after the manager added an item.
    const early = emu.submitForm(
      formId,
      inspectionAnswers(emu, 'Daily area check', {
        area: 'Building 1 common areas',
        inspector: 'Zhang Wei',
        fail: { 'Lobby — Hygiene': 'Litter behind the sofa' },
      }),
      { defer: true },
    );
    const next = checklistRows().length + 2;
    emu.editCells('⚙ Checklists', `A${next}:I${next}`, [
      ['Daily area check', '', 'Lobby', 'Lighting', 'Pass / fail', '', 1, false, 1],
    ]);
    for (const job of early.jobs) emu.run(job.name, job.event);
    const [first] = rowsOf(emu, 'Inspections');
    // Scored on the 28 items it answered, not flagged for the item it was never asked.
    expect([first.Version, first['Failed items'], first['Needs review'], first['Review note']]).toEqual([
      1,
      1,
      false,
      '',
    ]);
    expect(rowsOf(emu, 'Inspection items')).toHaveLength(28);

    // Liu Yang sends version 2 (29 items, Lighting failed); the trigger never runs. The manager then gives
    // Lighting 5 working days (version 3: the same questions). The hourly run finds the response and,
    // by the response sheet's time, scores it on version 2.
    emu.advance(10 * 60_000);
    emu.submitForm(
      formId,
      inspectionAnswers(emu, 'Daily area check', {
        area: 'Building 2 common areas',
        inspector: 'Liu Yang',
        fail: { 'Lobby — Lighting': 'Two lamps out' },
      }),
      { defer: true },
    );
    emu.advance(10 * 60_000);
    emu.editCells('⚙ Checklists', `I${next}`, [[5]]);
    const templateRow = checklistRows().find((row) => row.Template === 'Daily area check' && row.Item === '');
    expect(templateRow?.Version).toBe(3);
    let hours = 0;
    while (rowsOf(emu, 'Inspections').length < 2 && hours < 24) {
      emu.advance(3_600_000);
      hours += 1;
    }
    const second = rowsOf(emu, 'Inspections')[1];
    expect([second.Area, second.Version, second['Failed items'], second['Needs review']]).toEqual([
      'Building 2 common areas',
      2,
      1,
      false,
    ]);
    expect(rowsOf(emu, 'Inspection items')).toHaveLength(28 + 29);
    // Its ticket has version 2's one working day, not version 3's five.
    const ticket = rowsOf(emu, 'Tickets').find((row) =>
      String(row.Inspection).startsWith(String(second['Inspection ID'])),
    );
    if (!ticket) throw new Error('no rectification ticket');
    const days = ((ticket['Resolve due'] as Date).getTime() - (second.At as Date).getTime()) / 86_400_000;
    expect(days).toBeLessThan(4);

    // A response sent now answers version 3.
    submitInspection(emu, 'Daily area check', { area: 'Clubhouse', inspector: 'Xu Jie' });
    expect(rowsOf(emu, 'Inspections')[2].Version).toBe(3);
  });
});

describe('bad input', () => {
  it('is stored and flagged, never executed or lost: an area not in ⚙ Areas, a fail without a note, a note that looks like a formula', () => {
    const emu = newDesk({ lang: 'en' });
    const formId = inspectionFormId(emu, 'Daily area check');
    const answers = inspectionAnswers(emu, 'Daily area check', {
      area: 'Building 1 common areas',
      inspector: 'Zhang Wei',
      fail: {
        'Lobby — Hygiene': '=HYPERLINK("http://evil.example","click")',
        'Lifts — Condition of the property': '',
      },
    });
    delete answers['Lifts — Condition of the property: note'];
    emu.submitForm(formId, answers);
    const [inspection] = rowsOf(emu, 'Inspections');
    expect(inspection['Needs review']).toBe(true);
    expect(String(inspection['Review note'])).toContain('Failed without a note: Condition of the property.');
    // The note is kept as the text typed, not run as a formula, on the item row and the ticket.
    const lobby = rowsOf(emu, 'Inspection items').find(
      (row) => row.Section === 'Lobby' && row.Item === 'Hygiene',
    );
    expect(lobby?.Note).toBe('=HYPERLINK("http://evil.example","click")');
    const sheet = emu.spreadsheet.sheet('Inspection items');
    expect(
      sheet
        .values()
        .flat()
        .some((cell) => typeof cell === 'string' && cell.startsWith('=HYPERLINK')),
    ).toBe(true);
    expect(
      emu.spreadsheet.host().getSheetByName('Inspection items')?.getDataRange().getFormulas().flat(),
    ).not.toContain('=HYPERLINK("http://evil.example","click")');
    expect(rowsOf(emu, 'Tickets')).toHaveLength(2);

    // An area that is not (or no longer) in ⚙ Areas: recorded for review, no ticket, no streak.
    const stray = inspectionAnswers(emu, 'Daily area check', {
      area: 'Building 1 common areas',
      inspector: 'Zhang Wei',
      fail: { 'Lobby — Hygiene': 'Dusty' },
    });
    stray.Area = 'Building 9 common areas';
    emu.submitForm(formId, stray);
    const second = rowsOf(emu, 'Inspections')[1];
    expect([
      second.Area,
      second['Needs review'],
      second['Fail streak'],
      second['Rectification tickets'],
    ]).toEqual(['Building 9 common areas', true, 0, '']);
    expect(String(second['Review note'])).toContain('The area “Building 9 common areas” is not in ⚙ Areas');
    expect(rowsOf(emu, 'Tickets')).toHaveLength(2);
    expect(emu.executions.filter((run) => run.error)).toEqual([]);
  });
});
