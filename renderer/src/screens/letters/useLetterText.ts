import { useRef, useState } from 'react';
import type { ApplicationView } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/** The letter as typed, and saving it: the core keeps the text and checks it again. */
export function useLetterText(view: ApplicationView, onChange: (view: ApplicationView) => void) {
  const client = useClient();
  const report = useApp((s) => s.report);
  const { application } = view;
  const [text, setText] = useState(application.letter);
  const [checking, setChecking] = useState(false);
  /** The save on its way (leaving the field starts one), with the text it saves. */
  const saving = useRef<{ text: string; pending: Promise<ApplicationView | undefined> } | undefined>(undefined);

  /** The letter as stored after saving what is typed; undefined when saving failed (reported). */
  const save = async (): Promise<ApplicationView | undefined> => {
    let stored = view;
    const inFlight = saving.current;
    if (inFlight) {
      // Pressing Send leaves the field, which starts a save of this very text: its answer is this save's too.
      const result = await inFlight.pending;
      if (inFlight.text === text) return result;
      if (result) stored = result;
    }
    if (text === stored.application.letter) return stored;
    const pending = (async () => {
      setChecking(true);
      try {
        const result = await client.invoke('letters.update', { applicationId: application.id, letter: text });
        if (!report(result)) return undefined;
        onChange(result.value);
        return result.value;
      } finally {
        setChecking(false);
      }
    })();
    saving.current = { text, pending };
    try {
      return await pending;
    } finally {
      if (saving.current?.pending === pending) saving.current = undefined;
    }
  };

  return { text, setText, dirty: text !== application.letter, checking, save };
}
