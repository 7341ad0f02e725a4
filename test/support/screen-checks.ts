import type { Page } from 'playwright-core';
import { foreignWords } from './latin';

/**
 * Latin words on a Russian screen that are not names, formats or the user's own data: each one is a
 * text the app forgot to translate. `data` is what hh.ru and the user wrote (titles, employers,
 * letters), cut out before looking.
 */
export async function untranslated(page: Page, data: readonly string[] = []): Promise<string[]> {
  let text = await page.locator('body').innerText();
  for (const piece of [...data].filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(piece).join(' ');
  return [...new Set(foreignWords(text))];
}

/**
 * Every box that scrolls sideways, the page included: a list cut at the window's edge shows as one
 * of these even when the page itself does not scroll. Each is named by its tag, test id and class.
 */
export function sidewaysScrolls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${
        el.classList.length ? `.${[...el.classList].join('.')}` : ''
      }`;
    const root = document.scrollingElement;
    if (root && root.scrollWidth > root.clientWidth + 1) found.push(`page (${root.scrollWidth} > ${root.clientWidth})`);
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || !['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return found;
  });
}

export const SIZES = [
  [1280, 800],
  [900, 700],
] as const;

/**
 * What hh.ru and the user wrote, as the app holds it now (vacancies, employers, skills, letters) plus
 * the fixtures' own names: cut out of a screen's text before looking for untranslated words.
 */
export async function userData(
  core: { invoke(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> },
  site: { vacancies(): { name: string; employerName: string; keySkills: string[] }[] },
): Promise<string[]> {
  const items = async <T>(name: string) => ((await core.invoke(name, { limit: 100 })).value as { items: T[] } | undefined)?.items ?? [];
  const vacancies = await items<{ title: string; employer: { name: string } }>('vacancies.list');
  const letters = await items<{ application: { letter: string } }>('letters.list');
  return [
    ...site.vacancies().flatMap((v) => [v.name, v.employerName, ...v.keySkills]),
    ...vacancies.flatMap((v) => [v.title, v.employer.name]),
    ...letters.map((l) => l.application.letter),
    'Python developer',
    'Frontend-разработчик',
    '@anna_dev',
    'anna@example.ru',
    '0.0.0-test',
  ];
}
