import { useState, type FormEvent } from 'react';
import type { AppErrorValue } from '../../../../../shared/contract';
import { useClient } from '../../../hooks/useClient';
import { useContract } from '../../../hooks/useContract';
import { useApp } from '../../../store/useApp';
import { inlineFailure } from '../errors';
import type { Kind, TestOutcome } from './aiForm';
import { useAiForm } from './useAiForm';

/** Settings → AI: the stored settings filled into the form, Save, and "Test connection" (which saves first). */
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

  /** Saves first: the core tests what is stored. */
  const onTest = () =>
    run(async () => {
      setTest(undefined);
      if (!(await save())) return;
      const result = await client.invoke('ai.test', {});
      if (result.ok) {
        setTest({ ok: true, ...result.value });
        return;
      }
      const error = inlineFailure(result, report);
      if (error) setTest({ ok: false, error });
    });

  /** Another service: what was said about the last one no longer applies. */
  const changeKind = (next: Kind) => {
    form.setKind(next);
    setTest(undefined);
    setSaved(false);
    setSaveError(undefined);
  };

  return { form, view, busy, saved, saveError, test, onSave, onSaveWithoutOldKey, onTest, changeKind };
}
