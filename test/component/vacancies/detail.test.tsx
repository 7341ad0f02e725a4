import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Vacancies } from '../../../renderer/src/screens/vacancies/Vacancies';
import { useWorkFocus } from '../../../renderer/src/store/workFocus';
import { FakeClient } from '../support/fake-client';
import { draftLetter } from '../support/fixtures/letters';
import { counts, detailOf, goVacancy, reactVacancy, vacancyPage } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

const all = [reactVacancy, goVacancy];

/** The list with the React vacancy's full text and no score kept for it. */
function world() {
  return new FakeClient()
    .ok('vacancies.list', vacancyPage(all))
    .ok('vacancies.counts', counts(all))
    .ok('blacklist.list', [])
    .ok('vacancies.get', detailOf(reactVacancy))
    .ok('vacancies.keptScore', null);
}

async function openReact() {
  const row = await screen.findByRole('row', { name: /Frontend-разработчик \(React\)/ });
  await userEvent.click(within(row).getByText('Frontend-разработчик (React)'));
  return screen.findByTestId('vacancy-detail');
}

describe('Vacancies → one vacancy', () => {
  it('opens beside the list with its facts and description, and closes on Escape', async () => {
    renderScreen(<Vacancies />, world());
    const pane = await openReact();
    expect(within(pane).getByRole('heading', { name: 'Frontend-разработчик (React)' })).toBeVisible();
    expect(within(pane).getByText('ООО «Ромашка»')).toBeVisible();
    expect(within(pane).getByLabelText('Ключевые навыки')).toHaveTextContent('ReactTypeScript');
    expect(await within(pane).findByTestId('vacancy-description')).toHaveTextContent('Ищем разработчика интерфейсов.');
    expect(within(pane).getByTestId('vacancy-score')).toHaveTextContent('ИИ ещё не оценивал эту вакансию для вашего резюме.');
    await userEvent.keyboard('{Escape}');
    expect(screen.getByTestId('vacancy-detail')).toBeInTheDocument();
    await userEvent.click(within(pane).getByRole('heading', { name: 'Frontend-разработчик (React)' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('vacancy-detail')).not.toBeInTheDocument();
  });

  it('asks the AI for a score only when told, and shows it', async () => {
    const fake = world().ok('vacancies.score', { score: 82, reason: 'React и TypeScript совпадают', model: 'GigaChat-2', cached: false });
    renderScreen(<Vacancies />, fake);
    const pane = await openReact();
    const score = within(pane).getByTestId('vacancy-score');
    expect(fake.inputs('vacancies.score')).toEqual([]);
    await userEvent.click(await within(score).findByRole('button', { name: 'Оценить ИИ' }));
    expect(await within(score).findByText('82 из 100')).toBeVisible();
    expect(score).toHaveTextContent('React и TypeScript совпадают');
    expect(fake.inputs('vacancies.score')).toEqual([{ id: 101 }]);
    // The row shows the new score too.
    expect(screen.getByRole('row', { name: /Frontend-разработчик \(React\)/ })).toHaveTextContent('ИИ 82');
  });

  it('Write letter drafts one and goes to it in Letters', async () => {
    const fake = world().ok('letters.draft', { ...draftLetter, vacancy: { ...reactVacancy, status: 'drafted' } });
    fake.hold('preferences.set');
    const { store } = renderScreen(<Vacancies />, fake);
    const pane = await openReact();
    await userEvent.click(within(pane).getByRole('button', { name: 'Написать письмо' }));
    await vi.waitFor(() => expect(store.getState().screen).toBe('letters'));
    expect(fake.inputs('letters.draft')).toEqual([{ vacancyId: 101, resumeHhId: null }]);
    expect(useWorkFocus.getState().applicationId).toBe(draftLetter.application.id);
  });

  it('hides and restores a vacancy, the row and the totals following', async () => {
    const fake = world().on('vacancies.setStatus', ({ id, status }) => ({ ok: true, value: { ...reactVacancy, id, status } }));
    renderScreen(<Vacancies />, fake);
    const pane = await openReact();
    const countsAsked = fake.inputs('vacancies.counts').length;
    await userEvent.click(within(pane).getByRole('button', { name: 'Скрыть' }));
    await userEvent.click(await within(pane).findByRole('button', { name: 'Вернуть' }));
    expect(await within(pane).findByRole('button', { name: 'Скрыть' })).toBeVisible();
    expect(fake.inputs('vacancies.setStatus')).toEqual([
      { id: 101, status: 'ignored' },
      { id: 101, status: 'found' },
    ]);
    expect(fake.inputs('vacancies.counts').length).toBeGreaterThan(countsAsked);
  });

  it('puts the employer on the blacklist only once confirmed, and sets the vacancy aside', async () => {
    const fake = world()
      .ok('blacklist.add', [{ employerId: '5101', employerName: 'ООО «Ромашка»', reason: null, createdAt: '2026-12-07T09:00:00.000Z' }])
      .on('vacancies.setStatus', ({ id, status }) => ({ ok: true, value: { ...reactVacancy, id, status } }));
    renderScreen(<Vacancies />, fake);
    const pane = await openReact();
    await userEvent.click(within(pane).getByRole('button', { name: 'Работодателя — в чёрный список' }));
    const confirm = within(pane).getByRole('group', { name: 'Работодателя — в чёрный список' });
    expect(confirm).toHaveTextContent('Больше не показывать вакансии «ООО «Ромашка»» ни здесь, ни на hh.ru?');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Отмена' }));
    expect(fake.inputs('blacklist.add')).toEqual([]);

    await userEvent.click(within(pane).getByRole('button', { name: 'Работодателя — в чёрный список' }));
    await userEvent.click(within(pane).getByRole('button', { name: 'Да, в чёрный список' }));
    expect(await within(pane).findByTestId('employer-blacklisted')).toHaveTextContent('Работодатель в вашем чёрном списке');
    expect(fake.inputs('blacklist.add')).toEqual([{ employerId: '5101', employerName: 'ООО «Ромашка»' }]);
    await vi.waitFor(() => expect(fake.inputs('vacancies.setStatus')).toEqual([{ id: 101, status: 'ignored' }]));
  });
});
