import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { channels, fieldIssuesOf } from '../../../shared/contract';
import { SetupWizard } from '../../../renderer/src/screens/setup/SetupWizard';
import { FakeClient } from '../support/fake-client';
import { signedInAccount, signedOutAccount } from '../support/fixtures/account';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { templateOnly } from '../support/fixtures/ai';
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

  describe('keeps what was typed', () => {
    const emptyProfile = { name: '', telegram: '', email: '', phone: '', links: [], salaryExpectation: '' };
    /** A core that checks a profile as the contract does and keeps what it accepted. */
    const world = () => {
      const fake = new FakeClient()
        .ok('hh.status', signedInAccount)
        .ok('profile.resume', { resumeHhId: 'r1' })
        .ok('profile.get', emptyProfile)
        .ok('ai.settings.get', templateOnly)
        .ok('ai.settings.set', templateOnly)
        .ok('preferences.set', { language: 'ru', theme: 'system', lastScreen: 'dashboard', setupDone: true })
        .ok('searches.list', [])
        .ok('hh.areas', [])
        .fail('hh.dictionaries', coreFailed);
      fake.on('profile.set', async (input) => {
        const parsed = channels['profile.set'].input.safeParse(input);
        if (!parsed.success) {
          return {
            ok: false,
            error: { code: 'invalid_input', message: 'Some values are not valid.', issues: fieldIssuesOf(parsed.error, input) },
          };
        }
        return { ok: true, value: parsed.data };
      });
      fake.on('searches.save', async (input) => {
        const parsed = channels['searches.save'].input.safeParse(input);
        if (!parsed.success) throw new Error(parsed.error.message);
        return {
          ok: true,
          value: [{ ...parsed.data.search, id: 1, createdAt: '2026-12-08T10:00:00.000Z', updatedAt: '2026-12-08T10:00:00.000Z' }],
        };
      });
      renderScreen(<SetupWizard />, fake, { setupOpen: true });
      return fake;
    };
    const next = () => userEvent.click(screen.getByRole('button', { name: 'Далее' }));
    const toContacts = async () => {
      await screen.findByText(/Вы вошли как/);
      await next();
      await next();
      return screen.findByRole('region', { name: 'Профиль' });
    };

    it('"Далее" saves the contacts; a wrong phone keeps the step open and says why in Russian', async () => {
      const fake = world();
      const card = await toContacts();
      // One row of buttons: the card's own Save is the assistant's "Далее".
      expect(within(card).queryByRole('button', { name: 'Сохранить профиль' })).not.toBeInTheDocument();
      await userEvent.type(within(card).getByRole('textbox', { name: 'Имя' }), 'Иван Петров');
      await userEvent.type(within(card).getByRole('textbox', { name: /^Телефон/ }), 'abc');
      await next();
      expect(await within(card).findByRole('alert')).toHaveTextContent('Введите телефон в международном виде, например +7 912 345-67-89');
      expect(screen.getByRole('list', { name: 'Шаг 3 из 5' })).toBeVisible();
      await userEvent.clear(within(card).getByRole('textbox', { name: /^Телефон/ }));
      await userEvent.type(within(card).getByRole('textbox', { name: /^Телефон/ }), '+7 912 345-67-89');
      await next();
      expect(await screen.findByRole('list', { name: 'Шаг 4 из 5' })).toBeVisible();
      expect(fake.inputs('profile.set').at(-1)).toMatchObject({ name: 'Иван Петров', phone: '+7 912 345-67-89' });
    });

    it('"Пропустить" and "Назад" lose nothing typed', async () => {
      const fake = world();
      const card = await toContacts();
      await userEvent.type(within(card).getByRole('textbox', { name: 'Имя' }), 'Иван');
      await userEvent.click(screen.getByRole('button', { name: 'Пропустить' }));
      await screen.findByRole('list', { name: 'Шаг 4 из 5' });
      await userEvent.click(screen.getByRole('button', { name: 'Назад' }));
      expect(within(await screen.findByRole('region', { name: 'Профиль' })).getByRole('textbox', { name: 'Имя' })).toHaveValue('Иван');
      expect(fake.inputs('profile.set')).toEqual([]);
    });

    it('"Готово" creates the search that is filled in, named after its words when it has no name', async () => {
      const fake = world();
      await toContacts();
      await next();
      await next();
      const form = await screen.findByTestId('search-form');
      expect(within(form).queryByRole('button', { name: 'Сохранить' })).not.toBeInTheDocument();
      await userEvent.type(within(form).getByRole('textbox', { name: /Ключевые слова/ }), 'Go разработчик');
      await userEvent.click(screen.getByRole('button', { name: 'Готово' }));
      await vi.waitFor(() => expect(fake.inputs('searches.save')).toHaveLength(1));
      expect(fake.inputs('searches.save')[0]).toMatchObject({ search: { name: 'Go разработчик', filters: { text: 'Go разработчик' } } });
    });

    it('"Готово" on an untouched search form creates nothing', async () => {
      const fake = world();
      await toContacts();
      await next();
      await next();
      await screen.findByTestId('search-form');
      await userEvent.click(screen.getByRole('button', { name: 'Готово' }));
      // The assistant closes (setupDone is saved) without a search.
      await vi.waitFor(() => expect(fake.inputs('preferences.set')).toHaveLength(1));
      expect(fake.inputs('searches.save')).toEqual([]);
    });
  });
});
