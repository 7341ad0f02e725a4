import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import { Letters } from '../../../renderer/src/screens/letters/Letters';
import { FakeClient } from '../support/fake-client';
import { budget, draftLetter, editedAs, letterPage, sentAs, unsupportedDraft } from '../support/fixtures/letters';
import { detailOf, goVacancy, reactVacancy } from '../support/fixtures/vacancies';
import { renderScreen } from '../support/render';

type View = ChannelOutput<'letters.list'>['items'][number];

const discardedAs = (view: View): View => ({ ...view, application: { ...view.application, discardedAt: '2026-12-08T01:00:00.000Z' } });
const unbacked: View = {
  ...draftLetter,
  application: { ...draftLetter.application, id: 25 },
  validation: { ok: true, problems: [], unsupported: [{ kind: 'employer', text: 'Газпромнефть' }] },
};
const line = () => screen.getByTestId('letter-line');
const list = () => screen.findByRole('list', { name: 'Письма' });

function withLetters(views: View[], status: ChannelOutput<'applying.status'> = budget) {
  return new FakeClient()
    .ok('letters.list', letterPage(views))
    .ok('applying.status', status)
    .on('vacancies.get', ({ id }) => ({ ok: true, value: detailOf(id === goVacancy.id ? goVacancy : reactVacancy) }));
}

describe('Letters → the state line', () => {
  it('is one line, the blocking reason first: the daily limit over unbacked claims, never "ready" above a warning', async () => {
    renderScreen(<Letters />, withLetters([unbacked], { ...budget, remaining: 0, nextSlotAt: '2026-12-08T06:30:00.000Z' }));
    await list();
    expect(screen.getAllByTestId('letter-line')).toHaveLength(1);
    expect(line()).toHaveAttribute('data-kind', 'limit');
    expect(line()).toHaveClass('status--bad');
    expect(line()).toHaveTextContent(/^Не отправить сейчас: дневной лимит исчерпан/);
    expect(screen.queryByText('Письмо готово к отправке.')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('letter')).getByRole('button', { name: 'Отправить отклик' })).toBeDisabled();
  });

  it('with the limit not reached: problems over claims, claims (orange) over ready, ready (green) only when nothing else is said', async () => {
    renderScreen(<Letters />, withLetters([unsupportedDraft, unbacked, draftLetter]));
    const letters = await list();
    expect(line()).toHaveAttribute('data-kind', 'problems');
    expect(line()).toHaveClass('status--bad');
    expect(screen.getByTestId('problems')).toHaveTextContent('В письме нет ваших контактов.');

    const [, second, third] = within(letters).getAllByRole('button');
    await userEvent.click(second!);
    expect(line()).toHaveAttribute('data-kind', 'unsupported');
    expect(line()).toHaveClass('status--warn');
    expect(line()).toHaveTextContent('Проверьте перед отправкой: письмо упоминает «Газпромнефть» — а в вашем резюме этого нет.');

    await userEvent.click(third!);
    expect(line()).toHaveAttribute('data-kind', 'ready');
    expect(line()).toHaveClass('status--ok');
    expect(line()).toHaveTextContent('Письмо готово к отправке.');
  });

  it('a letter put back after a captcha reads as a draft that did not go, with the reason, not as "approved"', async () => {
    const putBack: View = {
      ...draftLetter,
      application: { ...draftLetter.application, attempts: 1, lastError: 'hh.ru просит капчу.' },
    };
    renderScreen(<Letters />, withLetters([putBack]));
    await list();
    expect(screen.getByTestId('letter-state')).toHaveTextContent('Черновик');
    expect(line()).toHaveAttribute('data-kind', 'putBack');
    expect(line()).toHaveTextContent('Не отправлено: hh.ru просит капчу. Письмо снова черновик');
    expect(screen.queryByText('Одобрено')).not.toBeInTheDocument();
  });
});

describe('Letters → discard, skip', () => {
  it('a discarded letter leaves the list at once, and "Вернуть" brings it back', async () => {
    const fake = withLetters([draftLetter, unsupportedDraft])
      .ok('letters.discard', discardedAs(draftLetter))
      .ok('letters.restore', draftLetter);
    renderScreen(<Letters />, fake);
    await list();
    await userEvent.click(screen.getByRole('button', { name: 'Удалить письмо' }));
    expect(fake.inputs('letters.discard')).toEqual([{ applicationId: 21 }]);
    const bar = await screen.findByTestId('gone');
    expect(bar).toHaveTextContent('Письмо удалено');
    expect(within(await list()).queryByRole('button', { name: /Frontend-разработчик/ })).not.toBeInTheDocument();

    await userEvent.click(within(bar).getByRole('button', { name: 'Вернуть' }));
    expect(fake.inputs('letters.restore')).toEqual([{ applicationId: 21 }]);
    expect(await within(await list()).findByRole('button', { name: /Frontend-разработчик/ })).toHaveAttribute('aria-current', 'true');
    expect(screen.queryByTestId('gone')).not.toBeInTheDocument();
  });

  it('the "Удалённые" filter lists the discarded letters, each with a way back', async () => {
    const fake = new FakeClient()
      .on('letters.list', ({ discarded }) => ({ ok: true, value: letterPage(discarded ? [discardedAs(draftLetter)] : [unsupportedDraft]) }))
      .ok('applying.status', budget)
      .on('vacancies.get', ({ id }) => ({ ok: true, value: detailOf(id === goVacancy.id ? goVacancy : reactVacancy) }))
      .ok('letters.restore', draftLetter);
    renderScreen(<Letters />, fake);
    await list();
    await userEvent.click(
      within(screen.getByRole('radiogroup', { name: 'Фильтр по состоянию' })).getByRole('radio', { name: 'Удалённые' }),
    );
    expect(fake.inputs('letters.list').at(-1)).toEqual({ states: [], limit: 200, discarded: true });
    const discarded = await screen.findByTestId('discarded');
    expect(discarded).toHaveTextContent(/^Письмо удалено .+: оно не будет отправлено\./);
    // Read only, and not offered for a bulk send.
    expect(screen.getByRole('textbox', { name: 'Сопроводительное письмо' })).toHaveAttribute('readonly');
    expect(within(await list()).queryByRole('checkbox')).not.toBeInTheDocument();
    await userEvent.click(within(discarded).getByRole('button', { name: 'Вернуть письмо' }));
    expect(fake.inputs('letters.restore')).toEqual([{ applicationId: 21 }]);
    expect(await screen.findByText('В этом разделе писем нет.')).toBeVisible();
  });

  it('skipping the vacancy asks for it to be hidden on hh.ru when ticked, and the letter leaves', async () => {
    const skipped: View = { ...discardedAs(draftLetter), vacancy: { ...draftLetter.vacancy, status: 'ignored' } };
    const fake = withLetters([draftLetter]).ok('letters.skip', skipped);
    renderScreen(<Letters />, fake);
    await list();
    await userEvent.click(screen.getByRole('checkbox', { name: 'и скрыть её на hh.ru' }));
    await userEvent.click(screen.getByRole('button', { name: 'Пропустить вакансию' }));
    expect(fake.inputs('letters.skip')).toEqual([{ applicationId: 21, hideOnHh: true }]);
    expect(await screen.findByTestId('gone')).toHaveTextContent(`Вакансия «${draftLetter.vacancy.title}» отложена, письмо удалено.`);
  });
});

describe('Letters → rewrite with the AI', () => {
  it('shows the new text with its own check; only "Заменить текст" keeps it, and the old text can come back once', async () => {
    const rewritten = 'Здравствуйте! Коротко: React, TypeScript, пять лет.\n\nТелеграм: @ivan';
    const fake = withLetters([draftLetter])
      .ok('letters.rewrite', { letter: rewritten, validation: unbacked.validation, source: 'ai' })
      .ok('letters.update', {
        ...editedAs(draftLetter, rewritten),
        application: { ...editedAs(draftLetter, rewritten).application, previousLetter: draftLetter.application.letter },
      })
      .ok('letters.revert', draftLetter);
    renderScreen(<Letters />, fake);
    await list();
    await userEvent.type(screen.getByRole('textbox', { name: 'Пожелание к новому варианту (необязательно)' }), 'короче');
    await userEvent.click(screen.getByRole('button', { name: 'Переписать с ИИ' }));
    expect(fake.inputs('letters.rewrite')).toEqual([{ applicationId: 21, instruction: 'короче' }]);
    const proposal = await screen.findByTestId('rewrite-proposal');
    expect(within(proposal).getByRole('textbox')).toHaveValue(rewritten);
    expect(within(proposal).getByTestId('letter-line')).toHaveAttribute('data-kind', 'unsupported');
    // Not replaced yet.
    expect(screen.getByRole('textbox', { name: 'Сопроводительное письмо' })).toHaveValue(draftLetter.application.letter);

    await userEvent.click(within(proposal).getByRole('button', { name: 'Заменить текст' }));
    expect(fake.inputs('letters.update')).toEqual([{ applicationId: 21, letter: rewritten, keepPrevious: true }]);
    expect(await screen.findByRole('textbox', { name: 'Сопроводительное письмо' })).toHaveValue(rewritten);
    await userEvent.click(screen.getByRole('button', { name: 'Вернуть прежний текст' }));
    expect(fake.inputs('letters.revert')).toEqual([{ applicationId: 21 }]);
    expect(await screen.findByRole('textbox', { name: 'Сопроводительное письмо' })).toHaveValue(draftLetter.application.letter);
    expect(screen.queryByRole('button', { name: 'Вернуть прежний текст' })).not.toBeInTheDocument();
  });

  it('without AI and with a wish, says in Russian why nothing was rewritten', async () => {
    const fake = withLetters([draftLetter]).fail('letters.rewrite', {
      code: 'ai_not_configured',
      message: 'Without AI…',
      key: 'letters.rewriteNeedsAi',
      params: { instruction: 'короче' },
    });
    renderScreen(<Letters />, fake);
    await list();
    await userEvent.type(screen.getByRole('textbox', { name: 'Пожелание к новому варианту (необязательно)' }), 'короче');
    await userEvent.click(screen.getByRole('button', { name: 'Переписать с ИИ' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Без ИИ письмо заново заполняется из шаблона, и пожелание «короче» учесть некому.',
    );
    expect(screen.queryByTestId('rewrite-proposal')).not.toBeInTheDocument();
  });
});

describe('Letters → bulk', () => {
  it('sends the chosen letters one by one through letters.send, each with its result, and stops at the daily limit', async () => {
    const second: View = { ...unbacked, application: { ...unbacked.application, id: 24 }, vacancy: goVacancy };
    const third: View = {
      ...draftLetter,
      application: { ...draftLetter.application, id: 23 },
      vacancy: { ...draftLetter.vacancy, title: 'Третья вакансия' },
    };
    const fake = withLetters([draftLetter, second, third]).on('letters.send', ({ applicationId }) =>
      applicationId === 21
        ? { ok: true, value: sentAs(draftLetter) }
        : {
            ok: false,
            error: {
              code: 'hh_limit_exceeded',
              message: 'cap',
              key: 'letters.capReached',
              params: { cap: 20, at: '2026-12-08T06:30:00.000Z' },
            },
          },
    );
    renderScreen(<Letters />, fake);
    await list();
    await userEvent.click(screen.getByRole('button', { name: 'Выбрать все' }));
    expect(screen.getByTestId('bulk')).toHaveTextContent('Выбрано: 3');
    await userEvent.click(screen.getByRole('button', { name: 'Отправить выбранные' }));

    const results = await screen.findByRole('list', { name: 'Результаты' });
    await expect.poll(() => within(results).getAllByRole('listitem').length).toBe(3);
    const [sent, refused, stopped] = within(results).getAllByRole('listitem');
    expect(sent).toHaveTextContent(`${draftLetter.vacancy.title}: отправлено`);
    expect(refused).toHaveTextContent(/Go-разработчик: Ваш лимит — 20 откликов за 24 часа — исчерпан/);
    expect(stopped).toHaveTextContent('Третья вакансия: не отправлено: отправка остановлена');
    // Through the one-letter channel, in order, and nothing after the limit.
    expect(fake.inputs('letters.send')).toEqual([{ applicationId: 21 }, { applicationId: 24 }]);
  });

  it('discards the chosen letters, and one "Вернуть" brings them all back', async () => {
    const fake = withLetters([draftLetter, unsupportedDraft])
      .on('letters.discard', ({ applicationId }) => ({
        ok: true,
        value: discardedAs(applicationId === 21 ? draftLetter : unsupportedDraft),
      }))
      .on('letters.restore', ({ applicationId }) => ({ ok: true, value: applicationId === 21 ? draftLetter : unsupportedDraft }));
    renderScreen(<Letters />, fake);
    const letters = await list();
    await userEvent.click(within(letters).getByRole('checkbox', { name: `Выбрать «${draftLetter.vacancy.title}»` }));
    await userEvent.click(within(letters).getByRole('checkbox', { name: `Выбрать «${unsupportedDraft.vacancy.title}»` }));
    await userEvent.click(screen.getByRole('button', { name: 'Удалить выбранные' }));
    expect(await screen.findByTestId('gone')).toHaveTextContent('Удалено писем: 2');
    expect(await screen.findByRole('region', { name: 'Черновиков писем нет' })).toBeVisible();
    await userEvent.click(within(screen.getByTestId('gone')).getByRole('button', { name: 'Вернуть' }));
    expect(fake.inputs('letters.restore')).toEqual([{ applicationId: 21 }, { applicationId: 22 }]);
    expect(within(await list()).getAllByRole('checkbox')).toHaveLength(2);
  });
});

describe('Letters → a sent letter', () => {
  it('links to its vacancy on hh.ru and opens its chat', async () => {
    const sent: View = { ...sentAs(draftLetter), chatId: 7 };
    const fake = withLetters([sent]);
    // Leaving for another screen remembers it; where that is saved is not this test's business.
    fake.hold('preferences.set');
    const { store } = renderScreen(<Letters />, fake);
    await list();
    const links = screen.getByTestId('sent-links');
    expect(within(links).getByRole('link', { name: 'Вакансия на hh.ru' })).toHaveAttribute('href', draftLetter.vacancy.url);
    await userEvent.click(within(links).getByRole('button', { name: 'Открыть чат' }));
    expect(store.getState().screen).toBe('chats');
  });
});
