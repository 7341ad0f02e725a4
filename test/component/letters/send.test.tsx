import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import { Letters } from '../../../renderer/src/screens/letters/Letters';
import { FakeClient } from '../support/fake-client';
import { budget, draftLetter, editedAs, letterPage, sentAs } from '../support/fixtures/letters';
import { detailOf, reactVacancy } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

type Status = ChannelOutput<'applying.status'>;

/** Letters with one draft open, as the screen shows it after "Write letter" in Vacancies. */
function withDraft(status: Status = budget) {
  return new FakeClient()
    .ok('letters.list', letterPage([draftLetter]))
    .ok('applying.status', status)
    .ok('vacancies.get', detailOf(reactVacancy));
}

const letterBox = () => screen.getByRole('textbox', { name: 'Сопроводительное письмо' });
const sendButton = () => within(screen.getByTestId('letter')).getByRole('button', { name: /^Отправ/ });
const added = ' Готов выйти через две недели.';
const edited = draftLetter.application.letter + added;
/** The calls that change the letter, in the order the screen made them. */
const letterCalls = (fake: FakeClient) =>
  fake.calls.filter((call) => call.name === 'letters.update' || call.name === 'letters.send').map((call) => call.name);

describe('Letters → Send', () => {
  it('sends the letter as saved, shows it sent, and asks for what is left of the day again', async () => {
    const fake = withDraft().ok('letters.send', sentAs(draftLetter));
    renderScreen(<Letters />, fake);
    await screen.findByText('Осталось сегодня: 8 из 20');
    const statusAsked = fake.inputs('applying.status').length;

    await userEvent.click(sendButton());

    expect(await screen.findByTestId('sent-at')).toHaveTextContent(/^Отправлено /);
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Отправлено');
    expect(fake.inputs('letters.send')).toEqual([{ applicationId: 21 }]);
    expect(fake.inputs('letters.update')).toEqual([]);
    expect(letterBox()).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: /^Отправ/ })).not.toBeInTheDocument();
    await vi.waitFor(() => expect(fake.inputs('applying.status').length).toBeGreaterThan(statusAsked));
  });

  it('an edited letter is saved first and then sent, so hh.ru gets the text on screen', async () => {
    const fake = withDraft()
      .on('letters.update', ({ letter }) => ({ ok: true, value: editedAs(draftLetter, letter) }))
      .ok('letters.send', sentAs(editedAs(draftLetter, edited)));
    renderScreen(<Letters />, fake);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Сопроводительное письмо' }), added);
    expect(screen.getByText(/Есть несохранённые изменения/)).toBeVisible();

    await userEvent.click(sendButton());

    expect(await screen.findByTestId('sent-at')).toBeVisible();
    // Once: leaving the field to press Send starts the save, and sending waits for it rather than saving again.
    expect(letterCalls(fake)).toEqual(['letters.update', 'letters.send']);
    expect(fake.inputs('letters.update')).toEqual([{ applicationId: 21, letter: edited }]);
    expect(letterBox()).toHaveValue(edited);
  });

  it("when hh.ru's daily limit refuses it, says so in Russian and keeps the typed text to send later", async () => {
    const fake = withDraft()
      .on('letters.update', ({ letter }) => ({ ok: true, value: editedAs(draftLetter, letter) }))
      .fail('letters.send', {
        code: 'hh_limit_exceeded',
        message: 'hh.ru says the 24-hour limit is reached.',
        next: { kind: 'retry_later' },
        retryable: true,
      });
    renderScreen(<Letters />, fake);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Сопроводительное письмо' }), added);
    await userEvent.click(sendButton());

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Достигнут лимит hh.ru (около 200 откликов за 24 часа). Приложение подождёт.',
    );
    expect(letterBox()).toHaveValue(edited);
    expect(letterBox()).not.toHaveAttribute('readonly');
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Черновик');
    expect(sendButton()).toBeEnabled();
  });

  it('when the core finds the letter not fit to send, says why in Russian and keeps it as typed', async () => {
    const fake = withDraft()
      .on('letters.update', ({ letter }) => ({ ok: true, value: editedAs(draftLetter, letter) }))
      .fail('letters.send', {
        code: 'invalid_input',
        message: 'This letter is not sent: The letter has no contacts.',
        key: 'letters.notValid',
        params: { problems: 'The letter has no contacts.' },
        next: { kind: 'fix_input' },
      });
    renderScreen(<Letters />, fake);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Сопроводительное письмо' }), added);
    await userEvent.click(sendButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('Письмо не отправлено: The letter has no contacts.');
    expect(letterBox()).toHaveValue(edited);
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Черновик');
  });

  it('is off while the letter is on its way, with the other actions', async () => {
    const fake = withDraft();
    const send = fake.hold('letters.send');
    renderScreen(<Letters />, fake);
    await userEvent.click(await screen.findByRole('button', { name: 'Отправить отклик' }));
    await send.asked;

    expect(sendButton()).toHaveTextContent('Отправляем…');
    expect(sendButton()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Проверить' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Откликнуться вручную в окне hh.ru' })).toBeDisabled();
    await send.release(sentAs(draftLetter));
    expect(await screen.findByTestId('sent-at')).toBeVisible();
    expect(fake.inputs('letters.send')).toHaveLength(1);
  });

  it('is off when the daily limit is used up, and says when the next one may go', async () => {
    const fake = withDraft({ ...budget, sentLast24h: 20, remaining: 0, nextSlotAt: '2026-12-08T06:30:00.000Z' });
    renderScreen(<Letters />, fake);
    // The state line says it, first: the limit is what blocks Send.
    expect(await screen.findByTestId('letter-line')).toHaveTextContent(
      /^Не отправить сейчас: дневной лимит исчерпан; следующий отклик можно будет отправить .+\.$/,
    );
    expect(sendButton()).toBeDisabled();
    await userEvent.click(sendButton());
    expect(fake.inputs('letters.send')).toEqual([]);
  });
});
