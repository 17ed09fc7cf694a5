import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { gbkCsv, utf8Csv, xlsx } from '../../../../../test/import-files';
import { readTable } from './table';
import { ReadError } from './types';

const HEADER = ['社区编码', '社区名称', '常住人口', '户数'];

describe('readTable: delimited text', () => {
  it('reads a GBK CSV as GBK when no encoding is given, and says so', async () => {
    const bytes = gbkCsv([HEADER, ['410105001', '花园路社区', 12345, 4321]]);
    const table = await readTable({ name: '人口.csv', bytes }, {});
    expect(table.encoding).toBe('gbk');
    expect(table.notes).toEqual([expect.stringContaining('GBK')]);
    expect(table.rows).toEqual([
      { rowNumber: 1, cells: HEADER },
      { rowNumber: 2, cells: ['410105001', '花园路社区', '12345', '4321'] },
    ]);
  });

  it('takes the encoding it is given without a note', async () => {
    const table = await readTable({ name: '人口.csv', bytes: gbkCsv([HEADER]) }, { encoding: 'gbk' });
    expect(table).toMatchObject({ encoding: 'gbk', notes: [], rows: [{ rowNumber: 1, cells: HEADER }] });
  });

  it('keeps commas, quotes and line breaks inside quoted fields, numbering records as Excel rows', async () => {
    const bytes = utf8Csv([
      ['工单号', '诉求内容'],
      ['A1', '金水区花园路12号, 3单元'],
      ['A2', '楼道灯坏了\n请尽快修理'],
      ['A3', '他说"马上来"'],
    ]);
    const table = await readTable({ name: '案件.csv', bytes }, {});
    expect(table).toMatchObject({ encoding: 'utf8', notes: [] });
    expect(table.rows).toEqual([
      { rowNumber: 1, cells: ['工单号', '诉求内容'] },
      { rowNumber: 2, cells: ['A1', '金水区花园路12号, 3单元'] },
      { rowNumber: 3, cells: ['A2', '楼道灯坏了\n请尽快修理'] },
      { rowNumber: 4, cells: ['A3', '他说"马上来"'] },
    ]);
  });

  it('leaves empty records out but keeps the row numbers of the others', async () => {
    const bytes = new TextEncoder().encode('编码,名称\n\n"G1","一网格"\r\n,\n   ,  \n\n');
    const table = await readTable({ name: '网格.csv', bytes }, {});
    expect(table.rows).toEqual([
      { rowNumber: 1, cells: ['编码', '名称'] },
      { rowNumber: 3, cells: ['G1', '一网格'] },
    ]);
  });

  it('drops the UTF-8 byte order mark', async () => {
    const table = await readTable({ name: '人口.csv', bytes: utf8Csv([HEADER], { bom: true }) }, {});
    expect(table.rows[0].cells[0]).toBe('社区编码');
    expect(table).toMatchObject({ encoding: 'utf8', notes: [] });
  });

  it('reads tab-separated .txt and .tsv', async () => {
    const bytes = new TextEncoder().encode('编码\t名称\nG1\t一网格, 北区\n');
    for (const name of ['网格.txt', '网格.tsv']) {
      const table = await readTable({ name, bytes }, {});
      expect(table.rows.map((r) => r.cells)).toEqual([
        ['编码', '名称'],
        ['G1', '一网格, 北区'],
      ]);
    }
  });
});

describe('readTable: xlsx', () => {
  const figures = {
    sheet: '人口统计',
    title: '花园路街道2024年人口统计表',
    header: HEADER,
    rows: [
      ['410105001', '花园路社区', 12345, 4321],
      ['410105002', '经三路社区', 8765.5, null],
    ],
    footer: [['合计', null, 21110.5, 4321]],
  };

  it('gives Excel row numbers, the title in its merged range only, and numbers without their format', async () => {
    const table = await readTable({ name: '人口.xlsx', bytes: await xlsx(figures) }, {});
    expect(table).toMatchObject({ file: '人口.xlsx', sheet: '人口统计', encoding: null, notes: [] });
    expect(table.rows).toEqual([
      { rowNumber: 1, cells: ['花园路街道2024年人口统计表', '', '', ''] },
      { rowNumber: 2, cells: HEADER },
      { rowNumber: 3, cells: ['410105001', '花园路社区', '12345', '4321'] },
      { rowNumber: 4, cells: ['410105002', '经三路社区', '8765.5'] },
      { rowNumber: 5, cells: ['合计', '', '21110.5', '4321'] },
    ]);
  });

  it('reads the named sheet and lists the sheets when the name is wrong', async () => {
    const cases = { sheet: '案件', header: ['工单号', '来电时间'], rows: [['A1', '2024-03-05']] };
    const bytes = await xlsx(figures, cases);
    const table = await readTable({ name: '汇总.xlsx', bytes }, { sheet: '案件' });
    expect(table.sheet).toBe('案件');
    expect(table.rows).toEqual([
      { rowNumber: 1, cells: ['工单号', '来电时间'] },
      { rowNumber: 2, cells: ['A1', '2024-03-05'] },
    ]);
    expect(table.notes).toEqual(['Read the sheet "案件" of "人口统计", "案件"']);
    const missing = readTable({ name: '汇总.xlsx', bytes }, { sheet: '楼栋' });
    await expect(missing).rejects.toThrow(ReadError);
    await expect(missing).rejects.toThrow('No sheet named "楼栋"; the workbook has "人口统计", "案件"');
  });

  it('gives dates as ISO text, formulas as their result and rich text joined', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('案件');
    sheet.addRow([new Date(Date.UTC(2024, 2, 5)), new Date(Date.UTC(2024, 2, 5, 8, 30))]);
    sheet.addRow([
      { formula: 'A3*2', result: 42 },
      { richText: [{ text: '花园路' }, { text: '社区', font: { bold: true } }] },
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readTable({ name: '案件.xlsx', bytes }, {});
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['2024-03-05', '2024-03-05T08:30:00'],
      ['42', '花园路社区'],
    ]);
  });

  it('asks for .xlsx or CSV instead of an old .xls, and names what it reads for anything else', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readTable({ name: '人口.xls', bytes }, {})).rejects.toThrow(/save it as \.xlsx or CSV/);
    await expect(readTable({ name: '人口.xlsx', bytes }, {})).rejects.toThrow(/save it as \.xlsx or CSV/);
    await expect(readTable({ name: '人口.pdf', bytes }, {})).rejects.toMatchObject({
      location: '人口.pdf',
      message: 'Cannot read a .pdf file as a table: give .xlsx, .csv, .tsv or .txt',
    });
  });
});
