import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/** Discard the letter, or skip its vacancy (set aside, optionally hidden on hh.ru) and discard the letter. */
export function LetterSetAside({
  view,
  disabled,
  onGone,
}: {
  view: ApplicationView;
  disabled: boolean;
  /** The letter left the list: `skipped` says the vacancy went with it. */
  onGone(view: ApplicationView, how: 'discarded' | 'skipped'): void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [hideOnHh, setHideOnHh] = useState(false);
  const [busy, setBusy] = useState(false);
  const applicationId = view.application.id;

  const act = async (how: 'discarded' | 'skipped') => {
    setBusy(true);
    try {
      const result =
        how === 'discarded'
          ? await client.invoke('letters.discard', { applicationId })
          : await client.invoke('letters.skip', { applicationId, hideOnHh });
      if (report(result)) onGone(result.value, how);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="row letter-set-aside">
      <button type="button" className="button" disabled={disabled || busy} onClick={() => void act('discarded')}>
        {t('letters.discard')}
      </button>
      <button
        type="button"
        className="button"
        disabled={disabled || busy}
        title={t('letters.skipHint')}
        onClick={() => void act('skipped')}
      >
        {t('letters.skip')}
      </button>
      <label className="hint">
        <input type="checkbox" checked={hideOnHh} onChange={(e) => setHideOnHh(e.target.checked)} /> {t('letters.skipHide')}
      </label>
    </div>
  );
}
