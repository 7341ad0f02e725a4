/**
 * The resume builder in a real browser: an interview of a few turns with the app's own questions (no
 * model), a follow-up for a vague answer, finishing, an edit the check flags, and Markdown saved as a
 * download; the PDF printed by the same headless Chromium, its Cyrillic text read back.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { Interview } from '../../shared/domain';
import { describeInBrowser, nav } from '../support/chromium';
import { ok } from '../support/contract';
import { shots } from '../support/e2e-paths';
import type { TestServer } from '../support/headless';
import { pdfText } from '../support/pdf-text';

describeInBrowser('the resume builder (headless core, no model, real browser)', (suite) => {
  let running: TestServer;

  beforeAll(async () => {
    running = await suite.startServer({
      core: {
        // Headless, PDF is printed by the browser the tests drive, as the desktop app's hidden window does.
        printPdf: async (html) => {
          const page = await suite.browser.newPage();
          try {
            await page.setContent(html);
            return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
          } finally {
            await page.close();
          }
        },
      },
    });
  });

  const answer = async (page: Page, text: string, expectQuestions: number) => {
    const interview = page.getByTestId('interview');
    await interview.getByRole('textbox', { name: 'Ваш ответ' }).fill(text);
    await interview.getByRole('textbox', { name: 'Ваш ответ' }).press('Control+Enter');
    await expect
      .poll(() => interview.getByTestId('interview-messages').locator('li:not(.builder-message--user)').count())
      .toBe(expectQuestions);
  };

  it('interviews, finishes, flags an invented fact after an edit, and saves Markdown and PDF', () =>
    suite.withApp('builder', running, async (page) => {
      await nav(page, 'Резюме');
      const empty = page.getByRole('region', { name: 'Интервью пока нет' });
      await empty.getByRole('button', { name: 'Новое интервью' }).click();
      await page.getByTestId('new-interview').getByRole('button', { name: 'Начать' }).click();
      const interview = page.getByTestId('interview');
      await interview.getByText('Какую должность вы ищете?').waitFor();

      await answer(page, 'Python', 2);
      await interview.getByTestId('interview-messages').getByText('Уточнение').waitFor();
      await answer(page, 'Ведущий Python-разработчик, удалённо', 3);
      await interview.getByText(/Расскажите о последнем месте работы/).waitFor();
      await answer(
        page,
        'СКБ Контур, 03.2019–08.2024, ведущий разработчик: перевёл биллинг на Kafka, счета выставляются на 37% быстрее.',
        4,
      );
      await answer(page, 'Python, PostgreSQL, Kafka, Docker', 5);
      expect(
        await interview
          .getByRole('list', { name: 'Разделы с ответами' })
          .getByText(/есть ответ/)
          .count(),
      ).toBe(2);
      await page.screenshot({ path: join(shots, 'resume-interview-1280.png'), fullPage: true });

      await interview.getByRole('button', { name: 'Завершить и составить резюме' }).click();
      const editor = page.getByTestId('resume-editor');
      await editor.getByTestId('resume-preview').getByRole('heading', { name: 'Ведущий Python-разработчик, удалённо', level: 1 }).waitFor();
      await editor.getByTestId('resume-check').getByText('Все компании, даты, числа и навыки в резюме есть в ваших ответах.').waitFor();

      // The user adds an employer none of the answers mentions: the check names it.
      const source = editor.getByRole('textbox', { name: 'Резюме в Markdown' });
      await source.fill(`${await source.inputValue()}\n- Стажировка в «Газпромнефть», 2015\n`);
      await editor.getByRole('button', { name: 'Сохранить правки' }).click();
      await page.getByTestId('resume-editor').getByTestId('resume-check').getByText('Газпромнефть').waitFor();
      const saved = await page.getByTestId('resume-editor').getByRole('textbox', { name: 'Резюме в Markdown' }).inputValue();

      // Markdown: downloaded as is.
      await page.getByTestId('resume-editor').getByLabel('Сохранить как').selectOption('md');
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        (async () => {
          await page.getByTestId('resume-editor').getByRole('button', { name: 'Сохранить файл' }).click();
          // Marks left for the user ask first; this test saves the file as it is.
          if (/\[уточните\s*:/i.test(saved))
            await page.getByTestId('export-gaps').getByRole('button', { name: 'Выгрузить как есть' }).click();
        })(),
      ]);
      expect(file.suggestedFilename()).toBe('Ведущий Python-разработчик, удалённо.md');
      expect(await readFile((await file.path())!, 'utf8')).toBe(saved.endsWith('\n') ? saved : `${saved}\n`);
      await page.getByTestId('resume-said').getByText('скачан').waitFor();

      for (const [width, height] of [
        [1280, 800],
        [900, 700],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: join(shots, `resume-editor-${width}.png`), fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }

      // PDF: printed by Chromium; the text read back keeps its Cyrillic.
      const [first] = ok<{ items: { id: number }[] }>(await running.core.invoke('builder.list', {})).items;
      const pdf = ok<{ saved: string; base64: string; fileName: string }>(
        await running.core.invoke('builder.export', { id: first!.id, format: 'pdf' }),
      );
      expect(pdf.fileName).toBe('Ведущий Python-разработчик, удалённо.pdf');
      const bytes = Buffer.from(pdf.base64, 'base64');
      // The fonts travel inside the file (a font stream per font), so another computer shows the same letters.
      expect(bytes.toString('latin1')).toMatch(/\/FontFile[23]?\b/);
      const read = await pdfText(bytes);
      const flat = read.text.replace(/\s+/g, ' ');
      expect(flat).toContain('Ведущий Python-разработчик, удалённо');
      expect(flat).toContain('Опыт работы');
      expect(flat).toContain('перевёл биллинг на Kafka');
      expect(read.pages).toBeGreaterThan(0);
      const kept = ok<Interview>(await running.core.invoke('builder.get', { id: first!.id }));
      expect(kept.unsupported.map((claim) => claim.text)).toContain('Газпромнефть');
    }));
});
