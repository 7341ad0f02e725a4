import { useState } from 'react';
import type { ApplicationView } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import { useLetterText } from './useLetterText';

/**
 * One letter and what can be done with it: save it, send it within the budget, apply by hand in
 * hh.ru's own form, and mark it sent after applying in the browser. Sending and applying save an
 * edited letter first, so what goes is what is on screen.
 */
export function useLetterActions({
  view,
  onChange,
  onSent,
}: {
  view: ApplicationView;
  onChange(view: ApplicationView): void;
  onSent(view: ApplicationView): void;
}) {
  const client = useClient();
  const report = useApp((s) => s.report);
  const letter = useLetterText(view, onChange);
  const [sending, setSending] = useState(false);
  /** Where hh.ru's form was opened in the browser: the user applies there and then marks the letter sent. */
  const [assistUrl, setAssistUrl] = useState<string>();
  const applicationId = view.application.id;

  /** Sending and applying by hand exclude each other, and go only once the letter is saved. */
  const whileSending = async (action: () => Promise<void>, needsValid: boolean) => {
    setSending(true);
    try {
      const saved = letter.dirty ? await letter.save() : view;
      if (!saved || (needsValid && !saved.validation.ok)) return;
      await action();
    } finally {
      setSending(false);
    }
  };

  const send = () =>
    whileSending(async () => {
      const result = await client.invoke('letters.send', { applicationId });
      if (report(result)) onSent(result.value);
    }, true);

  /** Assisted apply: hh.ru's own form (in the app's hh.ru window) with the letter filled in. */
  const assist = () =>
    whileSending(async () => {
      const result = await client.invoke('letters.assist', { applicationId });
      if (!report(result)) return;
      if (result.value.outcome === 'applied') onSent(result.value.view);
      if (result.value.outcome === 'open_yourself') {
        // Browser mode: hh.ru in a new tab; the letter goes to the clipboard to paste there.
        await navigator.clipboard?.writeText(letter.text).catch(() => undefined);
        window.open(result.value.url, '_blank', 'noopener');
        setAssistUrl(result.value.url);
      }
    }, false);

  const markSent = async () => {
    const result = await client.invoke('letters.markSent', { applicationId });
    if (report(result)) onSent(result.value);
  };

  return { ...letter, sending, assistUrl, send, assist, markSent };
}
