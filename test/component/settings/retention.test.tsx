import { userEvent } from '@testing-library/user-event';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RetentionCard } from '../../../renderer/src/screens/settings/RetentionCard';
import { FakeClient } from '../support/fake-client';
import { renderScreen } from '../support/render';

describe('Settings → Data: old vacancies (retention)', () => {
  it('shows the days kept, refuses a number out of range in Russian without asking the core, and saves a good one', async () => {
    const fake = new FakeClient()
      .ok('vacancies.retention.get', { days: 60 })
      .on('vacancies.retention.set', async (input) => ({ ok: true, value: { days: input.days } }));
    renderScreen(<RetentionCard />, fake);
    const card = await screen.findByRole('region', { name: 'Старые вакансии' });
    const input = within(card).getByRole('spinbutton', { name: 'Хранить описания, дней' });
    expect(input).toHaveValue(60);

    await userEvent.clear(input);
    await userEvent.type(input, '5');
    await userEvent.click(within(card).getByRole('button', { name: 'Сохранить' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Введите целое число дней от 14 до 3650');
    expect(fake.inputs('vacancies.retention.set')).toEqual([]);

    await userEvent.clear(input);
    await userEvent.type(input, '90');
    await userEvent.click(within(card).getByRole('button', { name: 'Сохранить' }));
    expect(await within(card).findByRole('status')).toHaveTextContent('Описания хранятся 90 дн.');
    expect(fake.inputs('vacancies.retention.set')).toEqual([{ days: 90 }]);
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument();
  });
});
