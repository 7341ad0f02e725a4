import { userEvent } from '@testing-library/user-event';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AboutCard } from '../../../renderer/src/screens/settings/AboutCard';
import { FakeClient } from '../support/fake-client';
import { renderScreen } from '../support/render';

const info = { name: 'AI Auto Applier', version: '0.1.0', shell: 'headless' as const, platform: 'linux' };
const support = () => within(screen.getByTestId('support'));
const button = (name: string) => support().getByRole('button', { name });

// jsdom has no object URLs: the download test lends them and gives them back.
const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL: objectUrls.create, revokeObjectURL: objectUrls.revoke });
});

describe('Settings → About → Support', () => {
  it('shows where the logs are when the app cannot open a folder on this screen (the browser mode)', async () => {
    const fake = new FakeClient().ok('support.openLogs', { path: '/srv/aaa/data/logs', outcome: 'cannot_open_here' });
    renderScreen(<AboutCard />, fake, { info });
    await userEvent.click(button('Открыть папку с журналами'));
    expect(await support().findByRole('status')).toHaveTextContent(
      'Приложение работает как сервер и не может открыть папку на вашем экране. Журналы лежат на сервере в папке /srv/aaa/data/logs',
    );
    expect(fake.inputs('support.openLogs')).toEqual([{}]);
  });

  it('says the folder is open, or names it when the system would not open it', async () => {
    let outcome: 'opened' | 'failed' = 'opened';
    const fake = new FakeClient().on('support.openLogs', () => ({
      ok: true,
      value: { path: 'C:\\Users\\anna\\AppData\\Roaming\\AI Auto Applier\\logs', outcome },
    }));
    renderScreen(<AboutCard />, fake, { info: { ...info, shell: 'electron' } });
    await userEvent.click(button('Открыть папку с журналами'));
    expect(await support().findByRole('status')).toHaveTextContent(
      'Папка с журналами открыта: C:\\Users\\anna\\AppData\\Roaming\\AI Auto Applier\\logs',
    );
    outcome = 'failed';
    await userEvent.click(button('Открыть папку с журналами'));
    expect(await support().findByText(/Система не открыла папку/)).toHaveTextContent(
      'Журналы лежат здесь: C:\\Users\\anna\\AppData\\Roaming\\AI Auto Applier\\logs',
    );
  });

  it('saves the report: the button waits while it is made, then says where the file went; a cancel is said too', async () => {
    const fake = new FakeClient();
    const held = fake.hold('support.saveReport');
    renderScreen(<AboutCard />, fake, { info: { ...info, shell: 'electron' } });
    await userEvent.click(button('Сохранить отчёт для поддержки'));
    await held.asked;
    expect(button('Собираю отчёт…')).toBeDisabled();
    await held.release({
      saved: 'file',
      path: '/home/anna/ai-auto-applier-report-2026-05-01-1405.zip',
      fileName: 'ai-auto-applier-report-2026-05-01-1405.zip',
    });
    expect(support().getByRole('status')).toHaveTextContent(
      'Отчёт сохранён: /home/anna/ai-auto-applier-report-2026-05-01-1405.zip. Приложите этот файл к письму в поддержку.',
    );
    expect(button('Сохранить отчёт для поддержки')).toBeEnabled();

    fake.ok('support.saveReport', { saved: 'cancelled' });
    await userEvent.click(button('Сохранить отчёт для поддержки'));
    expect(await support().findByText('Отчёт не сохранён.')).toBeInTheDocument();
  });

  it('in the browser mode hands the zip to the browser as a download', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const fake = new FakeClient().ok('support.saveReport', {
      saved: 'download',
      fileName: 'report.zip',
      mime: 'application/zip',
      base64: Buffer.from('PK zip bytes').toString('base64'),
    });
    renderScreen(<AboutCard />, fake, { info });
    await userEvent.click(button('Сохранить отчёт для поддержки'));
    expect(await support().findByRole('status')).toHaveTextContent('Отчёт скачан: report.zip. Приложите этот файл к письму в поддержку.');
    expect(clicked).toEqual(['report.zip']);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('application/zip');
    expect(await blob.text()).toBe('PK zip bytes');
  });

  it('a report that could not be written is said in Russian, with the reason', async () => {
    const fake = new FakeClient().fail('support.saveReport', {
      code: 'storage_failed',
      message: 'The report could not be saved there (ENOSPC). Choose another folder, or free some disk space, and save it again.',
      key: 'support.reportNotSaved',
      params: { reason: 'ENOSPC' },
    });
    renderScreen(<AboutCard />, fake, { info: { ...info, shell: 'electron' } });
    await userEvent.click(button('Сохранить отчёт для поддержки'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Не удалось сохранить отчёт в эту папку (ENOSPC). Выберите другую папку или освободите место на диске и сохраните ещё раз.',
    );
    expect(support().queryByRole('status')).not.toBeInTheDocument();
  });
});
