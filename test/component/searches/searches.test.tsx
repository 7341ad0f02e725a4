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
    // On the website path hh.ru's dictionaries cannot be read: the form offers hh.ru's known values, with no banner.
    fake.fail('hh.dictionaries', coreFailed);
    renderScreen(<Searches />, fake);
    const empty = await screen.findByRole('region', { name: 'Сохранённых поисков нет' });
    await userEvent.click(within(empty).getByRole('button', { name: 'Новый поиск' }));
    expect(await screen.findByRole('textbox', { name: 'Название' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Сохранённых поисков нет' })).not.toBeInTheDocument();
    const experience = await screen.findByRole('group', { name: /Опыт работы/ });
    expect(within(experience).getByRole('checkbox', { name: 'Без опыта' })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: /Формат работы/ })).getByRole('checkbox', { name: 'Удалённо' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("offers a filter value only hh.ru's dictionary has, by hh.ru's name", async () => {
    const fake = new FakeClient().ok('searches.list', []);
    fake.hold('ai.settings.get');
    fake.hold('hh.areas');
    fake.ok('hh.dictionaries', {
      employment_form: [
        { id: 'FULL', name: 'Полная' },
        { id: 'SIDE_JOB', name: 'Подработка' },
      ],
    });
    renderScreen(<Searches />, fake);
    await userEvent.click(
      within(await screen.findByRole('region', { name: 'Сохранённых поисков нет' })).getByRole('button', { name: 'Новый поиск' }),
    );
    const employment = await screen.findByRole('group', { name: /Тип занятости/ });
    expect(await within(employment).findByRole('checkbox', { name: 'Подработка' })).toBeInTheDocument();
    expect(within(employment).getByRole('checkbox', { name: 'Полная' })).toBeInTheDocument();
  });

  it('while the list is on its way shows that it is loading, not "no searches"', async () => {
    const fake = new FakeClient().ok('hh.areas', regions);
    const list = fake.hold('searches.list');
    renderScreen(<Searches />, fake);
    await list.asked;
    expect(await screen.findByText('Загрузка…')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Сохранённых поисков нет' })).not.toBeInTheDocument();
    await list.release([frontendSearch]);
    expect(await screen.findByRole('listitem', { name: 'Frontend, удалёнка' })).toBeVisible();
  });

  it('when the list cannot be read says why in Russian', async () => {
    const fake = new FakeClient().fail('searches.list', coreFailed).ok('hh.areas', regions);
    renderScreen(<Searches />, fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(screen.queryByRole('region', { name: 'Сохранённых поисков нет' })).not.toBeInTheDocument();
    expect(screen.queryByText('Загрузка…')).not.toBeInTheDocument();
    fake.ok('searches.list', [frontendSearch]);
    await userEvent.click(await screen.findByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('listitem', { name: 'Frontend, удалёнка' })).toBeVisible();
  });

  it('shows each search with its words, region, schedule, mode and whether it is on', async () => {
    renderScreen(<Searches />, new FakeClient().ok('searches.list', [frontendSearch, pausedAutopilot]).ok('hh.areas', regions));
    const frontend = await screen.findByRole('listitem', { name: 'Frontend, удалёнка' });
    expect(within(frontend).getByRole('heading')).toHaveTextContent('Frontend, удалёнка Включён Проверяю сам');
    expect(within(frontend).getByText('React разработчик')).toBeVisible();
    expect(within(frontend).getByText('Москва')).toBeVisible();
    expect(within(frontend).getByText('Удалённо')).toBeVisible();
    expect(within(frontend).getByText('каждые 4 ч')).toBeVisible();
    expect(within(frontend).getByRole('button', { name: 'Запустить сейчас' })).toBeEnabled();

    const go = screen.getByRole('listitem', { name: 'Go в Питере' });
    expect(within(go).getByRole('heading')).toHaveTextContent('Go в Питере Выключен Автопилот');
    expect(within(go).getByText('Санкт-Петербург')).toBeVisible();
    expect(within(go).getByText('каждые 12 ч')).toBeVisible();
    expect(within(go).getByText('ИИ ≥ 70')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Новый поиск' })).toBeVisible();
  });

  it("names a region picked by name from hh.ru's tree (not by its code)", async () => {
    const kazan = { ...frontendSearch, id: 9, name: 'Казань', filters: { ...frontendSearch.filters, areas: ['88'] } };
    renderScreen(<Searches />, new FakeClient().ok('searches.list', [kazan]).ok('hh.areas', regions));
    const card = await screen.findByRole('listitem', { name: 'Казань' });
    expect(await within(card).findByText('Казань', { selector: 'span' })).toBeVisible();
    expect(within(card).queryByText('88')).not.toBeInTheDocument();
  });
});

const regions = [
  { id: '113', name: 'Россия', areas: [{ id: '1624', name: 'Республика Татарстан', areas: [{ id: '88', name: 'Казань', areas: [] }] }] },
];
