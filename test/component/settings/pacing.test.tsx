import { fieldIssuesOf } from '../../../shared/contract';
import { userEvent } from '@testing-library/user-event';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { channels, type ApplyingSettings, type ApplyingStatus } from '../../../shared/contract';
import { PacingForm } from '../../../renderer/src/screens/settings/PacingForm';
import { FakeClient } from '../support/fake-client';
import { renderScreen } from '../support/render';

const status = (settings: ApplyingSettings): ApplyingStatus => ({
  settings,
  sentLast24h: 0,
  remaining: settings.dailyCap,
  nextSlotAt: null,
  hhLimitedUntil: null,
});

/** Answers as the core would: the contract's own check first, its English issues by field. */
function coreLike() {
  let settings: ApplyingSettings = { dailyCap: 50, perRunCap: 20, pauseMinSeconds: 10, pauseMaxSeconds: 25 };
  return new FakeClient().ok('applying.status', status(settings)).on('applying.setSettings', async (input) => {
    const parsed = channels['applying.setSettings'].input.safeParse(input);
    if (!parsed.success) {
      const issues = fieldIssuesOf(parsed.error, input);
      return { ok: false, error: { code: 'invalid_input', message: 'Some of the values are not valid.', params: {}, issues } };
    }
    settings = { ...settings, ...parsed.data };
    return { ok: true, value: status(settings) };
  });
}

describe('Settings → Automation → pace', () => {
  it('shows the per-run limit and pauses, says in Russian what a field takes, and saves good values', async () => {
    const fake = coreLike();
    renderScreen(<PacingForm />, fake);
    const form = await screen.findByTestId('pacing');
    const perRun = within(form).getByRole('textbox', { name: 'Вакансий за запуск' });
    expect(perRun).toHaveValue('20');

    await userEvent.clear(perRun);
    await userEvent.type(perRun, '0');
    await userEvent.click(within(form).getByRole('button', { name: 'Сохранить темп' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Целое число от 1 до 200');

    await userEvent.clear(perRun);
    await userEvent.type(perRun, '5');
    const min = within(form).getByRole('textbox', { name: 'Пауза между откликами: от, с' });
    await userEvent.clear(min);
    await userEvent.type(min, '40');
    await userEvent.click(within(form).getByRole('button', { name: 'Сохранить темп' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Самая короткая пауза не может быть длиннее самой долгой');

    await userEvent.clear(min);
    await userEvent.type(min, '15');
    await userEvent.click(within(form).getByRole('button', { name: 'Сохранить темп' }));
    expect(await within(form).findByTestId('pacing-saved')).toHaveTextContent('Сохранено.');
    expect(fake.inputs('applying.setSettings').at(-1)).toEqual({ perRunCap: 5, pauseMinSeconds: 15, pauseMaxSeconds: 25 });
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
  });
});
