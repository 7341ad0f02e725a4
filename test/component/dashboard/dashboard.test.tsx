import { userEvent } from '@testing-library/user-event';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../../../renderer/src/screens/dashboard/Dashboard';
import { FakeClient } from '../support/fake-client';
import {
  busyDashboard,
  capStatus,
  emptyDashboard,
  idleEngine,
  noActivity,
  runningEngine,
  someActivity,
} from '../support/fixtures/dashboard';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { frontendSearch } from '../support/fixtures/searches';
import { renderScreen } from '../support/render';

/** Every channel the dashboard reads, answered as a user with this data would see it. */
function world(stats = busyDashboard, engine = runningEngine, activity = someActivity) {
  return new FakeClient()
    .ok('dashboard.get', stats)
    .ok('applying.status', capStatus)
    .ok('automation.status', engine)
    .ok('audit.list', activity)
    .ok('searches.list', [frontendSearch]);
}

describe('Dashboard', () => {
  it('for a new user says there is nothing yet and offers the setup assistant', async () => {
    const { store } = renderScreen(<Dashboard />, world(emptyDashboard, idleEngine, noActivity));
    const empty = await screen.findByRole('region', { name: 'Пока здесь пусто' });
    expect(within(empty).getByText('Создайте сохранённый поиск')).toBeVisible();
    within(empty).getByRole('button', { name: 'Пошаговый помощник' }).click();
    expect(store.getState().setupOpen).toBe(true);
    expect(screen.getByText('Пока ничего не запланировано')).toBeVisible();
    expect(screen.getByText('Пока ничего.')).toBeVisible();
  });

  it('while the numbers are on their way shows that it is loading, not an empty dashboard', async () => {
    const fake = world(emptyDashboard, idleEngine, noActivity);
    const stats = fake.hold('dashboard.get');
    renderScreen(<Dashboard />, fake);
    await stats.asked;
    expect(await screen.findByText('Загрузка…')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Пока здесь пусто' })).not.toBeInTheDocument();
    await stats.release(emptyDashboard);
    expect(await screen.findByRole('region', { name: 'Пока здесь пусто' })).toBeVisible();
    expect(screen.queryByText('Загрузка…')).not.toBeInTheDocument();
  });

  it('when the numbers cannot be read says why in Russian', async () => {
    const fake = world().fail('dashboard.get', coreFailed);
    renderScreen(<Dashboard />, fake);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(coreFailedText);
    expect(within(alert).getByRole('button', { name: 'Закрыть' })).toBeVisible();
    expect(screen.queryByText('Загрузка…')).not.toBeInTheDocument();
    fake.ok('dashboard.get', busyDashboard);
    await userEvent.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByTestId('dashboard')).toBeVisible();
  });

  it('after a run finishes shows the new numbers without being opened again', async () => {
    const fake = world(emptyDashboard, idleEngine, noActivity);
    renderScreen(<Dashboard />, fake);
    expect(await screen.findByRole('region', { name: 'Пока здесь пусто' })).toBeVisible();
    fake.ok('dashboard.get', busyDashboard).ok('automation.status', runningEngine).ok('audit.list', someActivity);
    // As the core says the end of a run: the job's line, then what the run may have changed.
    await fake.emit('automation.jobFinished', { job: 'search:7', outcome: 'ok', message: 'Found 143 vacancies' });
    await fake.emit('data.changed', { kinds: ['searches', 'vacancies', 'letters', 'chats', 'applying'], channel: 'run' });
    expect(await screen.findByText('Письма на проверку: 5')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Пока здесь пусто' })).not.toBeInTheDocument();
  });

  it('shows the period’s counts, what waits, the daily limit, the next run and the activity', async () => {
    renderScreen(<Dashboard />, world());
    const totals = await screen.findByRole('list', { name: 'Обзор' });
    expect(within(totals).getByText('143').parentElement).toHaveTextContent('143Найдено');
    expect(within(totals).getByText('29').parentElement).toHaveTextContent('29Откликов отправлено');
    expect(within(totals).getByText('4').parentElement).toHaveTextContent('4Приглашений');
    expect(screen.queryByRole('region', { name: 'Пока здесь пусто' })).not.toBeInTheDocument();

    const needs = screen.getByRole('region', { name: 'Ждёт вас' });
    expect(within(needs).getByText('Письма на проверку: 5')).toBeVisible();
    expect(within(needs).getByText('Непрочитанные чаты: 2')).toBeVisible();
    expect(screen.getByText('12 из 20 за последние 24 часа')).toBeVisible();
    const runs = screen.getByRole('region', { name: 'Ближайшие запуски' });
    expect(await within(runs).findByText(/Frontend, удалёнка/)).toBeVisible();
    const rates = screen.getByRole('region', { name: 'Какие письма работают' });
    expect(within(rates).getByRole('row', { name: /Коротко и по делу 20 3 15%/ })).toBeVisible();
    expect(within(rates).getByRole('row', { name: /Встроенный шаблон 9 1 11%/ })).toBeVisible();
    const activity = screen.getByRole('region', { name: 'Последние действия' });
    expect(within(activity).getByText('Отклик отправлен · вакансия 101')).toBeVisible();
  });

  it('while paused lists no upcoming runs: it says that nothing runs until resumed', async () => {
    renderScreen(<Dashboard />, world(busyDashboard, { ...runningEngine, paused: true, reason: 'paused' }));
    const runs = await screen.findByRole('region', { name: 'Ближайшие запуски' });
    expect(within(runs).getByTestId('runs-paused')).toHaveTextContent('Автоматизация на паузе: ничего не запускается');
    expect(within(runs).queryByRole('list')).not.toBeInTheDocument();
  });
});
