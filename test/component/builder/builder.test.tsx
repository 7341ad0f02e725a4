import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResumeBuilder } from '../../../renderer/src/screens/builder/ResumeBuilder';
import { FakeClient } from '../support/fake-client';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { activeInterview, finishedInterview, interviewPage } from '../support/fixtures/interviews';
import { renderScreen } from '../support/render';

describe('Resume', () => {
  it('with no interview says what it does and starts one', async () => {
    const fake = new FakeClient().ok('builder.list', interviewPage([]));
    fake.hold('hh.status');
    renderScreen(<ResumeBuilder />, fake);
    const empty = await screen.findByRole('region', { name: 'Интервью пока нет' });
    await userEvent.click(within(empty).getByRole('button', { name: 'Новое интервью' }));
    expect(await screen.findByRole('form', { name: 'Новое интервью' })).toBeVisible();
  });

  it('while the list is on its way says it is loading, not "no interviews"', async () => {
    const fake = new FakeClient();
    const list = fake.hold('builder.list');
    renderScreen(<ResumeBuilder />, fake);
    await list.asked;
    expect(await screen.findByText('Загрузка…')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Интервью пока нет' })).not.toBeInTheDocument();
  });

  it('when the list cannot be read says why, and trying again loads it', async () => {
    const fake = new FakeClient().fail('builder.list', coreFailed);
    renderScreen(<ResumeBuilder />, fake);
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    fake.ok('builder.list', interviewPage([])).ok('hh.status', {
      signedIn: false,
      via: null,
      account: null,
      resumes: [],
      app: { configured: false, clientId: null, redirectUri: '', fromEnv: false },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Повторить' }));
    expect(await screen.findByRole('region', { name: 'Интервью пока нет' })).toBeVisible();
  });

  it('an interview under way: its progress, the questions with the follow-up marked, and an answer kept when switching away', async () => {
    const fake = new FakeClient()
      .ok('builder.list', interviewPage([activeInterview, finishedInterview]))
      .ok('builder.get', activeInterview)
      .ok('builder.lettersResume', null);
    renderScreen(<ResumeBuilder />, fake);
    const panel = await screen.findByTestId('interview');
    expect(within(panel).getByRole('list', { name: 'Разделы с ответами' })).toHaveTextContent('Цель: есть ответ');
    const messages = within(panel).getByRole('list', { name: 'Вопросы и ответы' });
    expect(within(messages).getByText('Уточнение')).toBeVisible();
    expect(within(messages).getByText('Расскажите о последнем месте работы.')).toBeVisible();
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Ваш ответ' }), 'СКБ Контур');

    // Another interview and back: the typed answer is still there.
    fake.ok('builder.get', finishedInterview);
    await userEvent.click(screen.getByRole('button', { name: /^Ведущий Python-разработчик/ }));
    await screen.findByTestId('resume-editor');
    fake.ok('builder.get', activeInterview);
    await userEvent.click(screen.getByRole('button', { name: /^Интервью от/ }));
    expect(await screen.findByRole('textbox', { name: 'Ваш ответ' })).toHaveValue('СКБ Контур');
  });

  it('a finished resume: the Markdown beside a sanitized preview, and the fact no answer backs', async () => {
    const fake = new FakeClient()
      .ok('builder.list', interviewPage([finishedInterview]))
      .ok('builder.get', finishedInterview)
      .ok('builder.lettersResume', null);
    renderScreen(<ResumeBuilder />, fake);
    const editor = await screen.findByTestId('resume-editor');
    const preview = within(editor).getByTestId('resume-preview');
    expect(within(preview).getByRole('heading', { level: 1, name: 'Ведущий Python-разработчик' })).toBeVisible();
    // Raw HTML in the Markdown is text, never markup.
    expect(preview.querySelector('script')).toBeNull();
    expect(preview).toHaveTextContent('<script>alert(1)</script>');
    expect(within(editor).getByRole('region', { name: 'Проверьте перед экспортом' })).toHaveTextContent('Фантом Софт');
    expect(within(editor).getByTestId('letters-unchecked')).toBeVisible();
  });
});
