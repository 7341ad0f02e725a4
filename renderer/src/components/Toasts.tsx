import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppNotification } from '../../../shared/contract';
import { useContractEvent } from '../hooks/useContractEvent';

interface Toast extends AppNotification {
  id: number;
}

/** How long a toast stays unless closed: long enough to read two lines. */
const SHOW_MS = 8_000;

/** What the engine tells the user now (an invitation, a captcha, letters sent), for a few seconds. */
export function Toasts() {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const close = (id: number) => setToasts((all) => all.filter((toast) => toast.id !== id));
  useContractEvent('automation.notify', (notification) => {
    const id = Date.now() + Math.random();
    setToasts((all) => [...all.slice(-3), { ...notification, id }]);
    setTimeout(() => close(id), SHOW_MS);
  });
  if (!toasts.length) return null;
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-testid={`toast-${toast.kind}`}>
          <p>{t(`toasts.${toast.kind}`, { replace: toast.params })}</p>
          <button type="button" className="button button--ghost" aria-label={t('errors.dismiss')} onClick={() => close(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
