import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResumeContent } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';

const years = (months: number) => ({ years: Math.floor(months / 12), months: months % 12 });

/** The resume's facts as letters see them: what the AI may claim, so the user can check it. */
function ResumeFacts({ content }: { content: ResumeContent }) {
  const { t } = useTranslation();
  const { facts } = content;
  const empty = !facts.experience.length && !facts.skills.length && !facts.about;
  return (
    <div className="resume-view" data-testid="resume-content">
      <h3>{content.title || t('setup.resume.untitled')}</h3>
      {facts.totalMonths ? <p className="hint">{t('settings.resume.total', years(facts.totalMonths))}</p> : null}
      {empty ? <p className="hint">{t('settings.resume.empty')}</p> : null}
      {facts.experience.length ? (
        <>
          <h4>{t('settings.resume.experience')}</h4>
          <ul className="resume-view__jobs">
            {facts.experience.map((job, index) => (
              <li key={`${job.company}-${job.start}-${index}`}>
                <strong>{job.position || t('settings.resume.noPosition')}</strong>
                {job.company ? ` · ${job.company}` : ''}
                <span className="hint">
                  {' '}
                  {t('settings.resume.period', { start: job.start || '?', end: job.end || t('settings.resume.now') })}
                </span>
                {job.description ? <p className="resume-view__text">{job.description}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {facts.skills.length ? (
        <>
          <h4>{t('settings.resume.skills')}</h4>
          <ul className="chips" aria-label={t('settings.resume.skills')}>
            {facts.skills.map((skill) => (
              <li key={skill} className="chip">
                {skill}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {facts.about ? (
        <>
          <h4>{t('settings.resume.about')}</h4>
          <p className="resume-view__text">{facts.about}</p>
        </>
      ) : null}
      {facts.education.length ? (
        <>
          <h4>{t('settings.resume.education')}</h4>
          <ul>
            {facts.education.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {facts.languages.length ? (
        <>
          <h4>{t('settings.resume.languages')}</h4>
          <p>{facts.languages.join(', ')}</p>
        </>
      ) : null}
    </div>
  );
}

/**
 * Settings → Profile: which hh.ru resume letters are written from, what the app read from it, and
 * reading it again after the user changed it on hh.ru.
 */
export function ResumeCard() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const openSettings = useApp((s) => s.openSettings);
  const { data: account, reload: reloadAccount } = useContract('hh.status', {});
  const { data: chosen, setData: setChosen } = useContract('profile.resume', {});
  const resumeHhId = chosen?.resumeHhId ?? null;
  const [content, setContent] = useState<ResumeContent | null>();
  const [shownFor, setShownFor] = useState<string | null>();
  const [busy, setBusy] = useState<'show' | 'refresh'>();
  const resumes = account?.resumes ?? [];

  const show = async (id: string | null) => {
    setBusy('show');
    try {
      const result = await client.invoke('profile.resumeContent', { resumeHhId: id });
      if (report(result)) {
        setContent(result.value);
        setShownFor(id);
      }
    } finally {
      setBusy(undefined);
    }
  };

  const choose = async (id: string) => {
    const before = chosen;
    setChosen({ resumeHhId: id });
    const result = await client.invoke('profile.setResume', { resumeHhId: id });
    if (!report(result)) return setChosen(before);
    if (shownFor !== undefined) await show(id);
  };

  const refresh = async () => {
    if (!resumeHhId) return;
    setBusy('refresh');
    try {
      const result = await client.invoke('profile.refreshResume', { resumeHhId });
      if (report(result)) {
        setContent(result.value);
        setShownFor(resumeHhId);
        await reloadAccount();
      }
    } finally {
      setBusy(undefined);
    }
  };

  const changedAt = content
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(content.updatedAt),
      )
    : '';

  return (
    <section className="card" aria-labelledby="resume-card-title" data-testid="resume-card">
      <h2 id="resume-card-title">{t('settings.resume.title')}</h2>
      <p className="hint">{t('settings.resume.hint')}</p>
      {account && !account.signedIn ? (
        <div className="row">
          <p className="hint">{t('settings.resume.signIn')}</p>
          <button type="button" className="button" onClick={() => openSettings('account')}>
            {t('settings.resume.openAccount')}
          </button>
        </div>
      ) : null}
      {account?.signedIn && !resumes.length ? <p className="hint">{t('settings.hh.noResumes')}</p> : null}
      {resumes.length ? (
        <fieldset className="setup-choices">
          <legend className="hint">{t('settings.resume.pick')}</legend>
          {resumes.map((resume) => (
            <label key={resume.id} className="check">
              <input type="radio" name="settings-resume" checked={resumeHhId === resume.id} onChange={() => void choose(resume.id)} />
              <span>{resume.title || t('setup.resume.untitled')}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {resumeHhId ? (
        <div className="row">
          <button
            type="button"
            className="button"
            disabled={busy !== undefined}
            onClick={() => void show(resumeHhId)}
            aria-expanded={shownFor !== undefined}
          >
            {busy === 'show' ? t('common.loading') : t('settings.resume.show')}
          </button>
          <button type="button" className="button" disabled={busy !== undefined} onClick={() => void refresh()}>
            {busy === 'refresh' ? t('settings.resume.refreshing') : t('settings.resume.refresh')}
          </button>
        </div>
      ) : null}
      {content ? (
        <>
          <p className="hint" data-testid="resume-changed-at">
            {t('settings.resume.changedAt', { at: changedAt })}
          </p>
          <ResumeFacts content={content} />
        </>
      ) : null}
    </section>
  );
}
