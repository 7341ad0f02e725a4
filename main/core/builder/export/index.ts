import type { ExportFormat } from '../../../../shared/contract';
import { AppError } from '../../errors';
import { markdownToDocx } from './docx';
import { markdownToText } from './markdown';
import { printHtml } from './print-html';

export type { ExportFormat };

/** Prints a self-contained HTML page to PDF: Electron's printToPDF, or a headless Chromium in tests. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** A file name from the resume's title that every system accepts. */
export const fileNameFor = (title: string, format: ExportFormat) =>
  `${(
    [...title]
      .filter((c) => c >= ' ')
      .join('')
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'resume'
  ).slice(0, 80)}.${format}`;

/** The resume in the chosen format; Markdown and text as UTF-8 with a BOM-less body. */
export async function exportResume(input: {
  markdown: string;
  title: string;
  language: 'ru' | 'en';
  format: ExportFormat;
  printPdf?: PdfPrinter;
}): Promise<ExportedFile> {
  const { markdown, title, format } = input;
  const file = (bytes: Uint8Array): ExportedFile => ({ fileName: fileNameFor(title, format), mime: MIME[format], bytes });
  switch (format) {
    case 'md':
      return file(new TextEncoder().encode(markdown.endsWith('\n') ? markdown : `${markdown}\n`));
    case 'txt':
      return file(new TextEncoder().encode(markdownToText(markdown)));
    case 'docx':
      return file(await markdownToDocx(markdown, title));
    case 'pdf':
      if (!input.printPdf)
        throw AppError.of(
          'export_unavailable',
          'PDF is printed by the desktop app; here, export DOCX or Markdown, or open the resume in the desktop app.',
        );
      return file(await input.printPdf(printHtml(markdown, title, input.language)));
  }
}
