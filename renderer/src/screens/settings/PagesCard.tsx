import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useContractEvent } from '../../hooks/useContractEvent';
import { usePending } from '../../hooks/usePending';
import { useFormat } from '../../format/useFormat';
import { useApp } from '../../store/useApp';

/**
 * hh.ru's pages as the app last read them: each one understood or not, and when. A page hh.ru
 * changed holds Autopilot's sending; its outline (keys, none of the user's data) is saved for a bug report.
 */
export function PagesCard() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { dateTime } = useFormat();
  const { data: pages, setData, reload, failed } = useContract('hh.pages', {});
  const { run, pending } = usePending();
  // A check at sign-in or before a run: the card follows it.
  useContractEvent('hh.pagesChecked', (checked) => setData(checked));

  if (pages && !pages.supported) return null;
  const check = () =>
    run('check', async () => {
      const result = await client.invoke('hh.checkPages', {});
      if (report(result)) setData(result.value);
    });

  return (
    <section className="card" aria-labelledby="pages-title" data-testid="hh-pages">
      <h2 id="pages-title">{t('settings.pages.title')}</h2>
      <p className="hint">{t('settings.pages.hint')}</p>
      {!pages ? (
        <Loading failed={failed} onRetry={() => void reload()} />
      ) : (
        <>
          <p className="hint" data-testid="hh-pages-checked">
            {pages.checkedAt ? t('settings.pages.checkedAt', { at: dateTime(pages.checkedAt) }) : t('settings.pages.never')}
          </p>
          {pages.pages.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th>{t('settings.pages.page')}</th>
                  <th>{t('settings.pages.state')}</th>
                </tr>
              </thead>
              <tbody>
                {pages.pages.map((page) => (
                  <tr key={page.page} data-testid={`hh-page-${page.page}`} data-state={page.state}>
                    <td>{t(`hhPages.${page.page}`)}</td>
                    <td>
                      <span className={page.state === 'ok' ? 'badge badge--ok' : page.state === 'changed' ? 'badge badge--warn' : 'badge'}>
                        {t(`settings.pages.states.${page.state}`)}
                      </span>
                      {page.shape ? (
                        <>
                          {' '}
                          <span className="hint">
                            {t('settings.pages.shape', {
                              shape: page.shape === '2026' ? t('settings.pages.shapes.current') : t('settings.pages.shapes.older'),
                            })}
                          </span>
                        </>
                      ) : null}
                      {page.savedShape ? <p className="hint">{t('settings.pages.saved', { file: page.savedShape })}</p> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="row">
            <button type="button" className="button" disabled={pending('check')} onClick={() => void check()}>
              {pending('check') ? t('settings.pages.checking') : t('settings.pages.check')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
