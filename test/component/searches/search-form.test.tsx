import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { SavedSearch } from '../../../shared/domain/search';
import { Searches } from '../../../renderer/src/screens/searches/Searches';
import { FakeClient } from '../support/fake-client';
import { templateOnly } from '../support/fixtures/ai';
import { coreFailed } from '../support/fixtures/errors';
import { frontendSearch, savedSearch } from '../support/fixtures/searches';
import { renderScreen } from '../support/render';

const openAi: ChannelOutput<'ai.settings.get'> = {
  ...templateOnly,
  settings: { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
};

/** Searches with the form's lookups answered: the AI settings, no dictionaries (the website path), no region tree. */
function searchesWith(list: SavedSearch[], ai = openAi) {
  return new FakeClient().ok('searches.list', list).ok('ai.settings.get', ai).fail('hh.dictionaries', coreFailed).ok('hh.areas', []);
}

const form = () => screen.getByTestId('search-form');
const field = (name: string | RegExp) => within(form()).getByRole('textbox', { name });
const number = (name: string | RegExp) => within(form()).getByRole('spinbutton', { name });
const box = (name: string | RegExp) => within(form()).getByRole('checkbox', { name });

describe('Searches → the form', () => {
  it('saves a new search with what the form says', async () => {
    const saved = savedSearch(11, 'Python в Москве');
    const fake = searchesWith([]).ok('searches.save', [saved]);
    renderScreen(<Searches />, fake);
    await userEvent.click(
      within(await screen.findByRole('region', { name: 'Сохранённых поисков нет' })).getByRole('button', { name: 'Новый поиск' }),
    );
    await userEvent.type(field('Название'), 'Python в Москве');
    await userEvent.type(field('Ключевые слова'), 'python OR django');
    expect(box('Москва')).toBeChecked();
    await userEvent.click(box('Санкт-Петербург'));
    await userEvent.click(box('От 1 до 3 лет'));
    await userEvent.click(box('Удалённо'));
    await userEvent.type(field('Исключить слова'), 'стажёр');
    await userEvent.type(number('Зарплата от, ₽'), '200000');
    await userEvent.click(box('Только с указанной зарплатой'));
    await userEvent.type(number('Опубликованы за последние, дней'), '7');
    await userEvent.clear(number('Проверять каждые, часов'));
    await userEvent.type(number('Проверять каждые, часов'), '2');
    await userEvent.click(within(form()).getByRole('radio', { name: 'Автопилот' }));
    expect(within(form()).getByText('Письма, прошедшие проверку, отправляются сами в пределах дневного лимита.')).toBeVisible();
    await userEvent.click(box('Поиск включён'));
    await userEvent.click(within(form()).getByRole('button', { name: 'Сохранить' }));

    expect(await screen.findByRole('listitem', { name: 'Python в Москве' })).toBeVisible();
    expect(screen.queryByTestId('search-form')).not.toBeInTheDocument();
    expect(fake.inputs('searches.save')).toEqual([
      {
        search: {
          name: 'Python в Москве',
          filters: {
            text: 'python OR django',
            areas: ['1', '2'],
            experience: ['between1And3'],
            employmentForm: [],
            workFormat: ['REMOTE'],
            salary: 200000,
            onlyWithSalary: true,
            excludedText: 'стажёр',
            periodDays: 7,
          },
          intervalHours: 2,
          mode: 'autopilot',
          active: false,
          minScore: null,
        },
      },
    ]);
  });

  it('edits a saved search: filled in from it, and saved under its id', async () => {
    const fake = searchesWith([frontendSearch]).on('searches.save', ({ search }) => ({
      ok: true,
      value: [{ ...frontendSearch, intervalHours: search.intervalHours ?? frontendSearch.intervalHours }],
    }));
    renderScreen(<Searches />, fake);
    await userEvent.click(
      within(await screen.findByRole('listitem', { name: 'Frontend, удалёнка' })).getByRole('button', { name: 'Изменить' }),
    );
    expect(screen.getByRole('heading', { name: 'Поиск «Frontend, удалёнка»' })).toBeVisible();
    expect(field('Название')).toHaveValue('Frontend, удалёнка');
    expect(field('Ключевые слова')).toHaveValue('React разработчик');
    expect(number('Зарплата от, ₽')).toHaveValue(250000);
    expect(box('Удалённо')).toBeChecked();
    expect(box('Москва')).toBeChecked();
    expect(number('Проверять каждые, часов')).toHaveValue(4);

    await userEvent.clear(number('Проверять каждые, часов'));
    await userEvent.type(number('Проверять каждые, часов'), '6');
    await userEvent.click(within(form()).getByRole('button', { name: 'Сохранить' }));
    expect(await within(await screen.findByRole('listitem', { name: 'Frontend, удалёнка' })).findByText('каждые 6 ч')).toBeVisible();
    expect(fake.inputs('searches.save')).toEqual([
      {
        id: 7,
        search: {
          name: 'Frontend, удалёнка',
          filters: { ...frontendSearch.filters },
          intervalHours: 6,
          mode: 'review',
          active: true,
          minScore: null,
        },
      },
    ]);
  });

  it('a minimum AI score says what it does, and with "No AI" warns and leads to the AI settings', async () => {
    const fake = searchesWith([], templateOnly);
    fake.hold('preferences.set');
    const { store } = renderScreen(<Searches />, fake);
    await userEvent.click(
      within(await screen.findByRole('region', { name: 'Сохранённых поисков нет' })).getByRole('button', { name: 'Новый поиск' }),
    );
    expect(screen.getByTestId('min-score-hint')).toHaveTextContent('Пусто: ИИ не оценивает вакансии');
    await userEvent.type(number(/^Минимальная оценка ИИ/), '70');
    expect(screen.getByTestId('min-score-hint')).toHaveTextContent('хотя бы на 70 из 100');
    const warning = await screen.findByTestId('min-score-no-ai');
    expect(warning).toHaveTextContent('Сейчас выбран режим «Без ИИ: мой шаблон»');
    await userEvent.click(within(warning).getByRole('button', { name: 'Открыть настройки ИИ' }));
    expect(store.getState().screen).toBe('settings');
  });
});

describe('Searches → a saved search', () => {
  it('runs now, says what the run did, and offers the vacancies it found', async () => {
    const fake = searchesWith([frontendSearch]);
    const run = fake.hold('searches.run');
    renderScreen(<Searches />, fake);
    const card = await screen.findByRole('listitem', { name: 'Frontend, удалёнка' });
    await userEvent.click(within(card).getByRole('button', { name: 'Запустить сейчас' }));
    await run.asked;
    expect(within(card).getByRole('button', { name: 'Ищем…' })).toBeDisabled();
    await run.release({
      found: 10,
      added: 3,
      updated: 1,
      cancelled: false,
      drafted: 2,
      sent: 1,
      skipped: 4,
      needsManual: 0,
      heldBack: 0,
      stoppedBy: null,
    });
    const result = within(card).getByTestId('run-result');
    expect(result).toHaveTextContent('Готово: новых 3 из 10; отложено: 4, писем написано: 2, отправлено: 1, откликнуться вручную: 0.');
    expect(within(result).getByRole('button', { name: 'К вакансиям' })).toBeVisible();
    expect(fake.inputs('searches.run')).toEqual([{ id: 7 }]);
  });

  it('deletes only once confirmed', async () => {
    const other = savedSearch(8, 'Go');
    const fake = searchesWith([frontendSearch, other]).ok('searches.delete', [other]);
    renderScreen(<Searches />, fake);
    const card = await screen.findByRole('listitem', { name: 'Frontend, удалёнка' });
    await userEvent.click(within(card).getByRole('button', { name: 'Удалить' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Отмена' }));
    expect(fake.inputs('searches.delete')).toEqual([]);
    await userEvent.click(within(card).getByRole('button', { name: 'Удалить' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Точно удалить?' }));
    await vi.waitFor(() => expect(screen.queryByRole('listitem', { name: 'Frontend, удалёнка' })).not.toBeInTheDocument());
    expect(screen.getByRole('listitem', { name: 'Go' })).toBeVisible();
    expect(fake.inputs('searches.delete')).toEqual([{ id: 7 }]);
  });
});
