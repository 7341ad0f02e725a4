import { userEvent } from '@testing-library/user-event';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Settings } from '../../../renderer/src/screens/settings/Settings';
import { FakeClient } from '../support/fake-client';
import { checkedPages, noPages, signedInAccount, signedOutAccount, websiteCapabilities } from '../support/fixtures/account';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { renderScreen } from '../support/render';

// Settings opens at its first section, the hh.ru account: the states below are that section's.
describe('Settings → hh.ru account', () => {
  it('signed out, says so and offers to sign in', async () => {
    renderScreen(<Settings />, new FakeClient().ok('hh.status', signedOutAccount).ok('hh.capabilities', []).ok('hh.pages', noPages));
    const card = await screen.findByRole('region', { name: 'Аккаунт hh.ru' });
    expect(within(card).getByText('Вы не вошли в hh.ru.')).toBeVisible();
    expect(within(card).getByRole('button', { name: 'Войти в hh.ru' })).toBeEnabled();
    expect(screen.getByRole('tab', { name: 'Аккаунт hh.ru', selected: true })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Как приложение работает с hh.ru' })).not.toBeInTheDocument();
  });

  it('while the account is on its way shows that it is loading, not a blank section', async () => {
    const fake = new FakeClient().ok('hh.capabilities', []).ok('hh.pages', noPages);
    const status = fake.hold('hh.status');
    renderScreen(<Settings />, fake);
    await status.asked;
    const panel = screen.getByRole('tabpanel', { name: 'Аккаунт hh.ru' });
    expect(await within(panel).findByText('Загрузка…')).toBeVisible();
    await status.release(signedInAccount);
    expect(await within(panel).findByText(/Вы вошли как Иван Петров/)).toBeVisible();
    expect(within(panel).queryByText('Загрузка…')).not.toBeInTheDocument();
  });

  it('when the account cannot be read says why in Russian', async () => {
    const fake = new FakeClient().fail('hh.status', coreFailed).ok('hh.capabilities', []).ok('hh.pages', noPages);
    renderScreen(<Settings />, fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(screen.queryByText('Вы не вошли в hh.ru.')).not.toBeInTheDocument();
    expect(screen.queryByText('Загрузка…')).not.toBeInTheDocument();
    fake.ok('hh.status', signedInAccount);
    await userEvent.click(await screen.findByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText(/Вы вошли как Иван Петров/)).toBeVisible();
  });

  it('signed in, shows who, how, the resumes and which path each hh.ru action takes', async () => {
    renderScreen(
      <Settings />,
      new FakeClient().ok('hh.status', signedInAccount).ok('hh.capabilities', websiteCapabilities).ok('hh.pages', noPages),
    );
    const card = await screen.findByRole('region', { name: 'Аккаунт hh.ru' });
    expect(within(card).getByText('Вы вошли как Иван Петров · ivan@example.ru · через сайт hh.ru')).toBeVisible();
    const resumes = within(card)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(resumes).toEqual(['Frontend-разработчик', 'Руководитель группы разработки']);
    expect(within(card).getByRole('button', { name: 'Выйти' })).toBeEnabled();

    const paths = await screen.findByRole('region', { name: 'Как приложение работает с hh.ru' });
    expect(
      within(paths).getByRole('row', { name: /Поиск вакансий сайт hh.ru API hh.ru: нужен вход через ваше собственное приложение/ }),
    ).toBeVisible();
    expect(
      within(paths).getByRole('row', { name: /Отклик вручную в окне hh.ru API hh.ru: hh.ru не разрешает это сторонним приложениям/ }),
    ).toBeVisible();
  });
});

describe('Settings → hh.ru account: how the app works with hh.ru', () => {
  it('says the list is loading, and after a failure offers to try again', async () => {
    const fake = new FakeClient().ok('hh.status', signedInAccount).ok('hh.pages', noPages);
    const held = fake.hold('hh.capabilities');
    renderScreen(<Settings />, fake);
    await held.asked;
    const card = await screen.findByRole('region', { name: 'Как приложение работает с hh.ru' });
    expect(within(card).getByText('Загрузка…')).toBeVisible();
    await held.fail(coreFailed);
    fake.ok('hh.capabilities', websiteCapabilities).ok('hh.pages', noPages);
    await userEvent.click(await within(card).findByRole('button', { name: 'Повторить' }));
    expect(await within(card).findByRole('table')).toBeVisible();
  });
});

describe('Settings → hh.ru pages', () => {
  it("shows each page as the last check found it, says where a changed page's outline is, and checks again on demand", async () => {
    const fake = new FakeClient().ok('hh.status', signedInAccount).ok('hh.capabilities', websiteCapabilities).ok('hh.pages', checkedPages);
    const fresh = {
      ...checkedPages,
      checkedAt: '2026-12-07T10:00:00.000Z',
      pages: checkedPages.pages.map((p) => ({ ...p, state: 'ok' as const, savedShape: null })),
    };
    fake.ok('hh.checkPages', fresh);
    renderScreen(<Settings />, fake);
    const card = await screen.findByRole('region', { name: 'Страницы hh.ru' });
    expect(await within(card).findByRole('row', { name: /резюме изменилась — не понятна/ })).toBeVisible();
    expect(within(card).getByText('Схема сохранена: /data/hh-pages/resume.json')).toBeVisible();
    expect(within(card).getByRole('row', { name: /вакансия понятна \(прежний вид\)/ })).toBeVisible();
    expect(within(card).getByRole('row', { name: /чаты не ответила/ })).toBeVisible();
    await userEvent.click(within(card).getByRole('button', { name: 'Проверить страницы' }));
    expect(await within(card).findByRole('row', { name: /^резюме понятна/ })).toBeVisible();
    expect(fake.calls.some((call) => call.name === 'hh.checkPages')).toBe(true);
  });

  it('is not shown without a website session (the official API needs no check)', async () => {
    renderScreen(
      <Settings />,
      new FakeClient().ok('hh.status', signedInAccount).ok('hh.capabilities', websiteCapabilities).ok('hh.pages', noPages),
    );
    await screen.findByRole('region', { name: 'Как приложение работает с hh.ru' });
    expect(screen.queryByRole('region', { name: 'Страницы hh.ru' })).not.toBeInTheDocument();
  });

  it('"Спросить hh.ru заново" asks hh.ru afresh, then reads the paths again', async () => {
    const fake = new FakeClient()
      .ok('hh.status', signedInAccount)
      .ok('hh.capabilities', websiteCapabilities)
      .ok('hh.pages', noPages)
      .ok('hh.refresh', signedInAccount);
    renderScreen(<Settings />, fake);
    const paths = await screen.findByRole('region', { name: 'Как приложение работает с hh.ru' });
    const before = fake.inputs('hh.capabilities').length;
    await userEvent.click(within(paths).getByRole('button', { name: 'Спросить hh.ru заново' }));
    await vi.waitFor(() => expect(fake.inputs('hh.capabilities').length).toBe(before + 1));
    expect(fake.inputs('hh.refresh')).toHaveLength(1);
  });
});
