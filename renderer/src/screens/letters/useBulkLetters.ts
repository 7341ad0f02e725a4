import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import { errorText } from '../../format/errorText';
import { useClient } from '../../hooks/useClient';

/** What became of one letter of a bulk action. */
export interface BulkResult {
  id: number;
  title: string;
  ok: boolean;
  text: string;
}

/** After these no further letter of the batch is sent (the same codes stop an Autopilot run). */
const STOP = new Set(['hh_limit_exceeded', 'hh_captcha', 'hh_login_required', 'hh_signed_out', 'hh_csrf', 'app_closing', 'storage_full']);

const OPEN = new Set(['draft', 'approved', 'failed']);

/**
 * Many letters at once, one after another through the same channels as one letter: sending goes
 * through letters.send with its check, the daily limit and the pause between applications (so a
 * batch takes as long as those pauses), discarding through letters.discard. Each letter gets its result.
 */
export function useBulkLetters(handlers: { onSent(view: ApplicationView): void; onDiscarded(views: ApplicationView[]): void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [results, setResults] = useState<BulkResult[]>([]);
  const stopped = useRef(false);

  const toggle = (id: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = async (views: ApplicationView[], act: (view: ApplicationView) => Promise<BulkResult | 'stop'>) => {
    stopped.current = false;
    const batch = views.filter((view) => chosen.has(view.application.id));
    const done: BulkResult[] = [];
    setResults([]);
    setProgress({ done: 0, total: batch.length });
    try {
      for (const view of batch) {
        const title = view.vacancy.title;
        if (stopped.current) {
          done.push({ id: view.application.id, title, ok: false, text: t('letters.bulk.stopped') });
          continue;
        }
        if (!OPEN.has(view.application.state)) {
          done.push({ id: view.application.id, title, ok: false, text: t('letters.bulk.notOpen') });
          continue;
        }
        const result = await act(view);
        if (result === 'stop') stopped.current = true;
        else done.push(result);
        setProgress({ done: done.length, total: batch.length });
        setResults([...done]);
      }
    } finally {
      setProgress(undefined);
      setResults([...done]);
      setChosen(new Set());
    }
  };

  const send = (views: ApplicationView[]) =>
    run(views, async (view) => {
      const result = await client.invoke('letters.send', { applicationId: view.application.id });
      if (result.ok) {
        handlers.onSent(result.value);
        return { id: view.application.id, title: view.vacancy.title, ok: true, text: t('letters.bulk.sent') };
      }
      if (STOP.has(result.error.code)) stopped.current = true;
      return { id: view.application.id, title: view.vacancy.title, ok: false, text: errorText(t, i18n.language, result.error) };
    });

  const discard = async (views: ApplicationView[]) => {
    const gone: ApplicationView[] = [];
    await run(views, async (view) => {
      const result = await client.invoke('letters.discard', { applicationId: view.application.id });
      if (!result.ok)
        return { id: view.application.id, title: view.vacancy.title, ok: false, text: errorText(t, i18n.language, result.error) };
      gone.push(result.value);
      return { id: view.application.id, title: view.vacancy.title, ok: true, text: t('letters.bulk.discarded') };
    });
    if (gone.length) handlers.onDiscarded(gone);
  };

  return {
    chosen,
    toggle,
    choose: (ids: number[]) => setChosen(new Set(ids)),
    clear: () => setChosen(new Set()),
    progress,
    results,
    dismissResults: () => setResults([]),
    stop: () => {
      stopped.current = true;
    },
    send,
    discard,
  };
}

export type BulkLetters = ReturnType<typeof useBulkLetters>;
