import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { channels, type AutomationStatus } from '../../../shared/contract';
import { AutomationCard } from '../../../renderer/src/screens/settings/AutomationCard';
import { FakeClient } from '../support/fake-client';
import { capStatus, runningEngine } from '../support/fixtures/dashboard';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { frontendSearch } from '../support/fixtures/searches';
import { renderScreen } from '../support/render';

type Job = AutomationStatus['jobs'][number];

const job = (name: string, overrides: Partial<Job> = {}): Job => ({
  job: name,
  lastStartedAt: null,
  lastFinishedAt: null,
  nextDueAt: null,
  outcome: null,
  message: null,
  running: false,
  progress: null,
  report: null,
  ...overrides,
});

/** The card's own channels answered as the core would; quiet hours checked by the contract itself. */
function engine(status: AutomationStatus = runningEngine) {
  let current = status;
  return new FakeClient()
    .ok('automation.status', current)
    .ok('searches.list', [frontendSearch])
    .ok('applying.status', capStatus)
    .on('automation.setQuietHours', async (input) => {
      const parsed = channels['automation.setQuietHours'].input.safeParse(input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        return { ok: false, error: { code: 'invalid_input', message: 'Some of the values are not valid.', issues } };
      }
      current = { ...current, quietHours: parsed.data };
      return { ok: true, value: current };
    });
}

describe('Settings → Automation', () => {
  it('says a wrong quiet-hours time in Russian beside its field, and saves a right one', async () => {
    const fake = engine();
    renderScreen(<AutomationCard />, fake);
    const quiet = await screen.findByTestId('quiet-hours');
    const from = within(quiet).getByRole('textbox', { name: 'С' });
    expect(from).toHaveValue('23:00');
    expect(within(quiet).getByRole('switch', { name: 'Не отправлять отклики в тихие часы' })).toBeChecked();

    await userEvent.clear(from);
    await userEvent.type(from, '25:00');
    await userEvent.click(within(quiet).getByRole('button', { name: 'Сохранить тихие часы' }));
    expect(await within(quiet).findByRole('alert')).toHaveTextContent('Время в формате ЧЧ:ММ, например 23:00');
    expect(from).toHaveAccessibleDescription('Время в формате ЧЧ:ММ, например 23:00');
    expect(from).toHaveAttribute('aria-invalid', 'true');

    await userEvent.clear(from);
    await userEvent.type(from, '22:30');
    await userEvent.click(within(quiet).getByRole('button', { name: 'Сохранить тихие часы' }));
    expect(await within(quiet).findByTestId('quiet-saved')).toHaveTextContent('Сохранено.');
    expect(within(quiet).queryByRole('alert')).not.toBeInTheDocument();
    expect(fake.inputs('automation.setQuietHours').at(-1)).toEqual({ enabled: true, from: '22:30', to: '08:00' });
  });

  it('a switch shows the choice at once, and the old value comes back when the core refuses it', async () => {
    const fake = engine().fail('automation.setRaiseResumes', coreFailed);
    const bots = fake.hold('automation.setAnswerBots');
    renderScreen(<AutomationCard />, fake);
    const card = await screen.findByTestId('automation-settings');
    const raise = within(card).getByRole('switch', { name: 'Поднимать мои резюме каждые 4 часа' });
    await userEvent.click(raise);
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(raise).not.toBeChecked();

    const answer = within(card).getByRole('switch', { name: /Отвечать на анкеты ботов/ });
    await userEvent.click(answer);
    await bots.asked;
    expect(answer).toBeChecked();
    expect(answer).toBeDisabled();
    await bots.release({ ...runningEngine, answerBots: true });
    expect(answer).toBeChecked();
    expect(answer).toBeEnabled();
    expect(fake.inputs('automation.setAnswerBots')).toEqual([{ enabled: true }]);
  });

  it('lists the jobs in the user’s words: never run, what a run did, and what a running one is doing', async () => {
    const status: AutomationStatus = {
      ...runningEngine,
      jobs: [
        job('search:7', { nextDueAt: '2099-01-01T09:00:00.000Z' }),
        job('raise:resumes', {
          lastFinishedAt: '2026-12-07T09:00:00.000Z',
          nextDueAt: '2026-12-07T13:00:00.000Z',
          outcome: 'ok',
          message: 'Raised 2 resumes',
          report: { key: 'raised', params: { count: 2 } },
        }),
        job('sync:chats', { outcome: 'failed', message: 'hh.ru did not answer', lastFinishedAt: '2026-12-07T08:00:00.000Z' }),
      ],
    };
    const fake = engine(status);
    renderScreen(<AutomationCard />, fake);
    const jobs = await screen.findByTestId('automation-jobs');
    const rows = () => within(jobs).getAllByTestId('automation-job');
    expect(await within(jobs).findByText('«Frontend, удалёнка»')).toBeVisible();
    expect(rows()[0]).toHaveTextContent('ещё не запускалась');
    expect(rows()[1]).toHaveTextContent(/Поднятие резюме.*готово поднято резюме: 2/);
    expect(rows()[2]).toHaveTextContent(/Статусы и чаты.*ошибка hh.ru did not answer.*при ближайшей проверке/);

    await fake.emit('automation.progress', { job: 'search:7', phase: 'drafting', done: 3, total: 12, waitingFor: null, until: null });
    expect(within(rows()[0]!).getByTestId('job-running')).toHaveTextContent('пишу письма 3 из 12');
  });
});
