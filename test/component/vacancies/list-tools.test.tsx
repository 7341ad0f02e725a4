import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Vacancies } from '../../../renderer/src/screens/vacancies/Vacancies';
import { useWorkFocus } from '../../../renderer/src/store/workFocus';
import { FakeClient } from '../support/fake-client';
import { draftLetter } from '../support/fixtures/letters';
import { frontendSearch } from '../support/fixtures/searches';
import { counts, detailOf, goVacancy, reactVacancy, vacancy, vacancyPage } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

const scored = vacancy(104, 'Тимлид фронтенда', { score: 87 });
const all = [reactVacancy, goVacancy, scored];

function world(items = all) {
  return new FakeClient()
    .ok('vacancies.counts', counts(items))
    .ok('blacklist.list', [])
    .ok('searches.list', [frontendSearch])
    .ok('vacancies.list', vacancyPage(items));
}

const listAsked = (fake: FakeClient) => fake.inputs('vacancies.list').at(-1);

describe('Vacancies → order and filters', () => {
  it('opened from the Dashboard for the vacancies to apply to by hand, shows only those', async () => {
    const fake = world();
    useWorkFocus.getState().focusVacancies(['needs_manual']);
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    expect(fake.inputs('vacancies.list')[0]).toMatchObject({ statuses: ['needs_manual'] });
    // Asked once: the next visit starts unfiltered.
    expect(useWorkFocus.getState().vacancyStatuses).toBeUndefined();
  });

  it("shows each row's kept AI score, and asks for the order chosen", async () => {
    const fake = world();
    renderScreen(<Vacancies />, fake);
    const row = await screen.findByRole('row', { name: /Тимлид фронтенда/ });
    expect(within(row).getByTitle('Оценка ИИ: 87 из 100')).toHaveTextContent('ИИ 87');
    expect(within(screen.getByRole('row', { name: /Frontend-разработчик/ })).queryByText(/^ИИ /)).not.toBeInTheDocument();
    expect(listAsked(fake)).toMatchObject({ sort: 'date' });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Порядок' }), 'Сначала с высокой оценкой ИИ');
    await vi.waitFor(() => expect(listAsked(fake)).toMatchObject({ sort: 'score', offset: 0 }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Порядок' }), 'Сначала с большей зарплатой');
    await vi.waitFor(() => expect(listAsked(fake)).toMatchObject({ sort: 'salary' }));
  });

  it('applies the filters together, says a wrong salary in Russian without asking, and resets', async () => {
    const fake = world();
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    await userEvent.click(screen.getByRole('button', { name: 'Фильтры' }));
    const form = screen.getByRole('form', { name: 'Фильтры списка' });

    await userEvent.type(within(form).getByLabelText('Зарплата от'), '-5');
    const asked = fake.inputs('vacancies.list').length;
    await userEvent.click(within(form).getByRole('button', { name: 'Применить' }));
    expect(within(form).getByLabelText('Зарплата от')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('Введите зарплату целым числом от 0 до 100 000 000')).toBeVisible();
    expect(fake.inputs('vacancies.list')).toHaveLength(asked);

    await userEvent.clear(within(form).getByLabelText('Зарплата от'));
    await userEvent.type(within(form).getByLabelText('Зарплата от'), '150 000');
    await userEvent.selectOptions(await within(form).findByRole('combobox', { name: 'Сохранённый поиск' }), 'Frontend, удалёнка');
    await userEvent.type(within(form).getByLabelText('Регион'), 'Москва');
    await userEvent.type(within(form).getByLabelText('Работодатель'), 'Ромашка');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Опубликована' }), 'За 7 дн.');
    await userEvent.click(within(form).getByRole('button', { name: 'Применить' }));
    await vi.waitFor(() =>
      expect(listAsked(fake)).toMatchObject({
        searchId: frontendSearch.id,
        salaryFrom: 150_000,
        area: 'Москва',
        employer: 'Ромашка',
        days: 7,
        since: null,
        recommended: false,
        offset: 0,
      }),
    );
    expect(within(form).queryByText(/Введите зарплату/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Фильтры: 5' })).toBeVisible();

    await userEvent.click(within(form).getByRole('button', { name: 'Сбросить' }));
    await vi.waitFor(() =>
      expect(listAsked(fake)).toMatchObject({ searchId: null, salaryFrom: null, area: null, employer: null, days: null }),
    );
    expect(screen.getByRole('button', { name: 'Фильтры' })).toBeVisible();
  });

  it('with filters that match nothing says so, not "no vacancies yet"', async () => {
    const fake = world();
    fake.on('vacancies.list', (input) => ({ ok: true, value: vacancyPage(input.area ? [] : all) }));
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    await userEvent.click(screen.getByRole('button', { name: 'Фильтры' }));
    await userEvent.type(screen.getByLabelText('Регион'), 'Владивосток');
    await userEvent.click(screen.getByRole('button', { name: 'Применить' }));
    expect(await screen.findByText('Ничего не найдено. Измените фильтр или строку поиска.')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Вакансий пока нет' })).not.toBeInTheDocument();
  });

  it('hh.ru recommendations: asks hh.ru, shows only them with the counts in Russian, and back to all', async () => {
    const fake = world().ok('vacancies.recommended', { found: 40, added: 12, updated: 25, blacklisted: 3 });
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    // What the list holds once hh.ru's recommendations are kept (the new filter asks again).
    fake.ok('vacancies.list', vacancyPage([{ ...scored, recommended: true }]));
    await userEvent.click(screen.getByRole('button', { name: 'Рекомендации hh.ru' }));
    expect(fake.inputs('vacancies.recommended')).toEqual([{ resumeHhId: null }]);
    await vi.waitFor(() => expect(listAsked(fake)).toMatchObject({ recommended: true, offset: 0 }));
    const said = await screen.findByText(/hh\.ru рекомендует 40/);
    expect(said).toHaveTextContent('hh.ru рекомендует 40: новых — 12, уже были — 25. Скрыто из-за чёрного списка: 3.');
    expect(screen.getByRole('button', { name: 'Фильтры: 1' })).toBeVisible();
    expect(await screen.findByRole('row', { name: /Тимлид фронтенда/ })).toHaveTextContent('рекомендация hh.ru');

    await userEvent.click(within(said).getByRole('button', { name: 'Показать все вакансии' }));
    await vi.waitFor(() => expect(listAsked(fake)).toMatchObject({ recommended: false }));
    expect(screen.queryByText(/hh\.ru рекомендует/)).not.toBeInTheDocument();
  });
});

describe('Vacancies → recommendations from the empty state', () => {
  it('with no vacancies yet, hh.ru recommendations fill the list with them and say how many came', async () => {
    const fake = world([]).ok('vacancies.recommended', { found: 2, added: 2, updated: 0, blacklisted: 0 });
    renderScreen(<Vacancies />, fake);
    const empty = await screen.findByRole('region', { name: 'Вакансий пока нет' });
    fake.on('vacancies.list', (input) => ({ ok: true, value: vacancyPage(input.recommended ? [{ ...scored, recommended: true }] : []) }));
    await userEvent.click(within(empty).getByRole('button', { name: 'Рекомендации hh.ru' }));
    expect(await screen.findByRole('row', { name: /Тимлид фронтенда/ })).toHaveTextContent('рекомендация hh.ru');
    expect(screen.getByRole('status')).toHaveTextContent('hh.ru рекомендует 2: новых — 2, уже были — 0.');
    expect(screen.queryByRole('region', { name: 'Вакансий пока нет' })).not.toBeInTheDocument();
  });
});

describe('Vacancies → a vacancy leaving its list', () => {
  it('hidden from the "Найдена" list, it leaves at once, without asking for the list again', async () => {
    const found = [reactVacancy, vacancy(105, 'Вторая найденная')];
    const fake = world(found).on('vacancies.setStatus', ({ id, status }) => ({
      ok: true,
      value: { ...found.find((v) => v.id === id)!, status },
    }));
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    await userEvent.click(screen.getByRole('button', { name: /^Найдена/ }));
    await vi.waitFor(() => expect(listAsked(fake)).toMatchObject({ statuses: ['found'] }));
    const asked = fake.inputs('vacancies.list').length;
    const row = await screen.findByRole('row', { name: /Frontend-разработчик/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Скрыть' }));
    await vi.waitFor(() => expect(screen.queryByRole('row', { name: /Frontend-разработчик/ })).not.toBeInTheDocument());
    expect(screen.getByRole('row', { name: /Вторая найденная/ })).toBeVisible();
    expect(screen.getByText('Показано 1 из 1')).toBeVisible();
    expect(fake.inputs('vacancies.list')).toHaveLength(asked);
  });

  it('with all statuses shown, it stays, muted, with Restore', async () => {
    const fake = world().on('vacancies.setStatus', ({ id, status }) => ({ ok: true, value: { ...reactVacancy, id, status } }));
    renderScreen(<Vacancies />, fake);
    const row = await screen.findByRole('row', { name: /Frontend-разработчик/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Скрыть' }));
    expect(await within(row).findByRole('button', { name: 'Вернуть' })).toBeVisible();
  });
});

describe('Vacancies → letters and chats from a row', () => {
  it('a vacancy with a letter offers Open letter instead of Write letter; a sent one its letter and its chat', async () => {
    const drafted = vacancy(106, 'Уже с письмом', { status: 'drafted', letterId: 21 });
    const sent = vacancy(107, 'Отправленная', { status: 'applied', letterId: 22, chatId: 9 });
    const fake = world([drafted, sent]);
    fake.hold('preferences.set');
    const { store } = renderScreen(<Vacancies />, fake);
    const draftedRow = await screen.findByRole('row', { name: /Уже с письмом/ });
    expect(within(draftedRow).queryByRole('button', { name: 'Написать письмо' })).not.toBeInTheDocument();
    const sentRow = screen.getByRole('row', { name: /Отправленная/ });
    expect(within(sentRow).getByRole('button', { name: 'Открыть письмо' })).toBeVisible();

    await userEvent.click(within(draftedRow).getByRole('button', { name: 'Открыть письмо' }));
    await vi.waitFor(() => expect(store.getState().screen).toBe('letters'));
    expect(useWorkFocus.getState().applicationId).toBe(21);
  });

  it('Open chat goes to that chat in Chats', async () => {
    const sent = vacancy(107, 'Отправленная', { status: 'invited', letterId: 22, chatId: 9 });
    const fake = world([sent]);
    fake.hold('preferences.set');
    const { store } = renderScreen(<Vacancies />, fake);
    const row = await screen.findByRole('row', { name: /Отправленная/ });
    await userEvent.click(within(row).getByRole('button', { name: 'Открыть чат' }));
    await vi.waitFor(() => expect(store.getState().screen).toBe('chats'));
    expect(useWorkFocus.getState().chatId).toBe(9);
  });

  it("a vacancy needing the employer's test offers both a letter and Apply by hand in its pane", async () => {
    const manual = vacancy(108, 'С тестом работодателя', {
      status: 'needs_manual',
      hasTest: true,
      skip: { reason: 'test_required', detail: null },
    });
    const fake = world([manual])
      .ok('vacancies.get', detailOf(manual))
      .ok('vacancies.keptScore', null)
      .ok('hh.openPage', { openedInApp: true, url: manual.url! });
    renderScreen(<Vacancies />, fake);
    const row = await screen.findByRole('row', { name: /С тестом работодателя/ });
    await userEvent.click(within(row).getByText('С тестом работодателя'));
    const pane = await screen.findByTestId('vacancy-detail');
    expect(within(pane).getByRole('button', { name: 'Написать письмо' })).toBeEnabled();
    await userEvent.click(within(pane).getByRole('button', { name: 'Откликнуться вручную' }));
    await vi.waitFor(() => expect(fake.inputs('hh.openPage')).toEqual([{ url: manual.url }]));
  });

  it('with a letter already, Apply by hand opens hh.ru’s form with it (assisted apply)', async () => {
    const manual = vacancy(109, 'С тестом и письмом', { status: 'needs_manual', hasTest: true, letterId: 21 });
    const fake = world([manual])
      .ok('vacancies.get', detailOf(manual))
      .ok('vacancies.keptScore', null)
      .ok('letters.assist', { outcome: 'applied', url: manual.url!, view: draftLetter });
    renderScreen(<Vacancies />, fake);
    await userEvent.click(within(await screen.findByRole('row', { name: /С тестом и письмом/ })).getByText('С тестом и письмом'));
    const pane = await screen.findByTestId('vacancy-detail');
    expect(within(pane).queryByRole('button', { name: 'Написать письмо' })).not.toBeInTheDocument();
    expect(within(pane).getByRole('button', { name: 'Открыть письмо' })).toBeVisible();
    await userEvent.click(within(pane).getByRole('button', { name: 'Откликнуться вручную' }));
    await vi.waitFor(() => expect(fake.inputs('letters.assist')).toEqual([{ applicationId: 21 }]));
  });
});
