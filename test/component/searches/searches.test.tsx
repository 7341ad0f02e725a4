import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Searches } from '../../../renderer/src/screens/searches/Searches';
import { FakeClient } from '../support/fake-client';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { frontendSearch, pausedAutopilot } from '../support/fixtures/searches';
import { renderScreen } from '../support/render';

describe('Searches', () => {
  it('with no saved search says so and opens the form for the first one', async () => {
    const fake = new FakeClient().ok('searches.list', []);
    // The form's own lookups are not what this test is about: they stay unanswered.
    fake.hold('ai.settings.get');
    fake.hold('hh.areas');
    renderScreen(<Searches />, fake);
    const empty = await screen.findByRole('region', { name: 'Сохранённых поисков нет' });
    await userEvent.click(within(empty).getByRole('button', { name: 'Новый поиск' }));
    expect(await screen.findByRole('textbox', { name: 'Название' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Сохранённых поисков нет' })).not.toBeInTheDocument();
  });

  it('while the list is on its way shows that it is loading, not "no searches"', async () => {
    const fake = new FakeClient();
    const list = fake.hold('searches.list');
    renderScreen(<Searches />, fake);
    await list.asked;
    expect(await screen.findByText('Загрузка…')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Сохранённых поисков нет' })).not.toBeInTheDocument();
    await list.release([frontendSearch]);
    expect(await screen.findByRole('listitem', { name: 'Frontend, удалёнка' })).toBeVisible();
  });

  it('when the list cannot be read says why in Russian', async () => {
    renderScreen(<Searches />, new FakeClient().fail('searches.list', coreFailed));
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(screen.queryByRole('region', { name: 'Сохранённых поисков нет' })).not.toBeInTheDocument();
  });

  it('shows each search with its words, region, schedule, mode and whether it is on', async () => {
    renderScreen(<Searches />, new FakeClient().ok('searches.list', [frontendSearch, pausedAutopilot]));
    const frontend = await screen.findByRole('listitem', { name: 'Frontend, удалёнка' });
    expect(within(frontend).getByRole('heading')).toHaveTextContent('Frontend, удалёнка Включён Проверяю сам');
    expect(within(frontend).getByText('React разработчик')).toBeVisible();
    expect(within(frontend).getByText('Москва')).toBeVisible();
    expect(within(frontend).getByText('Только удалённая работа')).toBeVisible();
    expect(within(frontend).getByText('каждые 4 ч')).toBeVisible();
    expect(within(frontend).getByRole('button', { name: 'Запустить сейчас' })).toBeEnabled();

    const go = screen.getByRole('listitem', { name: 'Go в Питере' });
    expect(within(go).getByRole('heading')).toHaveTextContent('Go в Питере Выключен Автопилот');
    expect(within(go).getByText('Санкт-Петербург')).toBeVisible();
    expect(within(go).getByText('каждые 12 ч')).toBeVisible();
    expect(within(go).getByText('ИИ ≥ 70')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Новый поиск' })).toBeVisible();
  });
});
