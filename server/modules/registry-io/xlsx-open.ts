/**
 * Opens an .xlsx from the entries the zip guard inflated, using exceljs' own XML readers (workbook, relations,
 * styles, worksheet rows) but not its unzipper-based stream: that stream can silently stop before the last
 * entries (seen in tests: a sheet missing one run in ten), which an import must never do.
 */
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import { assertSafeXlsx } from './zip-guard.js';

const require = createRequire(import.meta.url);

type SaxEvents = AsyncIterable<
  { eventType: string; value: { name: string; attributes: Record<string, string> } | string }[]
>;
type ParseSax = (chunks: AsyncIterable<string>) => SaxEvents;
interface Xform {
  parse(events: SaxEvents): Promise<unknown>;
  map?: Record<string, { model?: unknown }>;
  model?: unknown;
}
type XformClass = new () => Xform;
type WorksheetReaderClass = new (o: {
  workbook: unknown;
  id: string;
  iterator: AsyncIterable<string>;
  options: object;
}) => AsyncIterable<unknown> & { name: string };

// Pinned exceljs 4.4.0 internals (package.json pins the version; a test reads real files through them).
const parseSax: ParseSax = require('exceljs/lib/utils/parse-sax.js');
const WorkbookXform: XformClass = require('exceljs/lib/xlsx/xform/book/workbook-xform.js');
const RelationshipsXform: XformClass = require('exceljs/lib/xlsx/xform/core/relationships-xform.js');
const StylesXform: new () => Xform & {
  init(): void;
} = require('exceljs/lib/xlsx/xform/style/styles-xform.js');
const WorksheetReader: WorksheetReaderClass = require('exceljs/lib/stream/xlsx/worksheet-reader.js');

/** The XML text of an entry in chunks (split on character boundaries), as the SAX parser takes it. */
async function* chunks(buf: Buffer | undefined, size = 256 * 1024): AsyncIterable<string> {
  if (!buf) return;
  const decoder = new StringDecoder('utf8');
  for (let i = 0; i < buf.length; i += size) yield decoder.write(buf.subarray(i, i + size));
  const rest = decoder.end();
  if (rest) yield rest;
}

async function sharedStrings(buf: Buffer | undefined): Promise<unknown[]> {
  const out: unknown[] = [];
  let text: string[] = [];
  let inText = false;
  let inPhonetic = false;
  for await (const events of parseSax(chunks(buf))) {
    for (const { eventType, value } of events) {
      const name = typeof value === 'string' ? '' : value.name;
      if (eventType === 'opentag') {
        if (name === 'si') text = [];
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && !inPhonetic) inText = true;
      } else if (eventType === 'text' && inText) text.push(value as string);
      else if (eventType === 'closetag') {
        if (name === 't') inText = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si') out.push(text.join(''));
      }
    }
  }
  return out;
}

/** One worksheet: its tab name and its rows as exceljs Row objects (cells with value and numFmt). */
export interface OpenSheet {
  name: string;
  rows: AsyncIterable<unknown>;
}

/** An opened workbook: its sheets in tab order and its date system. */
export interface OpenWorkbook {
  sheets: OpenSheet[];
  date1904: boolean;
}

const resolveTarget = (target: string) =>
  target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;

/** Checks the upload (zip guard), inflates only the parts read, and prepares a row reader per sheet. */
export async function openXlsx(bytes: Uint8Array): Promise<OpenWorkbook> {
  const entries = assertSafeXlsx(
    bytes,
    (n) =>
      n === 'xl/workbook.xml' ||
      n === 'xl/_rels/workbook.xml.rels' ||
      n === 'xl/sharedStrings.xml' ||
      n === 'xl/styles.xml' ||
      /^xl\/worksheets\/[^/]+\.xml$/.test(n),
  );
  const book = new WorkbookXform();
  await book.parse(parseSax(chunks(entries.get('xl/workbook.xml'))));
  const rels = new RelationshipsXform();
  await rels.parse(parseSax(chunks(entries.get('xl/_rels/workbook.xml.rels'))));
  const styles = new StylesXform();
  if (entries.has('xl/styles.xml')) await styles.parse(parseSax(chunks(entries.get('xl/styles.xml'))));
  else styles.init();
  const properties = book.map?.workbookPr ?? { model: {} };
  const workbook = {
    sharedStrings: await sharedStrings(entries.get('xl/sharedStrings.xml')),
    styles,
    properties,
  };
  const model = (book.model ?? {}) as { sheets?: { name: string; id: number; rId: string }[] };
  const targets = new Map(
    ((rels.model ?? []) as { Id: string; Target: string }[]).map((r) => [r.Id, resolveTarget(r.Target)]),
  );
  const sheets: OpenSheet[] = [];
  for (const s of model.sheets ?? []) {
    const path = targets.get(s.rId);
    const xml = path ? entries.get(path) : undefined;
    if (!xml) continue;
    const reader = new WorksheetReader({
      workbook,
      id: String(s.id),
      iterator: chunks(xml),
      options: { worksheets: 'emit', hyperlinks: 'ignore' },
    });
    sheets.push({ name: s.name, rows: reader });
  }
  return { sheets, date1904: Boolean((properties.model as { date1904?: boolean } | undefined)?.date1904) };
}
