/** Merits and demerits (奖惩, SPEC §8.2) end to end on dist/Code.js: catalog, form, automatic entries, reversals. */
import type { Emulator } from '../../scripts/emulator';
import { phoneExample, submitAudit } from '../helpers/audits';
import { cellOf, formId, lastRunAt, newDesk, rowsOf } from '../helpers/desk';
import { submitInspection } from '../helpers/inspections';
import { complaint, submitIntake } from '../helpers/intake';
import { submitMerit } from '../helpers/merits';

const HOUR = 3_600_000;

function merits(emu: Emulator, sheet = 'Merits') {
  return rowsOf(emu, sheet);
}

function editTicket(emu: Emulator, header: string, value: string, row = 2): void {
  emu.editCells('Tickets', cellOf(emu, 'Tickets', header, row), [[value]]);
}

function setGeneral(emu: Emulator, key: string, value: string | number): void {
  const rows = rowsOf(emu, '⚙ General');
  const index = rows.findIndex((row) => row.Key === key);
  if (index < 0) throw new Error(`no ⚙ General key ${key}`);
  emu.editCells('⚙ General', cellOf(emu, '⚙ General', 'Value', index + 2), [[value]]);
}

describe('the merit catalog and the merit form', () => {
  it('setup writes the CS-desk catalog with levels and signs, points per level in ⚙ General, and the form lists the items', () => {
    const emu = newDesk({ lang: 'en' });
    const catalog = rowsOf(emu, '⚙ Merit catalog');
    const levelOf = (item: string) => {
      const row = catalog.find((r) => r.Item === item);
      return row ? `${row['Merit or demerit']} ${row.Level}` : 'missing';
    };
    expect(catalog).toHaveLength(16);
    expect(levelOf('Praised by a customer (letter or thanks)')).toBe('+ Merit A1');
    expect(levelOf('Complaint about service attitude (found substantiated)')).toBe('− Demerit B1');
    expect(levelOf('Left the post without approval')).toBe('− Demerit B1');
    expect(levelOf('No uniform or no badge at work')).toBe('− Demerit C1');
    expect(levelOf('Meal over 35 minutes, or the desk left unattended')).toBe('− Demerit C1');
    expect(levelOf('Recovered a loss for the company')).toBe('+ Merit A1');
    expect(levelOf('Returned found property')).toBe('+ Merit B1');
    expect(levelOf('Minor fault (inspection failed)')).toBe('− Demerit B1');
    expect(levelOf('Serious fault (inspection failed again)')).toBe('− Demerit A1');
    const general = Object.fromEntries(rowsOf(emu, '⚙ General').map((row) => [row.Key, row.Value]));
    const levels = [
      general.meritPointsA2,
      general.meritPointsA1,
      general.meritPointsB1,
      general.meritPointsC1,
    ];
    expect(levels.map(Number)).toEqual([10, 5, 2, 1]);
    expect(general.meritMoneyPerPoint).toBe('');
    const form = emu.forms.get(formId(emu, 'form.merit'));
    const item = form?.items.find((i) => i.title === 'Item');
    expect(item?.choices).toContain('Left the post without approval (−B1)');
    expect(item?.choices).toContain('Praised by a customer (letter or thanks) (+A1)');
    const recordedBy = form?.items.find((i) => i.title === 'Recorded by');
    expect(recordedBy?.choices).toContain('Li Na');
    expect(recordedBy?.choices).not.toContain('Zhang Wei');
  });

  it('a supervisor records a demerit; a correction is a reversing entry, the original stays; a second correction is refused', () => {
    const emu = newDesk({ lang: 'en' });
    submitMerit(emu, {
      staff: 'Zhang Wei',
      item: 'Left the post without approval (−B1)',
      note: 'Away from the desk 10:00–10:40',
      recordedBy: 'Li Na',
    });
    emu.advance(HOUR);
    submitMerit(emu, {
      staff: 'Zhang Wei',
      reverses: 'mr-2026-00001',
      note: 'He was sent to the lobby',
      recordedBy: 'Li Na',
    });
    submitMerit(emu, { staff: 'Zhang Wei', reverses: 'MR-2026-00001', note: 'again', recordedBy: 'Li Na' });
    const [original, reversal, refused] = merits(emu);
    expect(original).toMatchObject({
      'Entry ID': 'MR-2026-00001',
      Month: '2026-03',
      Staff: 'Zhang Wei',
      Department: 'Customer Service',
      'Catalog item': 'Left the post without approval',
      Level: 'B1',
      'Merit or demerit': '− Demerit',
      Points: -2,
      'Recorded by rule': 'Merit form',
      'Recorded by': 'Li Na',
      State: 'Entered',
      'Reverses entry': '',
    });
    expect(reversal).toMatchObject({
      'Entry ID': 'MR-2026-00002',
      Points: 2,
      State: 'Reversal',
      'Reverses entry': 'MR-2026-00001',
      Note: 'Reverses MR-2026-00001: He was sent to the lobby',
    });
    expect(refused).toMatchObject({ 'Entry ID': 'MR-2026-00003', State: 'Needs review', Points: '' });
    expect(String(refused.Note)).toContain('Entry MR-2026-00001 was already reversed by MR-2026-00002');
    const history = rowsOf(emu, 'History').filter((row) => String(row['Record ID']).startsWith('MR-'));
    expect(history.map((row) => [row['Record ID'], row['New value']]).slice(0, 2)).toEqual([
      ['MR-2026-00001', 'Left the post without approval −2 for Zhang Wei'],
      ['MR-2026-00002', 'Left the post without approval +2 for Zhang Wei'],
    ]);
    expect(history).toHaveLength(3);
  });

  it('bad input is stored and flagged, never counted: unknown person, unknown item, a recorder who is no supervisor; formulas stay text', () => {
    const emu = newDesk({ lang: 'en' });
    submitMerit(emu, {
      staff: 'Nobody Here',
      item: 'Recovered a loss for the company (+A1)',
      recordedBy: 'Li Na',
    });
    submitMerit(emu, { staff: 'Zhang Wei', item: 'Sang a song', recordedBy: 'Li Na' });
    submitMerit(emu, {
      staff: 'Zhang Wei',
      item: 'Returned found property (+B1)',
      note: '=HYPERLINK("http://x")',
      recordedBy: 'Liu Yang',
    });
    const rows = merits(emu);
    expect(rows.map((row) => row.State)).toEqual(['Needs review', 'Needs review', 'Needs review']);
    expect(rows[0]).toMatchObject({ Points: 5, Note: 'Nobody called "Nobody Here" in ⚙ Staff' });
    expect(rows[1]).toMatchObject({ Points: '', 'Catalog item': 'Sang a song' });
    expect(String(rows[2].Note)).toContain('Liu Yang is not a supervisor, CS manager or GM in ⚙ Staff');
    expect(String(rows[2].Note)).toContain('=HYPERLINK');
    expect(emu.spreadsheet.sheet('Merits').values()[3].join('|')).not.toMatch(/^=|\|=/);
  });

  it('money per point in ⚙ General puts the amount on each entry; points per level are read from ⚙ General', () => {
    const emu = newDesk({ lang: 'en' });
    setGeneral(emu, 'meritMoneyPerPoint', 10);
    setGeneral(emu, 'meritPointsB1', 3);
    submitMerit(emu, { staff: 'Zhang Wei', item: 'Returned found property (+B1)', recordedBy: 'Wang Min' });
    expect(merits(emu)[0]).toMatchObject({ Points: 3, 'Amount (money)': 30, State: 'Entered' });
  });

  it('editing ⚙ Merit catalog updates the same form in place', () => {
    const emu = newDesk({ lang: 'en' });
    const id = formId(emu, 'form.merit');
    const last = rowsOf(emu, '⚙ Merit catalog').length + 2;
    emu.editCells('⚙ Merit catalog', `A${last}:C${last}`, [
      ['Helped a neighbour in a flood', 'A1', '+ Merit'],
    ]);
    expect(formId(emu, 'form.merit')).toBe(id);
    const item = emu.forms.get(id)?.items.find((i) => i.title === 'Item');
    expect(item?.choices).toContain('Helped a neighbour in a flood (+A1)');
  });
});

describe('automatic entries', () => {
  it('a complaint marked Substantiated = Yes gives the person complained about the configured demerit once (by the next hourly run, at the time of the edit); back to No reverses it; a new person moves it', () => {
    const emu = newDesk({ lang: 'en' }); // Mon 2026-03-02 10:00
    submitIntake(emu, complaint({ personComplained: 'Zhang Wei' }));
    const ticketId = String(rowsOf(emu, 'Tickets')[0].ID);
    editTicket(emu, 'Substantiated', 'Yes');
    const editedAt = lastRunAt(emu);
    editTicket(emu, 'Substantiated', 'Yes'); // the same again: nothing twice
    // The edit records what the complaint calls for; the 11:00 run writes the entry.
    expect(merits(emu)).toHaveLength(0);
    emu.advance(HOUR);
    expect(merits(emu)).toHaveLength(1);
    expect(merits(emu)[0]).toMatchObject({
      Staff: 'Zhang Wei',
      'Catalog item': 'Complaint about service attitude (found substantiated)',
      Points: -2,
      Evidence: ticketId,
      'Recorded by rule': 'Substantiated complaint',
      Note: `Complaint ${ticketId} found substantiated`,
      State: 'Entered',
      At: editedAt,
      Month: '2026-03',
    });
    editTicket(emu, 'Substantiated', 'No');
    emu.advance(HOUR);
    expect(merits(emu)[1]).toMatchObject({
      Points: 2,
      State: 'Reversal',
      'Reverses entry': 'MR-2026-00001',
      Evidence: ticketId,
    });
    editTicket(emu, 'Substantiated', 'Yes');
    emu.advance(HOUR);
    editTicket(emu, 'Person complained about', 'Liu Yang');
    emu.advance(HOUR);
    // Within one hour the edits settle on the last: Yes, No, Yes again records nothing more.
    editTicket(emu, 'Substantiated', 'No');
    editTicket(emu, 'Substantiated', 'Yes');
    emu.advance(HOUR);
    const rows = merits(emu).map((row) => [row['Entry ID'], row.Staff, row.Points, row['Reverses entry']]);
    expect(rows).toEqual([
      ['MR-2026-00001', 'Zhang Wei', -2, ''],
      ['MR-2026-00002', 'Zhang Wei', 2, 'MR-2026-00001'],
      ['MR-2026-00003', 'Zhang Wei', -2, ''],
      ['MR-2026-00004', 'Zhang Wei', 2, 'MR-2026-00003'],
      ['MR-2026-00005', 'Liu Yang', -2, ''],
    ]);
    // The original rows were never edited; History has one line per entry.
    expect(merits(emu)[0].State).toBe('Entered');
    const lines = rowsOf(emu, 'History').filter((row) => row.Field === 'Merit entry');
    expect(lines.map((row) => row['Record ID']).sort()).toEqual(rows.map((row) => row[0]));
  });

  it('a praise ticket naming a staff member is +A1 for them; one naming nobody of ⚙ Staff records nothing', () => {
    const emu = newDesk({ lang: 'en' });
    submitIntake(
      emu,
      complaint({ type: 'Praise', personComplained: 'Zhao Jing', description: 'Thank you!' }),
    );
    submitIntake(emu, complaint({ type: 'Praise', personComplained: 'the nice lady', phone: '13900000000' }));
    const praise = String(rowsOf(emu, 'Tickets')[0].ID);
    // Numbered in the intake's step, appended by the next hourly run (the intake's 15 calls have no room).
    expect(merits(emu)).toHaveLength(0);
    emu.advance(HOUR);
    expect(merits(emu)).toHaveLength(1);
    expect(merits(emu)[0]).toMatchObject({
      Staff: 'Zhao Jing',
      Points: 5,
      Level: 'A1',
      Evidence: praise,
      'Recorded by rule': 'Praise from a customer',
    });
  });

  it('three audits in a row below 80 record the run demerit against the audit that completed it', () => {
    const emu = newDesk({ lang: 'en' });
    const low = phoneExample({ 'Service — Accurate answer or resolution': '10' }); // 69.2 %
    for (let n = 0; n < 3; n++)
      submitAudit(emu, 'Phone service', {
        staff: 'Liu Yang',
        auditor: 'Li Na',
        rootCause: ['Knowledge'],
        items: low,
      });
    emu.advance(HOUR);
    const rows = merits(emu);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Staff: 'Liu Yang',
      Evidence: 'QA-2026-00003',
      Points: -2,
      'Recorded by rule': 'Audits below the line in a row',
      'Recorded by': 'Li Na',
    });
    expect(String(rows[0].Note)).toBe(
      '3 audits in a row below 80 %: Public criticism and 1 % of commission deducted',
    );
  });

  it("an inspection fail streak is the area owner's fault: minor (−B1) on the 1st fail, serious (−A1) after; the Entry ID is on the inspection row", () => {
    const emu = newDesk({ lang: 'en' });
    const visit = {
      area: 'Building 3 renovation site',
      inspector: 'Sun Qiang',
      rates: { 'Tiling and masonry': '80' },
      fail: { 'Tiling and masonry': 'Hollow tiles in the kitchen' },
    };
    for (let n = 0; n < 2; n++) {
      submitInspection(emu, 'Completion inspection', visit);
      emu.advance(24 * HOUR);
    }
    // The Entry IDs are on the rows at once; the hourly runs of the two days appended the entries.
    const inspections = rowsOf(emu, 'Inspections');
    const owner = String(inspections[0].Owner);
    expect(inspections.map((row) => row['Fault ledger entry'])).toEqual(['MR-2026-00001', 'MR-2026-00002']);
    expect(merits(emu).map((row) => [row.Staff, row['Recorded by rule'], row.Points, row.Evidence])).toEqual([
      [owner, 'Inspection: minor fault', -2, 'IN-2026-00001'],
      [owner, 'Inspection: serious fault', -5, 'IN-2026-00002'],
    ]);
  });
});

describe('a Chinese desk', () => {
  it('records through the form in Chinese: 奖惩记录 row and a substantiated complaint', () => {
    const emu = newDesk({ lang: 'zh-CN' });
    submitMerit(
      emu,
      { staff: '张伟', item: '拾金不昧 (+B1)', recordedBy: '李娜', note: '归还业主钱包' },
      'zh-CN',
    );
    const [row] = merits(emu, '奖惩记录');
    expect(row).toMatchObject({
      记录编号: 'MR-2026-00001',
      员工: '张伟',
      奖惩项目: '拾金不昧',
      级别: 'B1',
      奖或罚: '+ 奖',
      分数: 2,
      记录规则: '奖惩表单',
      状态: '已记录',
    });
    // A complaint about 张伟 marked 是否属实 = 属实: his demerit, written by the next hourly run.
    submitIntake(
      emu,
      complaint({
        receivedBy: '李娜',
        channel: '电话',
        type: '投诉',
        category: '维修 / 给排水',
        severity: '一般',
        customer: '王芳',
        address: '3栋1单元1201室',
        description: '服务态度差',
        personComplained: '张伟',
        email: '',
      }),
      'zh-CN',
    );
    const ticketId = String(rowsOf(emu, '工单登记')[0].编号);
    emu.editCells('工单登记', cellOf(emu, '工单登记', '是否属实', 2), [['属实']]);
    emu.advance(HOUR);
    expect(merits(emu, '奖惩记录')[1]).toMatchObject({
      记录编号: 'MR-2026-00002',
      员工: '张伟',
      级别: 'B1',
      分数: -2,
      依据: ticketId,
      记录规则: '投诉属实',
      状态: '已记录',
    });
    const line = rowsOf(emu, '操作日志').find((row) => row.记录编号 === 'MR-2026-00002');
    expect(line?.字段).toBe('奖惩记录');
  });
});
