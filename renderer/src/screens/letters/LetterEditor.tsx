import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import { claimsList } from '../../format/automation';
import type { Format } from '../../format/useFormat';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import { VacancyDetail } from '../vacancies/VacancyDetail';
import type { Budget } from './budget';

/** One letter: edit it, see what stops it, send it within the budget, or apply by hand in hh.ru's own form. */
export function LetterEditor({
  view,
  budget,
  onChange,
  onSent,
  fmt,
}: {
  view: ApplicationView;
  budget?: Budget;
  onChange(view: ApplicationView): void;
  onSent(view: ApplicationView): void;
  fmt: Format;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { application, vacancy, validation } = view;
  const [text, setText] = useState(application.letter);
  const [checking, setChecking] = useState(false);
  const [sending, setSending] = useState(false);
  const saving = useRef<Promise<ApplicationView | undefined> | undefined>(undefined);
  const editable = application.state === 'draft' || application.state === 'approved' || application.state === 'failed';
  const dirty = text !== application.letter;

  const save = async (): Promise<ApplicationView | undefined> => {
    if (saving.current) await saving.current;
    if (text === application.letter) return view;
    const pending = (async () => {
      setChecking(true);
      try {
        const result = await client.invoke('letters.update', { applicationId: application.id, letter: text });
        if (!report(result)) return undefined;
        onChange(result.value);
        return result.value;
      } finally {
        setChecking(false);
      }
    })();
    saving.current = pending;
    try {
      return await pending;
    } finally {
      saving.current = undefined;
    }
  };

  const send = async () => {
    setSending(true);
    try {
      const saved = dirty ? await save() : view;
      if (!saved?.validation.ok) return;
      const result = await client.invoke('letters.send', { applicationId: application.id });
      if (report(result)) onSent(result.value);
    } finally {
      setSending(false);
    }
  };

  const outOfBudget = budget !== undefined && budget.remaining <= 0;
  const [assistUrl, setAssistUrl] = useState<string>();

  /** Assisted apply: hh.ru's own form (in the app's hh.ru window) with the letter filled in. */
  const assist = async () => {
    setSending(true);
    try {
      const saved = dirty ? await save() : view;
      if (!saved) return;
      const result = await client.invoke('letters.assist', { applicationId: application.id });
      if (!report(result)) return;
      if (result.value.outcome === 'applied') onSent(result.value.view);
      if (result.value.outcome === 'open_yourself') {
        // Browser mode: hh.ru in a new tab; the letter goes to the clipboard to paste there.
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        window.open(result.value.url, '_blank', 'noopener');
        setAssistUrl(result.value.url);
      }
    } finally {
      setSending(false);
    }
  };

  const markSent = async () => {
    const result = await client.invoke('letters.markSent', { applicationId: application.id });
    if (report(result)) onSent(result.value);
  };

  return (
    <section className="card work-editor" aria-labelledby="letter-title" data-testid="letter">
      <header className="work-editor__head">
        <div>
          <h2 id="letter-title">
            {vacancy.url ? (
              <a href={vacancy.url} target="_blank" rel="noreferrer" title={t('common.openOnHh')}>
                {vacancy.title}
              </a>
            ) : (
              vacancy.title
            )}
          </h2>
          <p className="hint">{[vacancy.employer.name, vacancy.area.name].filter(Boolean).join(' · ')}</p>
        </div>
        <span className={`badge badge--${application.state}`} data-testid="letter-state">
          {t(`letters.states.${application.state}`)}
        </span>
      </header>

      <div className="work-editor__body">
        <div className="work-editor__letter">
          {application.state === 'sent' && application.sentAt ? (
            <p className="status status--ok" data-testid="sent-at">
              {t('letters.sentAt', { time: fmt.dateTime(application.sentAt) })}
            </p>
          ) : null}
          {application.state === 'sent' && application.confirmation ? (
            <p
              className={application.confirmation === 'confirmed' ? 'hint' : 'work-warning'}
              role="status"
              data-testid="confirmation"
              data-confirmation={application.confirmation}
            >
              {t(`letters.confirmation.${application.confirmation}`, { resume: application.confirmedResumeHhId ?? '' })}
            </p>
          ) : null}
          {application.state === 'failed' && application.lastError ? (
            <p className="status status--bad" role="alert">
              {t('letters.failed', { error: application.lastError })}
            </p>
          ) : null}

          <label className="work-editor__field">
            <span className="visually-hidden">{t('letters.letter')}</span>
            <textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              onBlur={() => void save()}
              readOnly={!editable}
              rows={14}
              aria-label={t('letters.letter')}
              aria-invalid={!validation.ok}
            />
          </label>
          <p className="hint work-editor__count">
            {t('letters.chars', { count: text.length })}
            {dirty ? ` · ${t('letters.unsaved')}` : ''}
          </p>

          {editable ? (
            <>
              {validation.ok ? (
                <p className="status status--ok" data-testid="validation-ok">
                  {t('letters.valid')}
                </p>
              ) : (
                <ul className="work-problems" data-testid="problems" aria-live="polite">
                  {validation.problems.map((problem) => (
                    <li key={problem.code}>{t(`letters.problems.${problem.code}`, { defaultValue: problem.message })}</li>
                  ))}
                </ul>
              )}
              {view.resumeUnread ? (
                <p className="work-warning" role="status" data-testid="resume-unread">
                  {t('letters.resumeUnread')}
                </p>
              ) : null}
              {validation.unsupported.length ? (
                // A warning, not a problem: the claim may be true, and the user may still send the letter.
                <div className="work-warning" role="status" data-testid="unsupported">
                  <p>{t('letters.unsupported.title', { claims: claimsList(t, validation.unsupported) })}</p>
                  <p className="hint">{t('letters.unsupported.autopilot')}</p>
                </div>
              ) : null}
              <div className="row">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={sending || checking || (!validation.ok && !dirty) || outOfBudget}
                  onClick={() => void send()}
                >
                  {sending ? t('letters.sending') : t('letters.send')}
                </button>
                <button type="button" className="button" disabled={checking || sending} onClick={() => void save()}>
                  {checking ? t('letters.checking') : t('letters.check')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={sending || checking}
                  onClick={() => void assist()}
                  title={t('letters.assistHint')}
                >
                  {t('letters.assist')}
                </button>
                {assistUrl ? (
                  <button type="button" className="button" onClick={() => void markSent()} data-testid="mark-sent">
                    {t('letters.markSent')}
                  </button>
                ) : null}
                {outOfBudget && budget ? (
                  <span className="hint" data-testid="budget">
                    {t('letters.budgetEmpty', { time: fmt.dateTime(budget.nextSlotAt) })}
                  </span>
                ) : budget ? (
                  <span className="hint" data-testid="budget">
                    {t('letters.budget', { remaining: budget.remaining, cap: budget.cap })}
                  </span>
                ) : null}
              </div>
            </>
          ) : null}
        </div>
        {/* The vacancy beside the letter (below it on a narrow window), to write with it in view. */}
        <VacancyDetail variant="letter" vacancy={vacancy} />
      </div>
    </section>
  );
}
