/** One data row of a CSV file with the line it starts on (1-based, the header is line 1). */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface ParsedCsv {
  separator: ',' | ';';
  header: string[];
  rows: CsvRow[];
}

/** Undoes the export's guard against formula injection (server/export/csv-write.ts): `'=x` reads as `=x`. */
const unneutralise = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

/**
 * Parses CSV as spreadsheets write it: RFC 4180 quoting, CRLF or LF, a UTF-8 BOM, and either `,`
 * or `;` (Excel in a Polish locale) as the separator, taken from the header line.
 */
export function parseCsv(text: string): ParsedCsv {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length) records.push({ line: recordLine, fields: [...fields, field] });
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [head, ...data] = nonEmpty;
  const header = (head?.fields ?? []).map((h) => h.trim().toLowerCase());
  return {
    separator,
    header,
    rows: data.map((r) => ({ line: r.line, values: Object.fromEntries(header.map((h, i) => [h, unneutralise((r.fields[i] ?? '').trim())])) })),
  };
}
