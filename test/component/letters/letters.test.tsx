import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Letters } from '../../../renderer/src/screens/letters/Letters';
import { FakeClient } from '../support/fake-client';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { budget, draftLetter, letterPage, unsupportedDraft } from '../support/fixtures/letters';
import { detailOf, reactVacancy } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

describe('Letters', () => {
  it('with no letters says so and leads to the vacancies to write one', async () => {
    const fake = new FakeClient().ok('letters.list', letterPage([])).ok('applying.status', budget);
    // Leaving for another screen remembers it; where that is saved is not this test's business.
    fake.hold('preferences.set');
    const { store } = renderScreen(<Letters />, fake);
    const empty = await screen.findByRole('region', { name: 'Черновиков писем нет' });
    await userEvent.click(within(empty).getByRole('button', { name: 'К вакансиям' }));
    expect(store.getState().screen).toBe('vacancies');
  });

  it('while the letters are on their way shows that it is loading, not "no letters"', async () => {
    const fake = new FakeClient().ok('applying.status', budget);
    const list = fake.hold('letters.list');
    renderScreen(<Letters />, fake);
    await list.asked;
    expect(await screen.findByText('Загрузка…')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Черновиков писем нет' })).not.toBeInTheDocument();
    await list.release(letterPage([]));
    expect(await screen.findByRole('region', { name: 'Черновиков писем нет' })).toBeVisible();
  });

  it('when the letters cannot be read says why in Russian', async () => {
    const fake = new FakeClient().fail('letters.list', coreFailed).ok('applying.status', budget);
    renderScreen(<Letters />, fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(screen.queryByRole('region', { name: 'Черновиков писем нет' })).not.toBeInTheDocument();
    expect(screen.queryByText('Загрузка…')).not.toBeInTheDocument();
    fake.ok('letters.list', letterPage([]));
    await userEvent.click(await screen.findByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('region', { name: 'Черновиков писем нет' })).toBeVisible();
  });

  it('lists the letters with their state and opens the first with what is left of the daily limit', async () => {
    const fake = new FakeClient()
      .ok('letters.list', letterPage([draftLetter, unsupportedDraft]))
      .ok('applying.status', budget)
      .ok('vacancies.get', detailOf(reactVacancy));
    renderScreen(<Letters />, fake);
    const list = await screen.findByRole('list', { name: 'Письма' });
    const first = within(list).getByRole('button', { name: /Frontend-разработчик \(React\)/ });
    expect(first).toHaveTextContent('Черновик');
    expect(first).not.toHaveTextContent('Проверьте факты');
    expect(first).toHaveAttribute('aria-current', 'true');
    const second = within(list).getByRole('button', { name: /Go-разработчик/ });
    expect(second).toHaveTextContent('Проверьте факты');

    expect(screen.getByRole('textbox', { name: 'Сопроводительное письмо' })).toHaveValue(draftLetter.application.letter);
    expect(screen.getByText('Письмо готово к отправке.')).toBeVisible();
    expect(await screen.findByText('Осталось сегодня: 8 из 20')).toBeVisible();
    expect(screen.getByRole('spinbutton', { name: 'Не больше откликов в сутки:' })).toHaveValue(20);
  });

  it('a state filter lists only the letters in it ("sent" counting those on their way)', async () => {
    const fake = new FakeClient()
      .on('letters.list', ({ states }) => ({ ok: true, value: letterPage(states?.length ? [] : [draftLetter]) }))
      .ok('applying.status', budget)
      .ok('vacancies.get', detailOf(reactVacancy));
    renderScreen(<Letters />, fake);
    const filter = await screen.findByRole('radiogroup', { name: 'Фильтр по состоянию' });
    expect(within(filter).getByRole('radio', { name: 'Все' })).toBeChecked();
    await userEvent.click(within(filter).getByRole('radio', { name: 'Отправлено' }));
    expect(await screen.findByText('В этом разделе писем нет.')).toBeVisible();
    expect(fake.inputs('letters.list').at(-1)).toEqual({ states: ['sent', 'sending'], limit: 200 });
  });

  it("says when a letter was written without the resume's content, and what hh.ru showed after sending", async () => {
    const unread = { ...draftLetter, resumeUnread: true };
    const mismatched = {
      ...unsupportedDraft,
      application: {
        ...unsupportedDraft.application,
        state: 'sent' as const,
        sentAt: '2026-12-07T09:00:00.000Z',
        confirmation: 'resume_mismatch' as const,
        confirmedResumeHhId: '300400501',
      },
    };
    const fake = new FakeClient()
      .ok('letters.list', letterPage([unread, mismatched]))
      .ok('applying.status', budget)
      .ok('vacancies.get', detailOf(reactVacancy));
    renderScreen(<Letters />, fake);
    expect(await screen.findByTestId('letter-line')).toHaveTextContent('письмо написано без содержания резюме');
    await userEvent.click(within(await screen.findByRole('list', { name: 'Письма' })).getByRole('button', { name: /Go-разработчик/ }));
    expect(await screen.findByTestId('confirmation')).toHaveTextContent('hh.ru показывает этот отклик с другим резюме (300400501)');
  });
});
