/** Quality audits (质检, SPEC §8.1) end to end on dist/Code.js: setup, forms submitted, rows, mail, warnings. */
import { auditFormId, auditForms, phoneExample, submitAudit } from '../helpers/audits';
import { everyCrashPoint } from '../helpers/crash-points';
import { documentProperties, newDesk, rowsOf } from '../helpers/desk';
import { complaint, submitIntake } from '../helpers/intake';

const PHONE = 'Phone service';

describe('quality audits', () => {
  it('setup writes the three default scorecards and one form per scorecard, version 1', () => {
    const emu = newDesk({ lang: 'en' });
    const cards = rowsOf(emu, '⚙ Scorecards');
    expect(new Set(cards.map((r) => r.Scorecard))).toEqual(
      new Set([PHONE, 'Walk-in reception', 'Complaint handling']),
    );
    const phone = cards.filter((r) => r.Scorecard === PHONE);
    expect(phone.reduce((sum, r) => sum + Number(r['Max points']), 0)).toBe(100);
    expect(phone.filter((r) => r.Kind === 'Critical').map((r) => r.Item)).toEqual([
      'Kept customer information private',
      'Quoted no price without authority',
    ]);
    expect(auditForms(emu).map((f) => [f.scorecard, f.version])).toEqual([
      [PHONE, 1],
      ['Walk-in reception', 1],
      ['Complaint handling', 1],
    ]);
  });

  it('the worked example: N/A removes its max, 72.25 of 90 points = 80.3 %, grade B, one row per answer, a result mail', () => {
    const emu = newDesk({ lang: 'en' });
    submitAudit(emu, PHONE, {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      rootCause: ['Process'],
      items: phoneExample(),
    });
    const [audit] = rowsOf(emu, 'Audits');
    expect(audit).toMatchObject({
      'Audit ID': 'QA-2026-00001',
      Period: '2026-03',
      Staff: 'Zhang Wei',
      Department: 'Customer Service',
      Auditor: 'Li Na',
      Scorecard: PHONE,
      Version: 1,
      'Raw %': 80.3,
      'Final %': 80.3,
      'Critical fail': false,
      Grade: 'B',
      Kind: 'Normal',
      State: 'Scored',
      Warning: '',
      'Needs review': false,
    });
    const items = rowsOf(emu, 'Audit items');
    expect(items).toHaveLength(10);
    const byItem = Object.fromEntries(items.map((r) => [r.Item, r]));
    expect(byItem['Attitude: patient and polite']).toMatchObject({
      Answer: '4',
      Points: 11.25,
      Max: 15,
      Weight: 1,
    });
    expect(byItem['Promised reply time given and kept']).toMatchObject({
      Answer: 'N/A',
      Points: '',
      'N/A': true,
    });
    expect(byItem['Standard greeting used']).toMatchObject({ Points: 0, 'Root cause': 'Process' });
    const mail = emu.mail.outbox.find((m) => m.subject.includes('QA-2026-00001'));
    expect(mail?.to).toEqual(['zhang.wei@example.com']);
    expect(mail?.subject).toBe('[Service Desk] Quality audit QA-2026-00001: 80.3 %');
    expect(mail?.body).toContain('Standard greeting used');
    expect(mail?.body).toContain('11.3 / 15');
  });

  it('a failed red line sets the final score to 0 % and keeps the raw score; below 80 is a warning', () => {
    const emu = newDesk({ lang: 'en' });
    submitAudit(emu, PHONE, {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      rootCause: ['Knowledge'],
      items: phoneExample({ 'Red lines — Quoted no price without authority': 'No' }),
    });
    const [audit] = rowsOf(emu, 'Audits');
    // (72.25 − 5) / 90 = 74.7 %
    expect(audit).toMatchObject({
      'Raw %': 74.7,
      'Final %': 0,
      'Critical fail': true,
      Grade: 'D',
      Warning: 'Below 80 %',
    });
    const mail = emu.mail.outbox.find((m) => m.subject.includes('QA-2026-00001'));
    expect(mail?.body).toContain('A red-line item failed, so the score is 0 % (before that: 74.7 %).');
  });

  it('3 audits in a row below 80 bring the configured consequence; a score of 80 breaks the run', () => {
    const emu = newDesk({ lang: 'en' });
    const low = phoneExample({ 'Service — Accurate answer or resolution': '10' }); // 62.25 / 90 = 69.2 %
    const eighty = phoneExample({ 'Service — Attitude: patient and polite': '3' }); // 68.5 / 90 = 76.1 → below
    const audit = (items: Record<string, string>, staff = 'Liu Yang') =>
      submitAudit(emu, PHONE, { staff, auditor: 'Li Na', rootCause: ['Knowledge'], items });
    audit(low);
    audit(phoneExample()); // 80.3: not below, the run restarts
    audit(low);
    audit(eighty);
    audit(low, 'Zhao Jing'); // someone else's audit does not count in Liu Yang's run
    audit(low);
    const warnings = rowsOf(emu, 'Audits').map((r) => [r.Staff, r['Final %'], r.Warning]);
    expect(warnings).toEqual([
      ['Liu Yang', 69.2, 'Below 80 %'],
      ['Liu Yang', 80.3, ''],
      ['Liu Yang', 69.2, 'Below 80 %'],
      ['Liu Yang', 76.1, 'Below 80 %'],
      ['Zhao Jing', 69.2, 'Below 80 %'],
      ['Liu Yang', 69.2, '3 audits in a row below 80 %: Public criticism and 1 % of commission deducted'],
    ]);
  });

  it('bad input is stored and flagged: unknown ticket, self-audit, a low item without a root cause (unknown staff: core test)', () => {
    const emu = newDesk({ lang: 'en' });
    const ticket = submitIntake(emu, complaint());
    const ticketId = String(rowsOf(emu, 'Tickets')[0].ID);
    expect(ticket.row).toBe(2);
    submitAudit(emu, PHONE, {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      ticketId,
      rootCause: ['Process'],
      items: phoneExample(),
    });
    submitAudit(emu, PHONE, {
      staff: 'Li Na',
      auditor: 'Li Na',
      ticketId: 'CMP-2026-09999',
      items: phoneExample(),
    });
    const [good, bad] = rowsOf(emu, 'Audits');
    expect(good).toMatchObject({ 'Ticket ID': ticketId, 'Needs review': false, State: 'Scored' });
    expect(bad).toMatchObject({
      'Ticket ID': 'CMP-2026-09999',
      'Needs review': true,
      State: 'Needs review',
      'Final %': 80.3,
    });
    expect(String(bad['Review note']).split('\n')).toEqual([
      'The auditor audited themself.',
      'No ticket has the ID “CMP-2026-09999”.',
      'An item scored below half and no root cause was given.',
    ]);
    expect(rowsOf(emu, 'Audit items')).toHaveLength(20);
  });

  it('a duplicate trigger fire records the audit once', () => {
    const emu = newDesk({ lang: 'en' });
    const submitted = emu.submitForm(
      auditFormId(emu, PHONE),
      {
        'Staff audited': 'Zhang Wei',
        Auditor: 'Li Na',
        'Root cause of low scores': ['Process'],
        ...phoneExample(),
      },
      { defer: true },
    );
    for (const job of submitted.jobs) emu.run(job.name, job.event);
    for (const job of submitted.jobs) emu.run(job.name, job.event);
    expect(rowsOf(emu, 'Audits')).toHaveLength(1);
    expect(rowsOf(emu, 'Audit items')).toHaveLength(10);
  });

  it('editing a scorecard makes version 2 and updates its form in place; earlier audits keep what they were scored with', () => {
    const emu = newDesk({ lang: 'en' });
    const formBefore = auditFormId(emu, PHONE);
    submitAudit(emu, PHONE, {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      rootCause: ['Process'],
      items: phoneExample(),
    });
    const sheet = emu.spreadsheet.host().getSheetByName('⚙ Scorecards');
    if (!sheet) throw new Error('no ⚙ Scorecards');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => r[header.indexOf('Item')] === 'Accurate answer or resolution') + 1;
    const column = header.indexOf('Max points') + 1;
    emu.editCells('⚙ Scorecards', sheet.getRange(row, column).getA1Notation(), [[20]]);
    expect(auditForms(emu).find((f) => f.scorecard === PHONE)).toMatchObject({
      version: 2,
      formId: formBefore,
    });
    const phoneRows = rowsOf(emu, '⚙ Scorecards').filter((r) => r.Scorecard === PHONE);
    expect(new Set(phoneRows.map((r) => r.Version))).toEqual(new Set([2]));
    expect(documentProperties(emu).has(`scorecard.${PHONE}.v1`)).toBe(true);
    submitAudit(emu, PHONE, {
      staff: 'Zhang Wei',
      auditor: 'Li Na',
      rootCause: ['Process'],
      items: phoneExample(),
    });
    const audits = rowsOf(emu, 'Audits');
    expect(audits.map((r) => r.Version)).toEqual([1, 2]);
    // 20 of 20 on the item now: (72.25) / 85 = 85 %
    expect(audits[1]['Final %']).toBe(85);
    const accurate = rowsOf(emu, 'Audit items').filter((r) => r.Item === 'Accurate answer or resolution');
    expect(accurate.map((r) => r.Max)).toEqual([25, 20]);
  });

  it('works in Chinese: default scorecards, form titles and the row in zh-CN', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    submitAudit(
      emu,
      '电话服务',
      {
        staff: '张伟',
        auditor: '李娜',
        rootCause: ['流程'],
        items: {
          '接听 — 响铃三声内接听': '是',
          '接听 — 使用标准问候语': '否',
          '服务过程 — 服务态度耐心、礼貌': '4',
          '服务过程 — 准确理解客户需求': '5',
          '服务过程 — 解答准确、问题得到处理': '20',
          '服务过程 — 告知并遵守预计回复时间': '不适用',
          '记录与结束 — 记录完整、清晰': '6',
          '记录与结束 — 使用标准结束语': '是',
          '红线 — 未泄露客户信息': '是',
          '红线 — 未越权向客户报价': '是',
          '评语：服务过程': '语速可以再慢一点',
        },
      },
      'zh-CN',
    );
    const [audit] = rowsOf(emu, '质检评分');
    expect(audit).toMatchObject({
      质检编号: 'QA-2026-00001',
      被检人员: '张伟',
      '最终得分 %': 80.3,
      等级: 'B',
      状态: '已评分',
    });
    const mail = emu.mail.outbox.find((m) => m.subject.includes('QA-2026-00001'));
    expect(mail?.subject).toBe('【客服工作台】质检结果 QA-2026-00001：80.3 %');
    expect(mail?.body).toContain('语速可以再慢一点');
  });
});

describe('an audit submission killed at any service call', () => {
  it('is finished by the next fire of the same response: one Audits row, its 10 items, no ID skipped, the run kept', () => {
    const fired = new WeakMap<object, Array<{ name: string; event: unknown }>>();
    const low = phoneExample({ 'Service — Accurate answer or resolution': '10' });
    const report = everyCrashPoint(
      {
        setup: () => {
          const emu = newDesk({ lang: 'en' });
          // One low audit before (as its job leaves it), so the killed one is the 2nd in a run below 80.
          documentProperties(emu).set('qa.runBelow.liu yang', '1');
          return emu;
        },
        handler: 'onFormSubmit',
        run: (emu) => {
          const submitted = emu.submitForm(
            auditFormId(emu, PHONE),
            {
              'Staff audited': 'Liu Yang',
              Auditor: 'Li Na',
              'Root cause of low scores': ['Knowledge'],
              ...low,
            },
            { defer: true },
          );
          fired.set(emu, submitted.jobs);
          for (const job of submitted.jobs) emu.run(job.name, job.event);
        },
        // A second fire of the same event: Google's duplicate fire, or the inbox's hourly reconcile.
        recover: (emu) => {
          for (const job of fired.get(emu) ?? []) emu.run(job.name, job.event);
        },
      },
      (emu, at) => {
        const audits = rowsOf(emu, 'Audits');
        expect(audits.map((r) => r['Audit ID'])).toEqual(['QA-2026-00001']);
        // The result mail is enqueued in the submission's locked step: never lost; a second copy only
        // when the kill fell between Google taking the mail and the key's record.
        const copies = emu.mail.outbox.filter((mail) => mail.subject.includes('QA-2026-00001')).length;
        expect(copies).toBeGreaterThanOrEqual(1);
        expect(copies).toBeLessThanOrEqual(at.point === 0 ? 1 : 2);
        expect(rowsOf(emu, 'Audit items').filter((r) => r['Audit ID'] === 'QA-2026-00001')).toHaveLength(10);
        expect(documentProperties(emu).get('qa.runBelow.liu yang')).toBe('2');
        expect(audits[0].Warning).toBe('Below 80 %');
      },
    );
    expect(report.points).toBeGreaterThan(10);
  });
});
