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
  const saving = useRef<Promise<ApplicationView | undefined> | undefined>(undefined);

  /** The letter as stored after saving what is typed; undefined when saving failed (reported). */
  const save = async (): Promise<ApplicationView | undefined> => {
    if (saving.current) await saving.current;
    if (text === application.letter) return view;
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
    saving.current = pending;
    try {
      return await pending;
    } finally {
      saving.current = undefined;
    }
  };

  return { text, setText, dirty: text !== application.letter, checking, save };
}
