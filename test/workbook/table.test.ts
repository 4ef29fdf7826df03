import type { Grid } from '../../src/core/cells';
import type { TicketStatus } from '../../src/core/enums';
import { formulaSafe, normalizeLabel } from '../../src/core/text';
import { t } from '../../src/i18n';
import { planBlocks } from '../../src/workbook/block-plan';
import { MissingColumnError } from '../../src/workbook/errors';
import { buildHeaderMap, parseHeaderMap, serializeHeaderMap } from '../../src/workbook/header-map';
import { headerRow } from '../../src/workbook/schema';
import { SCHEMAS, TICKETS, type TicketRow } from '../../src/workbook/schemas';
import { Table } from '../../src/workbook/table';
import { FakeSheet } from './fake-sheet';

const enHeader = headerRow(TICKETS, 'en');
const zhHeader = headerRow(TICKETS, 'zh-CN');

function ticketsSheet(header: string[], rows: number): FakeSheet {
  const col = (key: string) => header.indexOf(t('en', `col.tickets.${key}` as never));
  const grid: Grid = [header];
  for (let i = 0; i < rows; i++) {
    const line = header.map(() => '' as string | number | boolean | Date);
    line[col('id')] = `CMP-2026-${String(i + 1).padStart(5, '0')}`;
    line[col('status')] = i % 2 ? 'In progress' : '处理中';
    line[col('phone')] = '13800138000';
    grid.push(line);
  }
  return new FakeSheet('Tickets', grid);
}

describe('schemas', () => {
  test.each(Object.values(SCHEMAS))(
    '$key: every header text (either language or key) names one column',
    (schema) => {
      const owner = new Map<string, string>();
      for (const c of schema.columns) {
        for (const alias of [c.key, t('en', c.label), t('zh-CN', c.label)].map(normalizeLabel)) {
          expect([undefined, c.key]).toContain(owner.get(alias));
          owner.set(alias, c.key);
        }
      }
    },
  );

  test('Tickets: staff columns first, then the sla group, then system', () => {
    const groups = TICKETS.columns.map((c) => c.group ?? 'staff');
    const firstSla = groups.indexOf('sla');
    const firstSystem = groups.indexOf('system');
    expect(groups.slice(0, firstSla).every((g) => g === 'staff')).toBe(true);
    expect(groups.slice(firstSla, firstSystem).every((g) => g === 'sla')).toBe(true);
    expect(groups.slice(firstSystem).every((g) => g === 'system')).toBe(true);
    expect(t('zh-CN', TICKETS.title)).toBe('工单登记');
  });
});

describe('Table.readRows', () => {
  test('one read of the span, enums from either language', () => {
    const sheet = ticketsSheet(enHeader, 5);
    const table = new Table<TicketRow>(sheet, TICKETS, 'en');
    sheet.resetCalls();
    const { rows, issues } = table.readRows(['id', 'status']);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ row: 2, values: { id: 'CMP-2026-00001', status: 'inProgress' } });
    expect(issues).toEqual([]);
    // row 1 once (no cached map) + the data block once
    expect(sheet.calls.read).toBe(2);
    expect(sheet.writes).toEqual([]);
  });

  test('with a cached header map: header and data in ONE read', () => {
    const sheet = ticketsSheet(enHeader, 100);
    const cached = parseHeaderMap(serializeHeaderMap(buildHeaderMap(TICKETS, enHeader)), TICKETS);
    const table = new Table<TicketRow>(sheet, TICKETS, 'en', cached);
    sheet.resetCalls();
    const { rows } = table.readRows(['id', 'status', 'phone']);
    expect(rows).toHaveLength(100);
    expect(sheet.calls.read).toBe(1);
  });

  test('a stale cached map (columns moved) is detected and re-read', () => {
    const moved = [...enHeader].reverse();
    const sheet = ticketsSheet(moved, 3);
    const cached = buildHeaderMap(TICKETS, enHeader);
    const table = new Table<TicketRow>(sheet, TICKETS, 'en', cached);
    const { rows } = table.readRows(['id', 'status']);
    expect(rows[2].values).toEqual({ id: 'CMP-2026-00003', status: 'inProgress' });
  });

  test('columns reordered, renamed into Chinese, user column inserted', () => {
    const header = [...enHeader];
    header[header.indexOf('Status')] = ' 状态 ';
    header[header.indexOf('ID')] = 'id';
    header.splice(3, 0, 'My notes');
    const sheet = ticketsSheet(enHeader, 2);
    // same data, different header texts and an extra column
    for (const line of sheet.cells) line.splice(3, 0, 'x');
    sheet.cells[0] = header.reverse();
    for (let r = 1; r < sheet.cells.length; r++) sheet.cells[r].reverse();
    const { rows } = new Table<TicketRow>(sheet, TICKETS, 'zh-CN').readRows(['id', 'status']);
    expect(rows.map((r) => r.values)).toEqual([
      { id: 'CMP-2026-00001', status: 'inProgress' },
      { id: 'CMP-2026-00002', status: 'inProgress' },
    ]);
  });

  test('unknown enum text is kept raw and reported', () => {
    const sheet = ticketsSheet(enHeader, 1);
    sheet.cells[1][enHeader.indexOf('Status')] = 'Pending-ish';
    const { rows, issues } = new Table<TicketRow>(sheet, TICKETS, 'en').readRows(['status']);
    expect(rows[0].values.status).toBe('');
    expect(rows[0].unrecognized.status).toBe('Pending-ish');
    expect(issues).toEqual([{ sheet: 'Tickets', row: 2, column: 'Status', text: 'Pending-ish' }]);
  });

  test('a deleted required column → MissingColumnError naming it in the sheet language; nothing written', () => {
    const header = enHeader.filter((h) => h !== 'Status');
    const sheet = new FakeSheet('工单登记', [header]);
    const table = new Table<TicketRow>(sheet, TICKETS, 'zh-CN');
    expect(() => table.readRows(['id', 'status'])).toThrow(MissingColumnError);
    const error = (() => {
      try {
        table.appendRecords([{ id: 'CMP-2026-00001' }]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MissingColumnError);
    expect((error as MissingColumnError).params).toEqual({ sheet: '工单登记', column: '状态' });
    expect(sheet.calls.write).toBe(0);
  });

  test('an optional missing column reads as empty', () => {
    const sheet = ticketsSheet(
      enHeader.filter((h) => h !== 'Address / unit'),
      1,
    );
    const { rows } = new Table<TicketRow>(sheet, TICKETS, 'en').readRows(['id', 'address']);
    expect(rows[0].values.address).toBe('');
  });
});

describe('Table.appendRecords', () => {
  test('several rows take the document lock unless it is held, and find the last row under it (issue 13)', () => {
    const sheet = new FakeSheet('Tickets', [enHeader]);
    const taken: boolean[] = [];
    let depth = 0;
    const lock = {
      held: () => depth > 0,
      withDocumentLock<T>(_timeoutMs: number, fn: () => T): T {
        taken.push(true);
        depth += 1;
        try {
          return fn();
        } finally {
          depth -= 1;
        }
      },
    };
    const table = new Table<TicketRow>(sheet, TICKETS, 'en', null, lock);
    table.readRows(['id']); // a last row seen outside the lock
    sheet.appendRow(['CMP-2026-00009']); // someone else appends meanwhile
    sheet.resetCalls();
    const { firstRow } = table.appendRecords([{ id: 'CMP-2026-00010' }, { id: 'CMP-2026-00011' }]);
    expect(taken).toHaveLength(1);
    expect(sheet.calls.lastRow).toBe(1);
    expect(firstRow).toBe(3);
    expect(sheet.value(2, 1)).toBe('CMP-2026-00009');
    // One row is one appendRow (atomic on Google's side): no lock. Under a held lock: not taken again.
    table.appendRecords([{ id: 'CMP-2026-00012' }]);
    lock.withDocumentLock(1000, () => table.appendRecords([{ id: 'A' }, { id: 'B' }]));
    expect(taken).toHaveLength(2);
  });

  test('one write at lastRow+1 over the full width; labels in the sheet language; text stays text', () => {
    const header = [...zhHeader, '我的备注'];
    const sheet = new FakeSheet('工单登记', [header]);
    const table = new Table<TicketRow>(sheet, TICKETS, 'zh-CN');
    const received = new Date('2026-01-05T01:00:00Z');
    sheet.resetCalls();
    table.appendRecords([
      {
        id: 'CMP-2026-00001',
        receivedAt: received,
        status: 'new',
        type: 'complaint',
        phone: '13800138000',
        description: '=IMPORTXML("http://x")',
        needsReview: true,
      },
      { id: 'CMP-2026-00002', status: 'inProgress', description: '+cmd' },
    ]);
    expect(sheet.calls.write).toBe(1);
    expect(sheet.writes[0]).toEqual({ row: 2, column: 1, rows: 2, columns: header.length });
    const at = (key: string) => zhHeader.indexOf(t('zh-CN', `col.tickets.${key}` as never)) + 1;
    expect(sheet.value(2, at('status'))).toBe('新建');
    expect(sheet.value(2, at('type'))).toBe('投诉');
    expect(sheet.value(2, at('receivedAt'))).toBe(received);
    expect(sheet.value(2, at('needsReview'))).toBe(true);
    expect(sheet.value(2, header.length)).toBe('');
    // Round trip: text comes back as the same text, never a formula or a number.
    const { rows } = table.readRows(['phone', 'description', 'status']);
    expect(rows[0].values).toEqual({
      phone: '13800138000',
      description: '=IMPORTXML("http://x")',
      status: 'new',
    });
    expect(rows[1].values.description).toBe('+cmd');
  });

  test('written text cells carry the apostrophe guard', () => {
    const sheet = new FakeSheet('Tickets', [enHeader]);
    const appended: unknown[] = [];
    const original = sheet.appendRow.bind(sheet);
    sheet.appendRow = (values) => {
      appended.push(values);
      original(values);
    };
    new Table<TicketRow>(sheet, TICKETS, 'en').appendRecords([{ description: '@SUM(A1)', phone: '-1+1' }]);
    const line = appended[0] as string[];
    expect(line[enHeader.indexOf('Description')]).toBe(formulaSafe('@SUM(A1)'));
    expect(line[enHeader.indexOf('Phone')]).toBe("'-1+1");
  });
});

describe('Table.updateRows', () => {
  test('one write per contiguous block, not per cell', () => {
    const sheet = ticketsSheet(enHeader, 50);
    const table = new Table<TicketRow>(sheet, TICKETS, 'en');
    table.headerMap();
    sheet.resetCalls();
    // rows 2..11 consecutive, same column → one block; row 40 apart → a second block
    const changes = Array.from({ length: 10 }, (_, i) => ({
      row: 2 + i,
      values: { status: 'resolved' as TicketStatus },
    }));
    changes.push({ row: 40, values: { status: 'closed' as const } });
    expect(table.updateRows(changes)).toBe(2);
    expect(sheet.calls.write).toBe(2);
    expect(sheet.value(5, enHeader.indexOf('Status') + 1)).toBe('Resolved');
  });

  test('after a read, only the changed cells are written: never a cell merely read (issue 13)', () => {
    const sheet = ticketsSheet(enHeader, 1000);
    const table = new Table<TicketRow>(sheet, TICKETS, 'en');
    const { rows } = table.readRows(['slaState', 'escalationLevel', 'callbackState', 'status']);
    sheet.resetCalls();
    const changes = rows
      .filter((r) => r.row % 7 === 0)
      .map((r) => ({ row: r.row, values: { slaState: 'breached' as const, escalationLevel: 2 } }));
    const sla = enHeader.indexOf('SLA state') + 1;
    const level = enHeader.indexOf('Escalation level') + 1;
    table.updateRows(changes);
    expect(sheet.calls.read).toBe(0);
    expect(new Set(sheet.written.map(([row, column]) => `${row}:${column}`))).toEqual(
      new Set(changes.flatMap(({ row }) => [`${row}:${sla}`, `${row}:${level}`])),
    );
    expect(sheet.value(14, sla)).toBe('Breached');
    expect(sheet.value(15, sla)).toBe('');
  });

  test('updateRowsByValue: one list per distinct value, only the changed cells, whatever the rows', () => {
    const sheet = ticketsSheet(enHeader, 1000);
    const table = new Table<TicketRow>(sheet, TICKETS, 'en');
    table.readRows(['slaState', 'escalationLevel', 'callbackState']);
    sheet.resetCalls();
    const sla = enHeader.indexOf('SLA state') + 1;
    const level = enHeader.indexOf('Escalation level') + 1;
    const changes = Array.from({ length: 999 }, (_, i) => i + 2)
      .filter((row) => row % 3 === 0)
      .map((row) => ({
        row,
        values: { slaState: row % 2 === 0 ? ('breached' as const) : ('atRisk' as const), escalationLevel: 2 },
      }));
    expect(table.updateRowsByValue(changes)).toEqual({ writes: 3, unwritten: [], deferred: [] });
    expect(sheet.calls.writeList).toBe(3);
    expect(sheet.calls.write + sheet.calls.read).toBe(0);
    expect(sheet.written).toHaveLength(changes.length * 2);
    expect(sheet.value(6, sla)).toBe('Breached');
    expect(sheet.value(9, sla)).toBe('At risk');
    expect(sheet.value(9, level)).toBe(2);
    expect(sheet.value(7, level)).toBe('');
  });

  test('updateRowsByValue with a limit: the lowest rank goes first, the rest is returned unwritten', () => {
    const sheet = ticketsSheet(enHeader, 20);
    const table = new Table<TicketRow>(sheet, TICKETS, 'en');
    table.headerMap();
    const changes = [
      { row: 2, values: { slaState: 'breached' as const, escalationLevel: 1 } },
      { row: 3, values: { slaState: 'breached' as const } },
      { row: 4, values: { slaState: 'breached' as const, escalationLevel: 3 } },
    ];
    const result = table.updateRowsByValue(changes, {
      maxValues: 2,
      rank: (group) => (group.keys.includes('escalationLevel') ? 0 : 1),
    });
    expect(result.writes).toBe(2);
    expect(result.deferred).toEqual([{ value: 'Breached', keys: ['slaState'], cells: 3 }]);
    expect(result.unwritten).toEqual([
      { row: 2, key: 'slaState' },
      { row: 3, key: 'slaState' },
      { row: 4, key: 'slaState' },
    ]);
    expect(sheet.value(2, enHeader.indexOf('Escalation level') + 1)).toBe(1);
    expect(sheet.value(2, enHeader.indexOf('SLA state') + 1)).toBe('');
  });

  test('planBlocks: runs of adjacent changed cells merge downwards', () => {
    const changes = new Map([
      [
        2,
        new Map([
          [3, 'a'],
          [4, 'b'],
        ]),
      ],
      [
        3,
        new Map([
          [3, 'c'],
          [4, 'd'],
        ]),
      ],
      [
        5,
        new Map([
          [3, 'e'],
          [9, 'z'],
        ]),
      ],
    ]);
    const blocks = planBlocks(changes);
    expect(blocks).toEqual([
      {
        row: 2,
        column: 3,
        values: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
      { row: 5, column: 3, values: [['e']] },
      { row: 5, column: 9, values: [['z']] },
    ]);
  });
});
