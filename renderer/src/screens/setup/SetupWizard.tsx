import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../shared/domain';
import { SearchForm } from '../searches/SearchForm';
import { AiCard } from '../settings/AiCard';
import { HhAccountCard } from '../settings/HhAccountCard';
import { ProfileCard } from '../settings/ProfileCard';
import { useApp } from '../../store/useApp';
import { ResumeStep } from './ResumeStep';
import './setup.css';

const STEPS = ['signIn', 'resume', 'profile', 'ai', 'search'] as const;
type Step = (typeof STEPS)[number];

/**
 * The first run: sign in to hh.ru, pick the resume, check the contacts (filled from the account),
 * choose who writes the letters, create the first saved search in Review or Autopilot. Every step can
 * be skipped; each lives on in Settings or Searches for later.
 */
export function SetupWizard() {
  const { t } = useTranslation();
  const closeSetup = useApp((s) => s.closeSetup);
  const [index, setIndex] = useState(0);
  const [created, setCreated] = useState<SavedSearch>();
  const step: Step = STEPS[index]!;
  const last = index === STEPS.length - 1;
  const next = () => (last ? closeSetup() : setIndex(index + 1));

  const body: Record<Step, ReactNode> = {
    signIn: <HhAccountCard />,
    resume: <ResumeStep />,
    profile: <ProfileCard />,
    ai: <AiCard />,
    search: created ? (
      <section className="card" data-testid="setup-search-done">
        <h2>{t('setup.search.done', { name: created.name })}</h2>
        <p className="hint">{t(created.mode === 'autopilot' ? 'setup.search.autopilot' : 'setup.search.review')}</p>
      </section>
    ) : (
      <SearchForm onCancel={next} onSaved={(list) => setCreated(list.at(-1))} />
    ),
  };

  return (
    <div className="setup" data-testid="setup" data-step={step}>
      <header className="setup__head">
        <div>
          <h1>{t('setup.title')}</h1>
          <p className="hint">{t(`setup.steps.${step}.hint`)}</p>
        </div>
        <button type="button" className="button button--ghost" onClick={closeSetup}>
          {t('setup.close')}
        </button>
      </header>
      <ol className="setup__steps" aria-label={t('setup.progress', { step: index + 1, total: STEPS.length })}>
        {STEPS.map((name, position) => (
          <li
            key={name}
            className={
              position === index ? 'setup__step setup__step--on' : position < index ? 'setup__step setup__step--done' : 'setup__step'
            }
            aria-current={position === index ? 'step' : undefined}
          >
            <span className="setup__number">{position + 1}</span> {t(`setup.steps.${name}.title`)}
          </li>
        ))}
      </ol>
      {body[step]}
      <footer className="row setup__nav">
        {index > 0 ? (
          <button type="button" className="button" onClick={() => setIndex(index - 1)}>
            {t('setup.back')}
          </button>
        ) : null}
        <button type="button" className="button button--ghost" onClick={next}>
          {t('setup.skip')}
        </button>
        <button type="button" className="button button--primary" onClick={next}>
          {last ? t('setup.finish') : t('setup.next')}
        </button>
      </footer>
    </div>
  );
}
