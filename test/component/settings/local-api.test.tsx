import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LocalApiStatus, LocalApiToken } from '../../../shared/contract';
import { Settings } from '../../../renderer/src/screens/settings/Settings';
import { FakeClient } from '../support/fake-client';
import { renderScreen } from '../support/render';

const off: LocalApiStatus = {
  enabled: false,
  port: 47821,
  listening: false,
  portFixed: false,
  url: null,
  problem: null,
  tokensEndOnQuit: false,
};
const on: LocalApiStatus = { ...off, enabled: true, listening: true, url: 'http://127.0.0.1:47821' };

const cron: LocalApiToken = {
  id: 't1',
  name: 'планировщик',
  scope: 'write',
  createdAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2099-12-31T09:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

async function openLocalApi(fake: FakeClient) {
  renderScreen(<Settings />, fake, { settingsSection: 'localApi' });
  return screen.findByTestId('local-api');
}

describe('Settings → Local API', () => {
  it('is off at first; turned on, says where it answers and links the docs; a port is applied as typed', async () => {
    const fake = new FakeClient()
      .ok('localApi.status', off)
      .ok('localApi.tokens', [])
      .on('localApi.setEnabled', ({ enabled, port }) => ({ ok: true, value: { ...(enabled ? on : off), port: port ?? 47821 } }));
    const card = await openLocalApi(fake);
    expect(within(card).getByRole('status')).toHaveTextContent('Выключен: токены не принимаются.');
    expect(within(card).getByText('Токенов пока нет: создайте первый для своего скрипта.')).toBeVisible();

    await userEvent.click(within(card).getByRole('checkbox', { name: 'Включить локальный API' }));
    expect(await within(card).findByText('Работает по адресу http://127.0.0.1:47821')).toBeVisible();
    expect(within(card).getByRole('link', { name: 'Описание API' })).toHaveAttribute('href', 'http://127.0.0.1:47821/docs');

    const port = within(card).getByRole('spinbutton', { name: 'Порт' });
    expect(port).toHaveValue(47821);
    await userEvent.clear(port);
    await userEvent.type(port, '48000');
    await userEvent.click(within(card).getByRole('button', { name: 'Применить порт' }));
    await within(card).findByText('Работает по адресу http://127.0.0.1:47821');
    expect(fake.inputs('localApi.setEnabled')).toEqual([{ enabled: true }, { enabled: true, port: 48000 }]);
  });

  it('says when the port is taken', async () => {
    const fake = new FakeClient()
      .ok('localApi.status', { ...on, listening: false, url: null, problem: 'port_in_use' })
      .ok('localApi.tokens', []);
    const card = await openLocalApi(fake);
    expect(within(card).getByRole('status')).toHaveTextContent('Порт 47821 занят другой программой: выберите другой.');
    expect(within(card).queryByRole('link', { name: 'Описание API' })).not.toBeInTheDocument();
  });

  it('makes a token and shows it once to copy, then lists it without it; revoking marks it revoked', async () => {
    let tokens: LocalApiToken[] = [];
    const fake = new FakeClient()
      .ok('localApi.status', on)
      .on('localApi.tokens', () => ({ ok: true, value: tokens }))
      .on('localApi.createToken', ({ name, scope }) => {
        tokens = [{ ...cron, name, scope }];
        return { ok: true, value: { token: 'aaa.bbb.ccc', info: tokens[0]! } };
      })
      .on('localApi.revoke', () => {
        tokens = [{ ...cron, revokedAt: '2026-12-02T09:00:00.000Z' }];
        return { ok: true, value: tokens };
      });
    const card = await openLocalApi(fake);
    await userEvent.type(within(card).getByRole('textbox', { name: 'Название' }), 'планировщик');
    await userEvent.selectOptions(within(card).getByRole('combobox', { name: 'Права' }), 'write');
    await userEvent.click(within(card).getByRole('button', { name: 'Создать токен' }));

    const shown = await within(card).findByTestId('local-api-new-token');
    expect(within(shown).getByRole('textbox', { name: 'Новый токен «планировщик»' })).toHaveValue('aaa.bbb.ccc');
    expect(fake.inputs('localApi.createToken')).toEqual([{ name: 'планировщик', scope: 'write', expiresInDays: 30 }]);
    expect(within(card).getByRole('textbox', { name: 'Название' })).toHaveValue('');
    await userEvent.click(within(shown).getByRole('button', { name: 'Копировать' }));
    expect(await within(shown).findByRole('button', { name: 'Скопировано' })).toBeVisible();
    await userEvent.click(within(shown).getByRole('button', { name: 'Готово, я сохранил токен' }));
    expect(within(card).queryByTestId('local-api-new-token')).not.toBeInTheDocument();

    const list = within(card).getByTestId('local-api-tokens');
    expect(list).toHaveTextContent(/планировщик · Чтение и изменения · создан .+ · действует до .+ · ещё не использовался/);
    expect(list).not.toHaveTextContent('aaa.bbb.ccc');
    await userEvent.click(within(list).getByRole('button', { name: 'Отозвать' }));
    expect(await within(list).findByText(/отозван/)).toBeVisible();
    expect(within(list).queryByRole('button', { name: 'Заменить' })).not.toBeInTheDocument();
    expect(fake.inputs('localApi.revoke')).toEqual([{ id: 't1' }]);
  });

  it('replacing a token shows the new one once, and a token past its date reads as expired', async () => {
    const expired: LocalApiToken = { ...cron, id: 't0', name: 'старый', scope: 'read', expiresAt: '2020-01-01T00:00:00.000Z' };
    const fake = new FakeClient()
      .ok('localApi.status', on)
      .ok('localApi.tokens', [cron, expired])
      .ok('localApi.rotate', { token: 'new.token.value', info: { ...cron, id: 't2' } });
    const card = await openLocalApi(fake);
    const list = await within(card).findByTestId('local-api-tokens');
    expect(within(list).getAllByRole('listitem')[1]).toHaveTextContent(/старый · Только чтение · .+ · срок истёк/);
    await userEvent.click(within(list).getAllByRole('button', { name: 'Заменить' })[0]!);
    const shown = await within(card).findByTestId('local-api-new-token');
    expect(within(shown).getByRole('textbox')).toHaveValue('new.token.value');
    expect(fake.inputs('localApi.rotate')).toEqual([{ id: 't1' }]);
  });
});
