import { useState, type FormEvent } from 'react';
import type { AppErrorValue } from '../../../../../shared/contract';
import { useClient } from '../../../hooks/useClient';
import { useContract } from '../../../hooks/useContract';
import { useApp } from '../../../store/useApp';
import { inlineFailure } from '../errors';
import type { Kind, TestOutcome } from './aiForm';
import { useAiForm } from './useAiForm';

/** Settings → AI: the stored settings filled into the form, Save, and "Test connection" (which saves only what passed). */
export function useAiSettings() {
  const client = useClient();
  const report = useApp((s) => s.report);
  const form = useAiForm();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<AppErrorValue>();
  const [test, setTest] = useState<TestOutcome>();
  const { data: view, setData: setView } = useContract('ai.settings.get', {}, { onLoad: (next) => form.fill(next.settings) });

  /** Saves the form; true when it worked. */
  const save = async (forgetStoredKey = false): Promise<boolean> => {
    setSaved(false);
    setSaveError(undefined);
    const result = await client.invoke('ai.settings.set', form.request(forgetStoredKey));
    if (!result.ok) {
      setSaveError(inlineFailure(result, report));
      return false;
    }
    setView(result.value);
    form.fill(result.value.settings);
    form.clearKeys();
    return true;
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setSaved(await save());
    });
  };

  const onSaveWithoutOldKey = () =>
    void run(async () => {
      setSaved(await save(true));
    });

  /**
   * Tests what is typed before anything is saved: a wrong key or address changes nothing, and the
   * settings that worked before keep working. Only a test that passes saves.
   */
  const onTest = () =>
    run(async () => {
      setTest(undefined);
      setSaved(false);
      setSaveError(undefined);
      const { forgetStoredKey: _forget, ...typed } = form.request(false);
      const result = await client.invoke('ai.test', typed);
      if (!result.ok) {
        const error = inlineFailure(result, report);
        // A field's problem belongs at the field; the connection's, under the test button.
        if (error?.code === 'invalid_input') setSaveError(error);
        else if (error) setTest({ ok: false, error });
        return;
      }
      if (!(await save())) return;
      setTest({ ok: true, ...result.value });
    });

  /** Another service: what was said about the last one no longer applies. */
  const changeKind = (next: Kind) => {
    form.setKind(next);
    setTest(undefined);
    setSaved(false);
    setSaveError(undefined);
  };

  /** For the first-run assistant's "Далее": saves as Save would, true when it worked. */
  const persist = async (): Promise<boolean> => {
    setBusy(true);
    try {
      const ok = await save();
      setSaved(ok);
      return ok;
    } finally {
      setBusy(false);
    }
  };

  return { form, view, busy, saved, saveError, test, onSave, onSaveWithoutOldKey, onTest, changeKind, persist };
}
