import type { TableColumn } from './tableColumn';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV with full-precision numbers (a spreadsheet should not inherit display rounding). */
export function toCsv<T>(shown: TableColumn<T>[], rows: readonly T[]): string {
  const columns = shown.filter((column) => !column.control);
  const lines = [columns.map((column) => cell(column.header)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => cell((column.exportValue ?? column.sortValue)(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
