import { markdownToHtml } from './markdown';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a PDF is printed from: the rendered Markdown with a print stylesheet, no scripts, no
 * outside resources (the CSP says so), fonts from the system that have Cyrillic (the printer embeds
 * the ones it uses).
 */
export function printHtml(markdownText: string, title: string, language: 'ru' | 'en'): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, "Liberation Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1d2330; }
  h1 { font-size: 20pt; margin: 0 0 6pt; }
  h2 { font-size: 13pt; margin: 14pt 0 4pt; padding-bottom: 2pt; border-bottom: 1px solid #c9ced8; }
  h3 { font-size: 11pt; margin: 10pt 0 2pt; }
  p, li { margin: 0 0 4pt; }
  ul, ol { padding-left: 16pt; margin: 0 0 6pt; }
  h2, h3 { break-after: avoid; }
  li { break-inside: avoid; }
  a { color: inherit; }
</style>
</head>
<body>
${markdownToHtml(markdownText)}
</body>
</html>`;
}
