import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Token } from 'markdown-it';
import { ListMarkers, parseMarkdown } from './markdown';

const HEADINGS = { h1: HeadingLevel.HEADING_1, h2: HeadingLevel.HEADING_2, h3: HeadingLevel.HEADING_3 } as const;

/** Bold and italic as Word runs; the rest of the inline marks keep their words. */
function runs(inline: Token): TextRun[] {
  const out: TextRun[] = [];
  let bold = false;
  let italics = false;
  for (const child of inline.children ?? []) {
    if (child.type === 'strong_open' || child.type === 'strong_close') bold = child.type === 'strong_open';
    else if (child.type === 'em_open' || child.type === 'em_close') italics = child.type === 'em_open';
    else if (child.type === 'text' || child.type === 'code_inline') out.push(new TextRun({ text: child.content, bold, italics }));
    else if (child.type === 'softbreak' || child.type === 'hardbreak') out.push(new TextRun({ text: '', break: 1 }));
  }
  return out;
}

/**
 * The resume as a Word document: headings as Word's own heading styles (so its outline and any
 * ATS read them), lists as real bullets, bold and italic kept. Text is Unicode: Cyrillic as typed.
 */
export async function markdownToDocx(text: string, title: string): Promise<Uint8Array> {
  const paragraphs: Paragraph[] = [];
  const lists = new ListMarkers();
  let heading: (typeof HEADINGS)[keyof typeof HEADINGS] | undefined;
  let marker: string | undefined;
  for (const token of parseMarkdown(text)) {
    const seen = lists.see(token);
    if (seen) marker = seen;
    else if (token.type === 'heading_open') heading = HEADINGS[token.tag as keyof typeof HEADINGS] ?? HeadingLevel.HEADING_3;
    else if (token.type === 'heading_close') heading = undefined;
    else if (token.type === 'inline') {
      if (heading) paragraphs.push(new Paragraph({ heading, children: runs(token) }));
      else if (marker === '-') paragraphs.push(new Paragraph({ bullet: { level: Math.min(lists.depth - 1, 8) }, children: runs(token) }));
      // A numbered item keeps its number as text: the same in every Word, with no numbering definitions to keep in step.
      else if (marker)
        paragraphs.push(
          new Paragraph({ indent: { left: 360 * lists.depth, hanging: 360 }, children: [new TextRun(`${marker} `), ...runs(token)] }),
        );
      else paragraphs.push(new Paragraph({ children: runs(token) }));
      marker = undefined;
    }
  }
  const document = new Document({
    title,
    creator: 'AI Auto Applier',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
