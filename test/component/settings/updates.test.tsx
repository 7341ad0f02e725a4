import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../shared/contract';
import { UpdatesCard } from '../../../renderer/src/screens/settings/UpdatesCard';
import { FakeClient } from '../support/fake-client';
import { renderScreen } from '../support/render';

const idle: UpdateState = {
  phase: 'idle',
  auto: true,
  currentVersion: '1.0.0',
  version: null,
  percent: null,
  checkedAt: '2026-03-02T09:00:00.000Z',
  nextCheckAt: '2026-03-03T09:00:00.000Z',
  restartPending: false,
  sending: 0,
  error: null,
  unsupportedReason: null,
};

const card = () => screen.findByRole('region', { name: 'Обновления' });

/** The card once updates.get has answered (the region itself is there from the first render, saying "Загрузка…"). */
async function loadedCard() {
  const region = await card();
  await within(region).findByText(/^Установлена версия/);
  return region;
}

describe('Settings → About: updates', () => {
  it('in the browser mode says updates are not available here, with no buttons that would do nothing', async () => {
    renderScreen(
      <UpdatesCard />,
      new FakeClient().ok('updates.get', { ...idle, phase: 'unsupported', unsupportedReason: 'browser', nextCheckAt: null }),
    );
    const region = await card();
    expect(await within(region).findByText(/В браузерном режиме приложение не обновляется само/)).toBeInTheDocument();
    expect(within(region).queryByRole('button')).not.toBeInTheDocument();
    expect(within(region).queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('while loading says so, not a blank card', async () => {
    const fake = new FakeClient();
    const held = fake.hold('updates.get');
    renderScreen(<UpdatesCard />, fake);
    expect(within(await card()).getByText('Загрузка…')).toBeInTheDocument();
    await held.release(idle);
    expect(within(await loadedCard()).getByRole('status')).toHaveTextContent('Установлена последняя версия.');
  });

  it('Check now finds a version; the card follows its download, then offers Restart now, which waits for the letter being sent', async () => {
    const fake = new FakeClient()
      .ok('updates.get', idle)
      .ok('updates.check', { ...idle, phase: 'available', version: '1.1.0', percent: 0, nextCheckAt: null })
      .ok('updates.restart', {
        ...idle,
        phase: 'downloaded',
        version: '1.1.0',
        percent: 100,
        nextCheckAt: null,
        restartPending: true,
        sending: 1,
      });
    renderScreen(<UpdatesCard />, fake);
    const region = await loadedCard();
    expect(within(region).getByText('Установлена версия 1.0.0.')).toBeInTheDocument();
    expect(within(region).getByRole('checkbox', { name: 'Обновлять автоматически' })).toBeChecked();
    expect(within(region).queryByRole('button', { name: 'Перезапустить сейчас' })).not.toBeInTheDocument();

    await userEvent.click(within(region).getByRole('button', { name: 'Проверить сейчас' }));
    expect(fake.inputs('updates.check')).toEqual([{}]);
    // The answer renders once the click's request has settled.
    await waitFor(() => expect(within(region).getByRole('status')).toHaveTextContent('Найдена версия 1.1.0, скачиваем…'));
    expect(within(region).getByRole('button', { name: 'Проверить сейчас' })).toBeDisabled();

    await fake.emit('updates.changed', { ...idle, phase: 'downloading', version: '1.1.0', percent: 40, nextCheckAt: null });
    expect(within(region).getByRole('status')).toHaveTextContent('Скачиваем версию 1.1.0: 40%');

    await fake.emit('updates.changed', { ...idle, phase: 'downloaded', version: '1.1.0', percent: 100, nextCheckAt: null });
    expect(within(region).getByRole('status')).toHaveTextContent('Версия 1.1.0 скачана. Она установится, когда вы выйдете из приложения');
    expect(within(region).getByText(/дождётся ответа hh\.ru/)).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'Проверить сейчас' })).not.toBeInTheDocument();

    await userEvent.click(within(region).getByRole('button', { name: 'Перезапустить сейчас' }));
    expect(fake.inputs('updates.restart')).toEqual([{}]);
    await waitFor(() =>
      expect(within(region).getByRole('status')).toHaveTextContent(
        'Перезапуск ждёт, пока hh.ru ответит на отправляемые письма (1). Новые письма до перезапуска не отправляются.',
      ),
    );
    expect(within(region).queryByRole('button', { name: 'Перезапустить сейчас' })).not.toBeInTheDocument();

    await fake.emit('updates.changed', {
      ...idle,
      phase: 'downloaded',
      version: '1.1.0',
      percent: 100,
      nextCheckAt: null,
      restartPending: true,
      sending: 0,
    });
    expect(within(region).getByRole('status')).toHaveTextContent('Перезапускаемся, чтобы установить версию 1.1.0…');
  });

  it('the switch turns automatic updates off and says Check now still works', async () => {
    const fake = new FakeClient()
      .ok('updates.get', idle)
      .on('updates.setAuto', ({ auto }) => ({ ok: true, value: { ...idle, auto, phase: auto ? 'idle' : 'disabled', nextCheckAt: null } }));
    renderScreen(<UpdatesCard />, fake);
    const region = await loadedCard();
    await userEvent.click(within(region).getByRole('checkbox', { name: 'Обновлять автоматически' }));
    expect(fake.inputs('updates.setAuto')).toEqual([{ auto: false }]);
    await waitFor(() => expect(within(region).getByRole('checkbox', { name: 'Обновлять автоматически' })).not.toBeChecked());
    expect(within(region).getByRole('status')).toHaveTextContent('Автоматические обновления выключены');
    expect(within(region).getByRole('button', { name: 'Проверить сейчас' })).toBeEnabled();
    expect(within(region).queryByText(/Следующая проверка/)).not.toBeInTheDocument();
  });

  it('a download refused for its checksum reads in Russian with the version, and Check now stays offered', async () => {
    const refused: UpdateState = {
      ...idle,
      phase: 'error',
      version: '1.1.0',
      error: {
        code: 'update_refused',
        message: 'The download of version 1.1.0 does not match…',
        key: 'updates.checksum',
        params: { version: '1.1.0' },
      },
    };
    renderScreen(<UpdatesCard />, new FakeClient().ok('updates.get', refused));
    const region = await card();
    expect(await within(region).findByRole('alert')).toHaveTextContent(
      'Скачанная версия 1.1.0 не совпадает с опубликованной для неё контрольной суммой (sha512)',
    );
    expect(within(region).getByRole('button', { name: 'Проверить сейчас' })).toBeEnabled();
  });
});
