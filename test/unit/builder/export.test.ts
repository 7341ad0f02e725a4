import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportResume, fileNameFor } from '../../../main/core/builder/export';
import { markdownToText } from '../../../main/core/builder/export/markdown';
import { printHtml } from '../../../main/core/builder/export/print-html';

const RESUME = `# Ведущий Python-разработчик

## Опыт работы

- **СКБ Контур**, 03.2019 – 08.2024: перевёл биллинг на *Kafka*, ускорил выставление счетов на 37%.
- Точка Банк: платёжный шлюз, 1200 платежей в секунду.

## Навыки

Python, PostgreSQL, Kafka

## Достижения

1. Запустил платёжный шлюз
2. Вырастил команду до 6 человек

<script>alert('не выполнится')</script>
`;

const exported = (format: 'md' | 'txt' | 'docx' | 'pdf') =>
  exportResume({ markdown: RESUME, title: 'Ведущий Python-разработчик', language: 'ru', format });

describe('exporting a resume', () => {
  it('Markdown round-trips byte for byte, in UTF-8', async () => {
    const file = await exported('md');
    expect(new TextDecoder().decode(file.bytes)).toBe(RESUME);
    expect(file.fileName).toBe('Ведущий Python-разработчик.md');
  });

  it('plain text keeps every word and drops the marks', async () => {
    const text = new TextDecoder().decode((await exported('txt')).bytes);
    expect(text).toContain('Ведущий Python-разработчик\n===');
    expect(text).toContain('- СКБ Контур, 03.2019 – 08.2024: перевёл биллинг на Kafka, ускорил выставление счетов на 37%.');
    expect(text).not.toMatch(/\*\*|^#/m);
    // A numbered list keeps its numbers.
    expect(text).toContain('1. Запустил платёжный шлюз\n2. Вырастил команду до 6 человек');
    // Raw HTML is text, never markup.
    expect(text).toContain("<script>alert('не выполнится')</script>");
    expect(markdownToText(text)).toContain('СКБ Контур');
  });

  it('DOCX parsed back has Word headings, bullets, bold and the Cyrillic text', async () => {
    const file = await exported('docx');
    const parts = unzipSync(file.bytes);
    const xml = strFromU8(parts['word/document.xml']!);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Ведущий Python-разработчик/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Опыт работы/);
    expect(xml).toContain('<w:numPr>');
    expect(xml).toMatch(/<w:b\/>[\s\S]*?СКБ Контур/);
    expect(xml).toContain('ускорил выставление счетов на 37%.');
    expect(xml).toMatch(/2\. <\/w:t>[\s\S]*?Вырастил команду до 6 человек/);
    expect(strFromU8(parts['docProps/core.xml']!)).toContain('Ведущий Python-разработчик');
  });

  it('PDF without a printer says it needs the desktop app', async () => {
    await expect(exported('pdf')).rejects.toMatchObject({ code: 'export_unavailable' });
  });

  it('the print page escapes raw HTML and allows no scripts', () => {
    const html = printHtml(RESUME, 'Резюме <b>', 'ru');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<title>Резюме &#60;b&#62;</title>');
  });

  it('file names drop what a file system refuses', () => {
    expect(fileNameFor('CV: a/b "c"?', 'pdf')).toBe('CV a b c.pdf');
    expect(fileNameFor('   ', 'md')).toBe('resume.md');
  });
});
