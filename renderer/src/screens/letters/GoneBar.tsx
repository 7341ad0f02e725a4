import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/** Letters that just left the list: discarded (with undo), or discarded with their vacancy skipped. */
export interface Gone {
  views: ApplicationView[];
  how: 'discarded' | 'skipped';
}

/** "Письмо удалено · Вернуть": the undo of a discard, until the user closes it or does the next one. */
export function GoneBar({ gone, onRestored, onClose }: { gone: Gone; onRestored(views: ApplicationView[]): void; onClose(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [busy, setBusy] = useState(false);
  const { views, how } = gone;

  const restore = async () => {
    setBusy(true);
    try {
      const back: ApplicationView[] = [];
      for (const view of views) {
        const result = await client.invoke('letters.restore', { applicationId: view.application.id });
        if (report(result)) back.push(result.value);
      }
      if (back.length) onRestored(back);
    } finally {
      setBusy(false);
    }
  };

  const text =
    how === 'skipped'
      ? t('letters.skipped', { title: views[0]?.vacancy.title ?? '' })
      : views.length === 1
        ? t('letters.discarded')
        : t('letters.discardedMany', { count: views.length });
  return (
    <div className="letters-gone" role="status" data-testid="gone">
      <span>{text}</span>
      {how === 'discarded' ? (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void restore()}>
          {t('letters.undo')}
        </button>
      ) : null}
      <button type="button" className="button button--small button--ghost" aria-label={t('errors.dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
