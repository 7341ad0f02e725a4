import { act, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Vacancies } from '../../../renderer/src/screens/vacancies/Vacancies';
import { FakeClient } from '../support/fake-client';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { counts, detailOf, vacancy, vacancyPage } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

const five = [1, 2, 3, 4, 5].map((n) => vacancy(200 + n, `Вакансия ${n}`));

function world(items = five, total = items.length) {
  return new FakeClient()
    .ok('vacancies.counts', counts(items))
    .ok('blacklist.list', [])
    .on('vacancies.list', ({ offset }) => ({ ok: true, value: vacancyPage(offset ? [] : items, total) }))
    .on('vacancies.get', ({ id }) => ({ ok: true, value: detailOf(items.find((v) => v.id === id) ?? items[0]!) }))
    .ok('vacancies.keptScore', null);
}

const row = (n: number) => screen.getByRole('row', { name: new RegExp(`^Вакансия ${n}`) });

describe('Vacancies → the keyboard', () => {
  it('a focused row is the selected one; arrows, End, Home and Page Down move the selection and the focus', async () => {
    renderScreen(<Vacancies />, world());
    await screen.findByRole('grid', { name: /Вакансии/ });
    act(() => row(1).focus());
    expect(row(1)).toHaveAttribute('aria-selected', 'true');
    expect(row(1)).toHaveAttribute('tabindex', '0');
    expect(row(2)).toHaveAttribute('tabindex', '-1');

    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(row(3)).toHaveAttribute('aria-selected', 'true');
    expect(row(3)).toHaveFocus();
    expect(row(1)).toHaveAttribute('aria-selected', 'false');
    await userEvent.keyboard('{End}');
    expect(row(5)).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(row(5)).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(row(1)).toHaveFocus();
    await userEvent.keyboard('{PageDown}');
    expect(row(5)).toHaveAttribute('aria-selected', 'true');
  });

  it('Enter opens the selected vacancy with the focus on its heading; Escape gives the focus back to the row', async () => {
    renderScreen(<Vacancies />, world());
    await screen.findByRole('grid', { name: /Вакансии/ });
    act(() => row(1).focus());
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const pane = await screen.findByTestId('vacancy-detail');
    expect(within(pane).getByRole('heading', { name: 'Вакансия 2' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('vacancy-detail')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(row(2)).toHaveFocus());
  });

  it('Enter on a row’s own button does what the button does, not open the row', async () => {
    const fake = world().on('vacancies.setStatus', ({ id, status }) => ({ ok: true, value: { ...five[0]!, id, status } }));
    renderScreen(<Vacancies />, fake);
    await screen.findByRole('grid', { name: /Вакансии/ });
    act(() => row(1).focus());
    await userEvent.tab();
    expect(within(row(1)).getByRole('checkbox', { name: 'Выбрать «Вакансия 1»' })).toHaveFocus();
    await userEvent.tab();
    await userEvent.tab();
    expect(within(row(1)).getByRole('button', { name: 'Скрыть' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(fake.inputs('vacancies.setStatus')).toEqual([{ id: 201, status: 'ignored' }]));
    expect(screen.queryByTestId('vacancy-detail')).not.toBeInTheDocument();
  });

  it('past the loaded rows asks for the next page, and a page that fails says why with Retry', async () => {
    const fake = world(five, 250);
    let failing = true;
    fake.on('vacancies.list', ({ offset }) =>
      offset && failing ? { ok: false, error: coreFailed } : { ok: true, value: vacancyPage(offset ? [] : five, 250) },
    );
    renderScreen(<Vacancies />, fake);
    const more = await screen.findByTestId('vacancies-more');
    expect(await within(more).findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(fake.inputs('vacancies.list').some((input) => input.offset === 5)).toBe(true);
    failing = false;
    await userEvent.click(within(more).getByRole('button', { name: 'Повторить' }));
    await vi.waitFor(() => expect(fake.inputs('vacancies.list').filter((input) => input.offset === 5).length).toBeGreaterThan(1));
  });
});
