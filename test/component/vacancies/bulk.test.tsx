import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Vacancies } from '../../../renderer/src/screens/vacancies/Vacancies';
import { FakeClient } from '../support/fake-client';
import { draftLetter } from '../support/fixtures/letters';
import { counts, vacancy, vacancyPage } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

const three = [vacancy(301, 'Первая'), vacancy(302, 'Вторая'), vacancy(303, 'Третья')];
const limitError = {
  code: 'hh_limit_exceeded',
  message: 'hh.ru says its limit of applications in 24 hours is reached.',
  retryable: true,
} as const;

function world(items = three) {
  return new FakeClient().ok('vacancies.counts', counts(items)).ok('blacklist.list', []).ok('vacancies.list', vacancyPage(items));
}

const row = (title: string) => screen.getByRole('row', { name: new RegExp(`^${title}`) });
const tick = (title: string) => userEvent.click(within(row(title)).getByRole('checkbox', { name: `Выбрать «${title}»` }));

describe('Vacancies → actions on many', () => {
  it('ticks rows one by one or all shown, says how many, and clears', async () => {
    renderScreen(<Vacancies />, world());
    await screen.findByRole('grid', { name: /Вакансии/ });
    const bar = screen.getByRole('group', { name: 'Действия с выбранными' });
    expect(within(bar).queryByText(/Выбрано/)).not.toBeInTheDocument();
    await tick('Первая');
    await tick('Третья');
    expect(within(bar).getByText('Выбрано: 2')).toBeVisible();
    const all = within(bar).getByRole('checkbox', { name: 'Выбрать все показанные' });
    expect(all).not.toBeChecked();
    expect(all).toHaveProperty('indeterminate', true);
    await userEvent.click(all);
    expect(within(bar).getByText('Выбрано: 3')).toBeVisible();
    expect(within(row('Вторая')).getByRole('checkbox')).toBeChecked();
    await userEvent.click(within(bar).getByRole('button', { name: 'Снять выбор' }));
    expect(within(bar).queryByText(/Выбрано/)).not.toBeInTheDocument();
    expect(within(row('Первая')).getByRole('checkbox')).not.toBeChecked();
  });

  it('writes a letter to each ticked vacancy in turn, with progress, and says which failed and why in Russian', async () => {
    const fake = world().on('letters.draft', ({ vacancyId }) =>
      vacancyId === 302
        ? { ok: false, error: limitError }
        : {
            ok: true,
            value: {
              ...draftLetter,
              application: { ...draftLetter.application, id: vacancyId + 1000, vacancyId },
              vacancy: { ...three.find((v) => v.id === vacancyId)!, status: 'drafted' },
            },
          },
    );
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    const bar = screen.getByRole('group', { name: 'Действия с выбранными' });
    await userEvent.click(within(bar).getByRole('checkbox', { name: 'Выбрать все показанные' }));
    await userEvent.click(within(bar).getByRole('button', { name: 'Написать письма' }));

    const progress = await screen.findByTestId('bulk-progress');
    await vi.waitFor(() => expect(progress).toHaveTextContent('Письма готовы: 2 из 3.'));
    expect(fake.inputs('letters.draft')).toEqual([301, 302, 303].map((vacancyId) => ({ vacancyId, resumeHhId: null })));
    expect(progress).toHaveTextContent('Не получилось (1):');
    expect(within(progress).getByRole('listitem')).toHaveTextContent(/^Вторая — /);
    expect(within(progress).getByRole('listitem')).not.toHaveTextContent('hh.ru says');
    // The written ones now open their letter, and only the failed one stays ticked.
    expect(within(row('Первая')).getByRole('button', { name: 'Открыть письмо' })).toBeVisible();
    expect(within(row('Первая')).queryByRole('button', { name: 'Написать письмо' })).not.toBeInTheDocument();
    expect(within(bar).getByText('Выбрано: 1')).toBeVisible();
    expect(within(row('Вторая')).getByRole('checkbox')).toBeChecked();
    await userEvent.click(within(progress).getByRole('button', { name: 'Закрыть' }));
    expect(screen.queryByTestId('bulk-progress')).not.toBeInTheDocument();
  });

  it('hides each ticked vacancy here and on hh.ru; in the "Найдена" list they leave it, and so does their tick', async () => {
    const fake = world().on('vacancies.hide', ({ id }) => ({ ok: true, value: { ...three.find((v) => v.id === id)!, status: 'ignored' } }));
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    await userEvent.click(screen.getByRole('button', { name: /^Найдена/ }));
    await vi.waitFor(() => expect(fake.inputs('vacancies.list').at(-1)).toMatchObject({ statuses: ['found'] }));
    await tick('Первая');
    await tick('Вторая');
    const bar = screen.getByRole('group', { name: 'Действия с выбранными' });
    await userEvent.click(within(bar).getByRole('button', { name: 'Скрыть здесь и на hh.ru' }));
    await vi.waitFor(() => expect(screen.getByTestId('bulk-progress')).toHaveTextContent('Скрыто: 2 из 2.'));
    expect(fake.inputs('vacancies.hide')).toEqual([{ id: 301 }, { id: 302 }]);
    expect(screen.queryByRole('row', { name: /^Первая/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /^Вторая/ })).not.toBeInTheDocument();
    expect(row('Третья')).toBeVisible();
    expect(within(bar).queryByText(/Выбрано/)).not.toBeInTheDocument();
  });

  it('drops a tick when its vacancy leaves the list (another filter), so an action never reaches it', async () => {
    const fake = world();
    fake.on('vacancies.list', (input) => ({ ok: true, value: vacancyPage(input.query ? three.slice(1) : three) }));
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    await tick('Первая');
    await tick('Вторая');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Поиск по вакансиям' }), 'втор');
    // The new list is in when its first row is; the tick of the one that left is gone, the other's kept.
    await vi.waitFor(() => {
      expect(screen.queryByRole('row', { name: /^Первая/ })).not.toBeInTheDocument();
      expect(within(row('Вторая')).getByRole('checkbox')).toBeChecked();
    });
    expect(screen.getByText('Выбрано: 1')).toBeVisible();
  });
});

describe('Vacancies → the employer blacklist', () => {
  const entries = [
    { employerId: '1455', employerName: 'Рога и копыта', reason: 'спам', createdAt: '2025-03-01T10:00:00.000Z' },
    { employerId: '78', employerName: null, reason: null, createdAt: '2025-03-02T10:00:00.000Z' },
  ];

  it('lists the employers with reason and date, and Remove takes one off', async () => {
    const fake = world().ok('blacklist.list', entries).ok('blacklist.remove', [entries[1]!]);
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    await userEvent.click(screen.getByRole('button', { name: 'Чёрный список' }));
    const view = screen.getByRole('region', { name: 'Чёрный список работодателей' });
    const first = within(view).getByRole('row', { name: /Рога и копыта/ });
    expect(first).toHaveTextContent('спам');
    expect(first).toHaveTextContent('1 мар');
    expect(within(view).getByRole('row', { name: /^78/ })).toHaveTextContent('без причины');

    await userEvent.click(within(first).getByRole('button', { name: 'Убрать «Рога и копыта» из чёрного списка' }));
    expect(fake.inputs('blacklist.remove')).toEqual([{ employerId: '1455' }]);
    await vi.waitFor(() => expect(within(view).queryByRole('row', { name: /Рога и копыта/ })).not.toBeInTheDocument());
    await userEvent.click(within(view).getByRole('button', { name: 'К вакансиям' }));
    expect(await screen.findByRole('grid', { name: /Вакансии/ })).toBeVisible();
  });

  it('when empty says so and how to add one', async () => {
    renderScreen(<Vacancies />, world());
    await screen.findByRole('grid', { name: /Вакансии/ });
    await userEvent.click(screen.getByRole('button', { name: 'Чёрный список' }));
    expect(screen.getByRole('region', { name: 'Чёрный список работодателей' })).toHaveTextContent(
      'Список пуст. Работодателя можно добавить из карточки вакансии',
    );
  });
});
