import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { wallClock } from '../../../shared/time/buckets';

/** How a column's values are written: Excel shows a percent as 93.72 %, a count with separators. */
export type ColumnFormat = 'text' | 'integer' | 'decimal' | 'percent' | 'datetime';

export type Cell = string | number | Date | null;

/** A table to download: a title, lines saying what it is (period, source), a header and rows. */
export interface ExportTable {
  title: string;
  /** Label and value lines above the header: 统计期间, 数据来源, 导出时间 … */
  about: [string, string][];
  columns: { header: string; format: ColumnFormat }[];
  rows: AsyncIterable<Cell[]>;
}

/** The local wall-clock time of an instant, YYYY-MM-DD HH:mm, in TIME_ZONE. */
export const localDateTime = (at: Date) => wallClock(at).toISOString().slice(0, 16).replace('T', ' ');

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

function csvCell(cell: Cell, format: ColumnFormat): string {
  if (cell === null) return '';
  if (cell instanceof Date) return localDateTime(cell);
  if (typeof cell === 'string') return csvField(cell);
  if (format === 'percent') return `${(cell * 100).toFixed(2)}%`;
  if (format === 'integer') return String(Math.round(cell));
  return String(Math.round(cell * 100) / 100);
}

/** Whether the writer must wait before it writes more (the reader is slower than the database). */
const drained = (out: Writable) => new Promise<void>((resolve) => out.once('drain', () => resolve()));

/**
 * CSV as Chinese Excel opens it: UTF-8 with a byte order mark (without it Excel reads GBK
 * and shows mojibake), CRLF line ends, percents written 93.72% so Excel reads numbers.
 */
export async function writeCsv(table: ExportTable, out: Writable): Promise<void> {
  const line = (fields: string[]) => `${fields.join(',')}\r\n`;
  out.write('\uFEFF' + line([csvField(table.title)]));
  for (const [label, value] of table.about) out.write(line([csvField(label), csvField(value)]));
  out.write('\r\n' + line(table.columns.map((c) => csvField(c.header))));
  for await (const row of table.rows)
    if (!out.write(line(row.map((cell, i) => csvCell(cell, table.columns[i].format))))) await drained(out);
  out.end();
}

const NUMBER_FORMAT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.00%',
  datetime: 'yyyy-mm-dd hh:mm',
};

/** XLSX, row by row: the workbook is streamed, never held whole. */
export async function writeXlsx(table: ExportTable, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    views: [{ state: 'frozen', ySplit: table.about.length + 3 }],
  });
  sheet.columns = table.columns.map((c) => ({
    width: Math.max(10, Math.min(40, [...c.header].length * 2 + 4)),
    style: NUMBER_FORMAT[c.format] ? { numFmt: NUMBER_FORMAT[c.format] } : {},
  }));
  const title = sheet.addRow([table.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const about of table.about) sheet.addRow(about).commit();
  sheet.addRow([]).commit();
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const row of table.rows)
    sheet.addRow(row.map((cell) => (cell instanceof Date ? wallClock(cell) : cell))).commit();
  sheet.commit();
  await workbook.commit();
}
