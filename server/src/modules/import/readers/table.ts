import ExcelJS from 'exceljs';
import { type Encoding, type InputFile, ReadError, type Table, type TableRow } from './types';

const SAVE_AS_XLSX = 'Old .xls workbooks cannot be read: open the file in Excel or WPS and save it as .xlsx or CSV';

/** Rows of a sheet (.xlsx) or of a delimited text file (.csv, .tsv, .txt), every cell as text. */
export async function readTable(
  file: InputFile,
  options: { encoding?: Encoding; sheet?: string } = {},
): Promise<Table> {
  const extension = extensionOf(file.name);
  if (extension === 'xlsx') return readWorkbook(file, options.sheet);
  if (extension === 'xls') throw new ReadError(file.name, SAVE_AS_XLSX);
  if (extension !== 'csv' && extension !== 'tsv' && extension !== 'txt')
    throw new ReadError(file.name, `Cannot read a .${extension} file as a table: give .xlsx, .csv, .tsv or .txt`);
  const decoded = decodeText(file.bytes, options.encoding);
  const tabbed = extension === 'tsv' || (extension === 'txt' && decoded.text.split('\n', 1)[0].includes('\t'));
  const rows = parseDelimited(decoded.text, tabbed ? '\t' : ',');
  return { file: file.name, sheet: null, encoding: decoded.encoding, rows, notes: decoded.notes };
}

/** Lower-case extension of a file name, without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  return /\.([^./]+)$/.exec(name)?.[1].toLowerCase() ?? '';
}

/**
 * Text in the given encoding; without one, UTF-8 when the bytes are valid UTF-8 and otherwise GBK,
 * which is what Excel and WPS save on Chinese Windows. A UTF-8 byte order mark is dropped.
 */
export function decodeText(
  bytes: Uint8Array,
  encoding?: Encoding,
): { text: string; encoding: Encoding; notes: string[] } {
  if (encoding) return { text: new TextDecoder(encoding).decode(bytes), encoding, notes: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf8', notes: [] };
  } catch {
    const notes = ['The file is not valid UTF-8, so it was read as GBK (as Chinese Excel and WPS save text)'];
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk', notes };
  }
}

/**
 * RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line breaks. Record N is
 * row N, as Excel shows the file; empty records are left out without renumbering the others.
 */
function parseDelimited(text: string, delimiter: string): TableRow[] {
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let rowNumber = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ rowNumber, cells });
    rowNumber += 1;
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (text[i + 1] === '"') cell += text[i++];
      else quoted = false;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return rows;
}

async function readWorkbook(file: InputFile, sheetName: string | undefined): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes.slice().buffer);
  } catch {
    // An .xls renamed to .xlsx is an OLE compound file, which starts D0 CF 11 E0.
    const legacy = file.bytes[0] === 0xd0 && file.bytes[1] === 0xcf && file.bytes[2] === 0x11;
    throw new ReadError(file.name, legacy ? SAVE_AS_XLSX : 'Not a readable .xlsx workbook');
  }
  const names = workbook.worksheets.map((s) => s.name);
  const sheet =
    sheetName === undefined
      ? workbook.worksheets[0]
      : workbook.worksheets.find((s) => s.name.trim() === sheetName.trim());
  if (!sheet) {
    const listed = names.map((n) => `"${n}"`).join(', ');
    throw new ReadError(file.name, `No sheet named "${sheetName}"; the workbook has ${listed || 'no sheets'}`);
  }
  const rows: TableRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1)));
    if (cells.some((c) => c.trim() !== '')) rows.push({ rowNumber, cells });
  });
  const notes = names.length > 1 ? [`Read the sheet "${sheet.name}" of ${names.map((n) => `"${n}"`).join(', ')}`] : [];
  return { file: file.name, sheet: sheet.name, encoding: null, rows, notes };
}

/** What the cell holds, not how it is formatted; a merged range keeps its value in the top-left cell only. */
function cellText(cell: ExcelJS.Cell): string {
  return cell.type === ExcelJS.ValueType.Merge ? '' : valueText(cell.value);
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result);
  if ('hyperlink' in value) return valueText(value.text);
  return value.error;
}

/**
 * Excel dates have no time zone and ExcelJS returns them as UTC, so the UTC fields are what the sheet
 * shows; rounded to the second, as serial numbers carry float noise.
 */
function dateText(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
