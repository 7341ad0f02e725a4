import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Vacancies } from '../../../renderer/src/screens/vacancies/Vacancies';
import { FakeClient } from '../support/fake-client';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { counts, goVacancy, hiddenVacancy, reactVacancy, vacancyPage } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

const all = [reactVacancy, goVacancy, hiddenVacancy];

/** The chips' totals and the blacklist, which every state of the screen reads beside the list. */
const world = (items = all) => new FakeClient().ok('vacancies.counts', counts(items)).ok('blacklist.list', []);

describe('Vacancies', () => {
  it('with no vacancies says so and leads to the saved searches, or takes one by its link', async () => {
    const fake = world([]).ok('vacancies.list', vacancyPage([]));
    fake.hold('preferences.set');
    const { store } = renderScreen(<Vacancies />, fake);
    const empty = await screen.findByRole('region', { name: 'Вакансий пока нет' });
    expect(within(empty).getByRole('textbox', { name: 'Вакансия по ссылке или номеру' })).toBeVisible();
    await userEvent.click(within(empty).getByRole('button', { name: 'К сохранённым поискам' }));
    expect(store.getState().screen).toBe('searches');
  });

  it('while the first page is on its way shows that it is loading, not "no vacancies"', async () => {
    const fake = world();
    const list = fake.hold('vacancies.list');
    renderScreen(<Vacancies />, fake);
    await list.asked;
    expect(await screen.findByRole('status')).toHaveTextContent('Загрузка…');
    expect(screen.queryByRole('region', { name: 'Вакансий пока нет' })).not.toBeInTheDocument();
    await list.release(vacancyPage(all));
    expect(await screen.findByRole('grid', { name: /Вакансии/ })).toBeVisible();
    expect(screen.queryByText('Загрузка…')).not.toBeInTheDocument();
  });

  it('when the list cannot be read says why, and Retry brings it', async () => {
    const fake = world().fail('vacancies.list', coreFailed);
    renderScreen(<Vacancies />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось загрузить вакансии');
    expect(alert).toHaveTextContent(coreFailedText);
    expect(screen.queryByRole('region', { name: 'Вакансий пока нет' })).not.toBeInTheDocument();

    fake.ok('vacancies.list', vacancyPage(all));
    await userEvent.click(within(alert).getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('row', { name: /Frontend-разработчик \(React\)/ })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows each vacancy with its employer, pay and status, and the totals by status', async () => {
    renderScreen(<Vacancies />, world().ok('vacancies.list', vacancyPage(all)));
    const grid = await screen.findByRole('grid', { name: /Вакансии/ });
    const react = within(grid).getByRole('row', { name: /Frontend-разработчик \(React\)/ });
    expect(react).toHaveTextContent('ООО «Ромашка» · Москва');
    expect(react).toHaveTextContent('Найдена');
    expect(within(react).getByRole('button', { name: 'Написать письмо' })).toBeEnabled();
    const go = within(grid).getByRole('row', { name: /Go-разработчик/ });
    expect(go).toHaveTextContent('Альфа Софт · Санкт-Петербург');
    expect(go).toHaveTextContent('не указана');
    expect(go).toHaveTextContent('Отклик отправлен');
    expect(within(go).queryByRole('button', { name: 'Написать письмо' })).not.toBeInTheDocument();
    const hidden = within(grid).getByRole('row', { name: /Стажёр PHP/ });
    expect(hidden).toHaveTextContent('Зарплата ниже вашего порога');
    expect(within(hidden).getByRole('button', { name: 'Вернуть' })).toBeVisible();

    // Each chip reads as its label and count ("Все 3"), not run together.
    const chips = screen.getByRole('group', { name: 'Фильтр по статусу' });
    expect(within(chips).getByRole('button', { name: 'Все 3' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(chips).getByRole('button', { name: 'Найдена 1' })).toBeVisible();
    expect(within(chips).getByRole('button', { name: 'Отклик отправлен 1' })).toBeVisible();
    expect(screen.getByText('Показано 3 из 3')).toBeVisible();
  });
});
