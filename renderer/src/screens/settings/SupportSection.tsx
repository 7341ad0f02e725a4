import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { usePending } from '../../hooks/usePending';
import { useApp } from '../../store/useApp';
import { download } from '../builder/download';

/**
 * Settings → About → Support: where the log is, and a report (a zip with the secrets removed) the
 * user saves and sends. In the browser mode the folder is on the server, so its path is shown instead.
 */
export function SupportSection() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { run, pending } = usePending();
  const [said, setSaid] = useState<string>();

  const openLogs = () =>
    run('logs', async () => {
      const result = await client.invoke('support.openLogs', {});
      if (report(result)) setSaid(t(`support.logs.${result.value.outcome}`, { path: result.value.path }));
    });

  const saveReport = () =>
    run('report', async () => {
      setSaid(undefined);
      const result = await client.invoke('support.saveReport', {});
      if (!report(result)) return;
      const file = result.value;
      if (file.saved === 'download') {
        download(file.fileName, file.mime, file.base64);
        setSaid(t('support.report.download', { name: file.fileName }));
      } else setSaid(file.saved === 'file' ? t('support.report.file', { path: file.path }) : t('support.report.cancelled'));
    });

  return (
    <div data-testid="support">
      <h3>{t('support.title')}</h3>
      <p className="hint">{t('support.intro')}</p>
      <div className="row">
        <button type="button" className="button" disabled={pending('logs')} onClick={() => void openLogs()}>
          {t('support.openLogs')}
        </button>
        <button type="button" className="button" disabled={pending('report')} onClick={() => void saveReport()}>
          {pending('report') ? t('support.saving') : t('support.saveReport')}
        </button>
      </div>
      {said ? (
        <p className="hint" role="status">
          {said}
        </p>
      ) : null}
    </div>
  );
}
