/** How a CSV download is laid out: `,` and a decimal point by default, `;` and a decimal comma for Excel in a Polish locale. */
export interface CsvLayout {
  delimiter: ',' | ';';
  decimalComma: boolean;
}

export const DEFAULT_LAYOUT: CsvLayout = { delimiter: ',', decimalComma: false };

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) or that starts with a tab
 * or CR gets a leading single quote, as OWASP advises against CSV injection: Excel shows it as text.
 * The import strips that quote again (server/import/csv.ts), so round trips keep the value.
 */
export const neutralise = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** One CSV field: numbers in the layout's decimal mark, text neutralised, quoted when it holds a separator, a quote or a line break (RFC 4180). */
function field(value: unknown, layout: CsvLayout): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return layout.decimalComma ? String(value).replace('.', ',') : String(value);
  const text = neutralise(String(value));
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a UTF-8 BOM, so spreadsheets show Polish letters correctly. */
export function toCsv(header: string[], rows: unknown[][], layout: CsvLayout = DEFAULT_LAYOUT): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map((v) => field(v, layout)).join(layout.delimiter)).join('\r\n')}\r\n`;
}
