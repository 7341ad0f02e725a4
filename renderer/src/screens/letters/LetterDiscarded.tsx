import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import type { Format } from '../../format/useFormat';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/** A discarded letter (the "Discarded" filter): when it was discarded, and bringing it back. */
export function LetterDiscarded({
  view,
  onRestored,
  fmt,
}: {
  view: ApplicationView;
  onRestored(view: ApplicationView): void;
  fmt: Format;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [busy, setBusy] = useState(false);

  const restore = async () => {
    setBusy(true);
    try {
      const result = await client.invoke('letters.restore', { applicationId: view.application.id });
      if (report(result)) onRestored(result.value);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="row" data-testid="discarded">
      <span className="status status--warn">{t('letters.discardedAt', { time: fmt.dateTime(view.application.discardedAt) })}</span>
      <button type="button" className="button button--small" disabled={busy} onClick={() => void restore()}>
        {t('letters.restore')}
      </button>
    </div>
  );
}
