import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SetupWizard } from '../../../renderer/src/screens/setup/SetupWizard';
import { FakeClient } from '../support/fake-client';
import { signedInAccount, signedOutAccount } from '../support/fixtures/account';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { renderScreen } from '../support/render';

const toResumeStep = () => userEvent.click(screen.getByRole('button', { name: 'Далее' }));

describe('Setup assistant', () => {
  it('for a new user starts at signing in to hh.ru, and the resume step says there is none yet', async () => {
    const fake = new FakeClient().ok('hh.status', signedOutAccount).ok('profile.resume', { resumeHhId: null });
    renderScreen(<SetupWizard />, fake, { setupOpen: true });
    expect(await screen.findByRole('list', { name: 'Шаг 1 из 5' })).toBeVisible();
    const card = await screen.findByRole('region', { name: 'Аккаунт hh.ru' });
    expect(within(card).getByRole('button', { name: 'Войти в hh.ru' })).toBeEnabled();
    await toResumeStep();
    expect(await screen.findByText(/Резюме пока нет: сначала войдите в hh.ru/)).toBeVisible();
    expect(screen.getByRole('list', { name: 'Шаг 2 из 5' })).toBeVisible();
  });

  it('while the account is on its way shows that it is loading, on the sign-in and the resume steps', async () => {
    const fake = new FakeClient().ok('profile.resume', { resumeHhId: null });
    const status = fake.hold('hh.status');
    renderScreen(<SetupWizard />, fake, { setupOpen: true });
    await status.asked;
    expect(await screen.findByText('Загрузка…')).toBeVisible();
    await toResumeStep();
    expect(await screen.findByRole('region', { name: 'Ваше резюме' })).toHaveTextContent('Загрузка…');
    expect(screen.queryByText(/Резюме пока нет/)).not.toBeInTheDocument();
    await status.release(signedInAccount);
    expect(await screen.findByRole('radio', { name: 'Frontend-разработчик' })).toBeVisible();
  });

  it('when the account cannot be read says why in Russian, and the steps stay open', async () => {
    renderScreen(<SetupWizard />, new FakeClient().fail('hh.status', coreFailed).ok('profile.resume', { resumeHhId: null }), {
      setupOpen: true,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(screen.getByRole('button', { name: 'Пропустить' })).toBeEnabled();
    expect(screen.queryByText('Вы не вошли в hh.ru.')).not.toBeInTheDocument();
  });

  it('for a signed-in user shows the account, then the resumes with the chosen one picked', async () => {
    renderScreen(<SetupWizard />, new FakeClient().ok('hh.status', signedInAccount).ok('profile.resume', { resumeHhId: 'r2' }), {
      setupOpen: true,
    });
    expect(await screen.findByText('Вы вошли как Иван Петров · ivan@example.ru · через сайт hh.ru')).toBeVisible();
    await toResumeStep();
    const group = await screen.findByRole('group', { name: 'По этому резюме пишутся письма, с ним уходят отклики.' });
    expect(within(group).getByRole('radio', { name: 'Frontend-разработчик' })).not.toBeChecked();
    expect(await within(group).findByRole('radio', { name: 'Руководитель группы разработки', checked: true })).toBeVisible();
  });
});
