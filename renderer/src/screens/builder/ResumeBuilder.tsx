import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview, InterviewSummary } from '../../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { InterviewChat, SectionProgress, Transcript } from './InterviewChat';
import { NewInterview } from './NewInterview';
import { ResumeEditor } from './ResumeEditor';
import '../work.css';
import './resume.css';

const PAGE = 20;

/** One interview: its progress and chat while it runs, its resume once finished. */
function InterviewPanel({ id, onChange }: { id: number; onChange(): void }) {
  const { t } = useTranslation();
  const { data: interview, setData, failed, reload } = useContract('builder.get', { id });
  if (!interview) return <Loading failed={failed} onRetry={() => void reload()} />;
  const changed = (next: Interview) => {
    setData(next);
    onChange();
  };
  return (
    <section className="card builder-panel" aria-labelledby="interview-title" data-testid="interview">
      <div className="builder-panel__head">
        <h2 id="interview-title">{interview.title}</h2>
        <span className={interview.status === 'finished' ? 'badge badge--ok' : 'badge'}>{t(`builder.status.${interview.status}`)}</span>
      </div>
      <SectionProgress interview={interview} />
      {interview.status === 'active' ? (
        <InterviewChat interview={interview} onChange={changed} />
      ) : (
        <>
          <ResumeEditor interview={interview} onChange={changed} />
          <details className="builder-transcript">
            <summary>{t('builder.transcript')}</summary>
            <Transcript interview={interview} />
          </details>
        </>
      )}
    </section>
  );
}

/** Resume → interviews listed with paging, a new one, and the chosen one beside the list. */
export function ResumeBuilder() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [limit, setLimit] = useState(PAGE);
  const { data: page, failed, reload } = useContract('builder.list', { limit, offset: 0 });
  const [selected, setSelected] = useState<number>();
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<number>();
  const items = page?.items ?? [];
  // A new interview is shown at once, before the list that will include it has reloaded.
  const current = selected ?? items[0]?.id;
  const date = (at: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'medium' }).format(new Date(at));

  const created = (interview: Interview) => {
    setCreating(false);
    setSelected(interview.id);
    void reload();
  };

  const remove = async (item: InterviewSummary) => {
    const result = await client.invoke('builder.delete', { id: item.id });
    setConfirming(undefined);
    if (report(result)) {
      if (selected === item.id) setSelected(undefined);
      await reload();
    }
  };

  return (
    <div className="work builder">
      <div className="work__head">
        <h1>{t('builder.title')}</h1>
        {!creating ? (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('builder.new')}
          </button>
        ) : null}
      </div>
      <p className="hint builder__intro">{t('builder.intro')}</p>
      {creating ? <NewInterview onCreated={created} onCancel={() => setCreating(false)} /> : null}

      {!page ? (
        <Loading failed={failed} onRetry={() => void reload()} />
      ) : !items.length ? (
        creating ? null : (
          <EmptyState art="builder" title={t('builder.emptyTitle')} text={t('builder.emptyText')}>
            <button type="button" className="button button--primary work__empty-action" onClick={() => setCreating(true)}>
              {t('builder.new')}
            </button>
          </EmptyState>
        )
      ) : (
        <div className="work-split builder-split">
          <div>
            <ul className="work-picker" aria-label={t('builder.sessions')} data-testid="interviews">
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={item.id === current ? 'work-pick work-pick--on' : 'work-pick'}
                    aria-current={item.id === current ? 'true' : undefined}
                    onClick={() => setSelected(item.id)}
                  >
                    <span className="work-pick__title">{item.title}</span>
                    <span className="work-pick__sub">
                      <span className={item.status === 'finished' ? 'badge badge--ok' : 'badge'}>{t(`builder.status.${item.status}`)}</span>
                      <span className="hint">
                        {t('builder.answers', { count: item.answers })} · {date(item.updatedAt)}
                      </span>
                    </span>
                  </button>
                  {confirming === item.id ? (
                    <div className="row builder-confirm" role="alert">
                      <span>{t('builder.confirmDelete', { title: item.title })}</span>
                      <button type="button" className="button button--danger" onClick={() => void remove(item)}>
                        {t('builder.confirm')}
                      </button>
                      <button type="button" className="button button--ghost" onClick={() => setConfirming(undefined)}>
                        {t('builder.cancel')}
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="link builder-delete"
                      onClick={() => setConfirming(item.id)}
                      aria-label={`${t('builder.delete')}: ${item.title}`}
                    >
                      {t('builder.delete')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {page.total > items.length ? (
              <button type="button" className="button builder-more" onClick={() => setLimit((n) => n + PAGE)}>
                {t('builder.more')}
              </button>
            ) : null}
          </div>
          {current !== undefined ? <InterviewPanel key={current} id={current} onChange={() => void reload()} /> : null}
        </div>
      )}
    </div>
  );
}
