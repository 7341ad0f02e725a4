import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/contract';
import { FakeClient } from '../support/fake-client';
import { renderScreen } from '../support/render';

const captcha = {
  code: 'hh_captcha' as const,
  message: 'hh.ru asks you to solve a captcha.',
  next: { kind: 'open_captcha' as const, url: 'https://hh.ru/captcha' },
};
const stopped: Notice = {
  id: 'hh.stopped',
  level: 'error',
  code: 'hh_captcha',
  message: 'hh.ru asks for a captcha.',
  params: { url: 'https://hh.ru/captcha' },
  dismissible: false,
};

describe('one captcha, one banner', () => {
  it('the red banner stays away while the notice about the same stop is up, and goes on Resume', async () => {
    const fake = new FakeClient().ok('automation.setPaused', { paused: false, changedAt: '2026-12-08T10:00:00.000Z' });
    const { store } = renderScreen(<p>screen</p>, fake, { error: captcha, notices: [stopped] });
    expect(screen.queryByText('Что-то пошло не так')).not.toBeInTheDocument();
    // Without the notice (another stop, or none) the banner says it.
    act(() => store.setState({ notices: [] }));
    expect(screen.getByText('Что-то пошло не так')).toBeVisible();
    await act(() => store.getState().setPaused(false));
    expect(screen.queryByText('Что-то пошло не так')).not.toBeInTheDocument();
  });
});
