import { fieldOf, isTotalRow, type Field } from './fields';
import type { Findings } from './report';
import type { Table, TableRow } from './readers/types';

/** A data row by field, with the spreadsheet's own row number for the report. */
export interface SheetRecord {
  location: string;
  rowNumber: number;
  values: Partial<Record<Field, string>>;
}

export interface Sheet {
  fields: Field[];
  records: SheetRecord[];
  /** The title rows above the header, e.g. 示范街道各社区基本情况统计表（2026年10月）. */
  titles: string[];
}

const headerFields = (row: TableRow, extra: Partial<Record<Field, string[]>>) =>
  row.cells.map((cell) => (cell.trim() ? fieldOf(cell, extra) : null));

/**
 * Find the header (the first row naming at least two known fields, one of them a code,
 * name or ticket number), skip the title rows above it and the 合计/总计 rows below, each
 * with a note, and return the data rows by field. A header that is not found is a problem.
 */
export function readSheet(table: Table, extra: Partial<Record<Field, string[]>>, findings: Findings): Sheet | null {
  const where = table.sheet ? `${table.file} sheet ${table.sheet}` : table.file;
  const headerIndex = table.rows.findIndex((row) => {
    const fields = headerFields(row, extra).filter((f): f is Field => f !== null);
    return fields.length >= 2 && fields.some((f) => f === 'code' || f === 'name' || f === 'ticket');
  });
  if (headerIndex < 0) {
    findings.problem(
      where,
      null,
      'No header row: none names a code (编码), a name (名称) or a ticket number (工单号) with another known column; use --map field=列名',
    );
    return null;
  }
  const header = table.rows[headerIndex];
  const titles = table.rows.slice(0, headerIndex).map((row) => row.cells.filter(Boolean).join(' '));
  for (const [index, title] of titles.entries())
    findings.note(`Row ${table.rows[index].rowNumber} skipped as a title: ${title}`);
  const columns = headerFields(header, extra);
  const unknown = header.cells.filter((cell, i) => cell.trim() && !columns[i]);
  if (unknown.length) findings.note(`Columns not imported: ${unknown.join(', ')}`);
  const records: SheetRecord[] = [];
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (row.cells.every((cell) => !cell.trim())) continue;
    if (isTotalRow(row.cells)) {
      findings.note(`Row ${row.rowNumber} skipped: a total (合计) row`);
      continue;
    }
    const values: Partial<Record<Field, string>> = {};
    columns.forEach((field, i) => {
      const cell = row.cells[i]?.trim();
      if (field && cell && values[field] === undefined) values[field] = cell;
    });
    records.push({ location: `row ${row.rowNumber}`, rowNumber: row.rowNumber, values });
  }
  return { fields: columns.filter((f): f is Field => f !== null), records, titles };
}
