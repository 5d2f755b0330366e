/** One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
const field = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV document with a UTF-8 BOM, so spreadsheets show Polish letters correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
