import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text a PDF reader would copy out of the file, page by page, joined. What pdftotext gives, from
 * an npm package, so the check runs wherever the tests run.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number; fonts: string[] }> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  const fonts = new Set<string>();
  for (let n = 1; n <= document.numPages; n += 1) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str + (item.hasEOL ? '\n' : ''));
    for (const style of Object.values(content.styles)) fonts.add(style.fontFamily);
  }
  const pages = document.numPages;
  await document.destroy();
  return { text: parts.join(''), pages, fonts: [...fonts] };
}
