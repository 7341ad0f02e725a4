import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Letters } from '../../../renderer/src/screens/letters/Letters';
import { FakeClient } from '../support/fake-client';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { budget, draftLetter, editedAs, letterPage, sentAs } from '../support/fixtures/letters';
import { detailOf, reactVacancy } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

const hhForm = 'https://hh.ru/applicant/vacancy_response?vacancyId=9001';
const assistLabel = 'Откликнуться вручную в окне hh.ru';
const markSentLabel = 'Я откликнулся: отметить отправленным';

function withDraft() {
  return new FakeClient()
    .ok('letters.list', letterPage([draftLetter]))
    .ok('applying.status', budget)
    .ok('vacancies.get', detailOf(reactVacancy));
}

const letterBox = () => screen.getByRole('textbox', { name: 'Сопроводительное письмо' });

// The browser mode opens hh.ru in a new tab and puts the letter on the clipboard; jsdom has neither.
let opened: ReturnType<typeof vi.fn<(url?: string | URL, target?: string, features?: string) => Window | null>>;
let copied: string[];
beforeEach(() => {
  opened = vi.fn<(url?: string | URL, target?: string, features?: string) => Window | null>(() => null);
  vi.spyOn(window, 'open').mockImplementation(opened);
  copied = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('Letters → Apply by hand', () => {
  it('applied in the hh.ru window: the letter shows as sent, and the day is counted again', async () => {
    const fake = withDraft().ok('letters.assist', { outcome: 'applied', url: hhForm, view: sentAs(draftLetter) });
    renderScreen(<Letters />, fake);
    await screen.findByText('Осталось сегодня: 8 из 20');
    const statusAsked = fake.inputs('applying.status').length;
    await userEvent.click(screen.getByRole('button', { name: assistLabel }));

    expect(await screen.findByTestId('sent-at')).toHaveTextContent(/^Отправлено /);
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Отправлено');
    expect(fake.inputs('letters.assist')).toEqual([{ applicationId: 21 }]);
    expect(screen.queryByRole('button', { name: markSentLabel })).not.toBeInTheDocument();
    expect(opened).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.inputs('applying.status').length).toBeGreaterThan(statusAsked));
  });

  it('closed without applying: the letter stays a draft, ready to send or try again, with nothing to mark', async () => {
    const fake = withDraft().ok('letters.assist', { outcome: 'cancelled', url: hhForm, view: draftLetter });
    renderScreen(<Letters />, fake);
    await userEvent.click(await screen.findByRole('button', { name: assistLabel }));

    await vi.waitFor(() => expect(fake.inputs('letters.assist')).toHaveLength(1));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: assistLabel })).toBeEnabled());
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Черновик');
    expect(screen.getByRole('button', { name: 'Отправить отклик' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: markSentLabel })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(letterBox()).toHaveValue(draftLetter.application.letter);
  });

  it('in the browser: opens hh.ru in a new tab with the letter to paste, then marks it sent when told', async () => {
    const fake = withDraft()
      .ok('letters.assist', { outcome: 'open_yourself', url: hhForm, view: draftLetter })
      .ok('letters.markSent', sentAs(draftLetter));
    renderScreen(<Letters />, fake);
    await userEvent.click(await screen.findByRole('button', { name: assistLabel }));

    const markSent = await screen.findByRole('button', { name: markSentLabel });
    expect(opened).toHaveBeenCalledWith(hhForm, '_blank', 'noopener');
    expect(copied).toEqual([draftLetter.application.letter]);
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Черновик');
    expect(fake.inputs('letters.markSent')).toEqual([]);

    await userEvent.click(markSent);
    expect(await screen.findByTestId('sent-at')).toBeVisible();
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Отправлено');
    expect(fake.inputs('letters.markSent')).toEqual([{ applicationId: 21 }]);
  });

  it('an edited letter is saved before hh.ru opens, and the edited text is the one copied', async () => {
    const added = ' С уважением, Иван.';
    const edited = draftLetter.application.letter + added;
    const fake = withDraft()
      .on('letters.update', ({ letter }) => ({ ok: true, value: editedAs(draftLetter, letter) }))
      .ok('letters.assist', { outcome: 'open_yourself', url: hhForm, view: editedAs(draftLetter, edited) });
    renderScreen(<Letters />, fake);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Сопроводительное письмо' }), added);
    await userEvent.click(screen.getByRole('button', { name: assistLabel }));

    expect(await screen.findByRole('button', { name: markSentLabel })).toBeVisible();
    const order = fake.calls.filter((call) => call.name === 'letters.update' || call.name === 'letters.assist').map((call) => call.name);
    expect(order).toEqual(['letters.update', 'letters.assist']);
    expect(fake.inputs('letters.update')).toEqual([{ applicationId: 21, letter: edited }]);
    expect(copied).toEqual([edited]);
  });

  it('while hh.ru is open, sending is off; a mark that fails says why in Russian and the letter stays a draft', async () => {
    const fake = withDraft().fail('letters.markSent', coreFailed);
    const assist = fake.hold('letters.assist');
    renderScreen(<Letters />, fake);
    await userEvent.click(await screen.findByRole('button', { name: assistLabel }));
    await assist.asked;
    expect(screen.getByRole('button', { name: assistLabel })).toBeDisabled();
    expect(within(screen.getByTestId('letter')).getByRole('button', { name: 'Отправляем…' })).toBeDisabled();

    await assist.release({ outcome: 'open_yourself', url: hhForm, view: draftLetter });
    await userEvent.click(await screen.findByRole('button', { name: markSentLabel }));
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Черновик');
  });
});
