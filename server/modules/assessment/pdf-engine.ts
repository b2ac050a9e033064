/**
 * pdfmake on the server with the Roboto it ships (Vietnamese glyphs included): fonts from its own directory only,
 * no URL and no other local file may be fetched while rendering.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface PdfOutput {
  getBuffer(): Promise<Buffer>;
}
interface PdfMake {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: object, options?: object): PdfOutput;
}

const pdfmake = require('pdfmake') as PdfMake;
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

/** The font family name documents use (a name of our own, so other users of pdfmake cannot replace it). */
export const PDF_FONT = 'HopTacRoboto';

/** Renders a pdfmake document definition to PDF bytes. */
export async function renderPdf(doc: object): Promise<Buffer> {
  // The singleton's settings are global: set them on every call, right before rendering.
  pdfmake.addFonts({
    [PDF_FONT]: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => p.startsWith(FONT_DIR));
  return pdfmake.createPdf(doc).getBuffer();
}
