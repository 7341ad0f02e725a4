import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../shared/domain';
import { SearchForm } from '../searches/SearchForm';
import { AiCard } from '../settings/AiCard';
import { HhAccountCard } from '../settings/HhAccountCard';
import { ProfileCard } from '../settings/ProfileCard';
import { useApp } from '../../store/useApp';
import { WizardStepContext, type StepSave } from '../../hooks/useWizardStep';
import { ResumeStep } from './ResumeStep';
import './setup.css';

const STEPS = ['signIn', 'resume', 'profile', 'ai', 'search'] as const;
type Step = (typeof STEPS)[number];

/**
 * The first run: sign in to hh.ru, pick the resume, check the contacts (filled from the account),
 * choose who writes the letters, create the first saved search in Review or Autopilot. "Далее" and
 * "Готово" save the step's form; "Пропустить" moves on without saving, and what was typed stays
 * there for "Назад". Each step lives on in Settings or Searches for later.
 */
export function SetupWizard() {
  const { t } = useTranslation();
  const closeSetup = useApp((s) => s.closeSetup);
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<SavedSearch>();
  const step: Step = STEPS[index]!;
  const last = index === STEPS.length - 1;
  // Each step's form leaves its save here (useWizardStep); steps without a form save nothing.
  const saves = useRef<Partial<Record<Step, StepSave>>>({});
  type Register = (save: StepSave | undefined) => void;
  const registrars = useMemo(
    () =>
      Object.fromEntries(STEPS.map((name): [Step, Register] => [name, (save) => void (saves.current[name] = save)])) as Record<
        Step,
        Register
      >,
    [],
  );
  // A step is mounted when first shown and stays (hidden when not current): going back or skipping loses nothing typed.
  const [visited, setVisited] = useState<ReadonlySet<Step>>(() => new Set([STEPS[0]!]));
  const move = (to: number) => {
    if (to >= STEPS.length) return closeSetup();
    setVisited((seen) => new Set([...seen, STEPS[to]!]));
    setIndex(to);
  };
  /** "Далее" and "Готово": the step's form is saved first; a problem keeps the user on the step, said at its field. */
  const saveAndGo = async () => {
    setBusy(true);
    try {
      if (await (saves.current[step]?.() ?? Promise.resolve(true))) move(index + 1);
    } finally {
      setBusy(false);
    }
  };

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
      <SearchForm onCancel={() => move(index + 1)} onSaved={(list) => setCreated(list.at(-1))} />
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
      {STEPS.filter((name) => visited.has(name)).map((name) => (
        <div key={name} hidden={name !== step} data-testid={`setup-step-${name}`}>
          <WizardStepContext.Provider value={registrars[name]}>{body[name]}</WizardStepContext.Provider>
        </div>
      ))}
      <footer className="row setup__nav">
        {index > 0 ? (
          <button type="button" className="button" disabled={busy} onClick={() => move(index - 1)}>
            {t('setup.back')}
          </button>
        ) : null}
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => move(index + 1)}>
          {t('setup.skip')}
        </button>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void saveAndGo()}>
          {last ? t('setup.finish') : t('setup.next')}
        </button>
      </footer>
    </div>
  );
}
