import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract/channels/work';
import type { ApplicationState } from '../../../../shared/domain/application';
import { EmptyState } from '../../components/EmptyState';
import { useApp } from '../../store/app';
import { useFormat, type Format } from '../../format/useFormat';
import { useWorkFocus } from '../../store/workFocus';
import '../work.css';
import './letters.css';

const FILTERS = ['all', 'draft', 'approved', 'failed', 'sent'] as const;
type Filter = (typeof FILTERS)[number];
const statesOf = (filter: Filter): ApplicationState[] => (filter === 'all' ? [] : filter === 'draft' ? ['draft'] : filter === 'sent' ? ['sent', 'sending'] : [filter]);

interface Budget {
  remaining: number;
  cap: number;
  nextSlotAt: string | null;
}

/** Letters and applications: pick one, edit it, see what stops it, send it within the daily budget. */
export function Letters() {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const report = useApp((s) => s.report);
  const go = useApp((s) => s.go);
  const focused = useWorkFocus((s) => s.applicationId);
  const focusLetter = useWorkFocus((s) => s.focusLetter);
  const fmt = useFormat();
  const [filter, setFilter] = useState<Filter>('all');
  const [views, setViews] = useState<ApplicationView[]>();
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<number | undefined>(focused);
  const [budget, setBudget] = useState<Budget>();

  const fetchBudget = useCallback(
    () =>
      client?.invoke('applying.status', {}).then((result) =>
        report(result) ? { remaining: result.value.remaining, cap: result.value.settings.dailyCap, nextSlotAt: result.value.nextSlotAt } : undefined,
      ),
    [client, report],
  );
  const loadBudget = async () => setBudget((await fetchBudget()) ?? budget);

  useEffect(() => {
    if (!client) return;
    let current = true;
    void client.invoke('letters.list', { states: statesOf(filter), limit: 200 }).then((result) => {
      if (!current || !report(result)) return;
      setViews(result.value.items);
      setTotal(result.value.total);
    });
    return () => {
      current = false;
    };
  }, [client, report, filter]);

  useEffect(() => {
    let current = true;
    void fetchBudget()?.then((next) => {
      if (current && next) setBudget(next);
    });
    return () => {
      current = false;
    };
  }, [fetchBudget]);

  // "Write letter" in Vacancies lands here once; the focus is then ours to change.
  useEffect(() => {
    if (focused !== undefined) focusLetter(undefined);
  }, [focused, focusLetter]);

  const replace = (next: ApplicationView) =>
    setViews((list) => (list?.some((v) => v.application.id === next.application.id) ? list.map((v) => (v.application.id === next.application.id ? next : v)) : [next, ...(list ?? [])]));

  const current = views?.find((v) => v.application.id === selected) ?? views?.[0];

  return (
    <div className="work">
      <div className="work__head">
        <h1>{t('work.letters.title')}</h1>
        {budget ? <DailyCapControl cap={budget.cap} onSaved={() => void loadBudget()} /> : null}
      </div>

      {views && !views.length && filter === 'all' ? (
        <EmptyState title={t('work.letters.emptyTitle')} text={t('work.letters.emptyText')}>
          <button type="button" className="button button--primary work__empty-action" onClick={() => go('vacancies')}>
            {t('work.letters.emptyAction')}
          </button>
        </EmptyState>
      ) : (
        <>
          <div className="segmented work-filter" role="radiogroup" aria-label={t('work.letters.filterLabel')}>
            {FILTERS.map((value) => (
              <label key={value} className={filter === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
                <input type="radio" name="letters-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
                {value === 'all' ? t('work.common.all') : t(`work.letters.states.${value}`)}
              </label>
            ))}
          </div>
          {!views ? (
            <p className="hint">{t('work.common.loading')}</p>
          ) : !views.length ? (
            <p className="hint work-nothing">{t('work.letters.nothingInState')}</p>
          ) : (
            <div className="work-split">
              <ul className="work-picker" data-testid="letters" aria-label={t('work.letters.title')}>
                {views.map((view) => (
                  <li key={view.application.id}>
                    <button
                      type="button"
                      className={view.application.id === current?.application.id ? 'work-pick work-pick--on' : 'work-pick'}
                      aria-current={view.application.id === current?.application.id ? 'true' : undefined}
                      onClick={() => setSelected(view.application.id)}
                    >
                      <span className="work-pick__title">{view.vacancy.title}</span>
                      <span className="work-pick__sub">
                        <span className="hint">{view.vacancy.employer.name}</span>
                        <span className={`badge badge--${view.application.state}`}>{t(`work.letters.states.${view.application.state}`)}</span>
                      </span>
                    </button>
                  </li>
                ))}
                {views.length < total ? <li className="hint work-pick__more">{t('work.common.shown', { shown: views.length, total })}</li> : null}
              </ul>
              {current ? (
                <LetterEditor
                  key={current.application.id}
                  view={current}
                  budget={budget}
                  onChange={replace}
                  onSent={(view) => {
                    replace(view);
                    void loadBudget();
                  }}
                  fmt={fmt}
                />
              ) : (
                <p className="hint">{t('work.letters.pick')}</p>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function LetterEditor({
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
  const client = useApp((s) => s.client);
  const report = useApp((s) => s.report);
  const { application, vacancy, validation } = view;
  const [text, setText] = useState(application.letter);
  const [checking, setChecking] = useState(false);
  const [sending, setSending] = useState(false);
  const saving = useRef<Promise<ApplicationView | undefined> | undefined>(undefined);
  const editable = application.state === 'draft' || application.state === 'approved' || application.state === 'failed';
  const dirty = text !== application.letter;

  const save = async (): Promise<ApplicationView | undefined> => {
    if (!client) return undefined;
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
    if (!client) return;
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
    if (!client) return;
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
    if (!client) return;
    const result = await client.invoke('letters.markSent', { applicationId: application.id });
    if (report(result)) onSent(result.value);
  };

  return (
    <section className="card work-editor" aria-labelledby="letter-title" data-testid="letter">
      <header className="work-editor__head">
        <div>
          <h2 id="letter-title">
            {vacancy.url ? (
              <a href={vacancy.url} target="_blank" rel="noreferrer" title={t('work.common.openOnHh')}>
                {vacancy.title}
              </a>
            ) : (
              vacancy.title
            )}
          </h2>
          <p className="hint">{[vacancy.employer.name, vacancy.area.name].filter(Boolean).join(' · ')}</p>
        </div>
        <span className={`badge badge--${application.state}`} data-testid="letter-state">
          {t(`work.letters.states.${application.state}`)}
        </span>
      </header>

      {application.state === 'sent' && application.sentAt ? (
        <p className="status status--ok" data-testid="sent-at">
          {t('work.letters.sentAt', { time: fmt.dateTime(application.sentAt) })}
        </p>
      ) : null}
      {application.state === 'failed' && application.lastError ? (
        <p className="status status--bad" role="alert">
          {t('work.letters.failed', { error: application.lastError })}
        </p>
      ) : null}

      <label className="work-editor__field">
        <span className="visually-hidden">{t('work.letters.letter')}</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void save()}
          readOnly={!editable}
          rows={14}
          aria-label={t('work.letters.letter')}
          aria-invalid={!validation.ok}
        />
      </label>
      <p className="hint work-editor__count">
        {t('work.letters.chars', { count: text.length })}
        {dirty ? ` · ${t('work.letters.unsaved')}` : ''}
      </p>

      {editable ? (
        <>
          {validation.ok ? (
            <p className="status status--ok" data-testid="validation-ok">
              {t('work.letters.valid')}
            </p>
          ) : (
            <ul className="work-problems" data-testid="problems" aria-live="polite">
              {validation.problems.map((problem) => (
                <li key={problem.code}>{t(`work.letters.problems.${problem.code}`, { defaultValue: problem.message })}</li>
              ))}
            </ul>
          )}
          <div className="row">
            <button
              type="button"
              className="button button--primary"
              disabled={sending || checking || (!validation.ok && !dirty) || outOfBudget}
              onClick={() => void send()}
            >
              {sending ? t('work.letters.sending') : t('work.letters.send')}
            </button>
            <button type="button" className="button" disabled={checking || sending} onClick={() => void save()}>
              {checking ? t('work.letters.checking') : t('work.letters.check')}
            </button>
            <button type="button" className="button" disabled={sending || checking} onClick={() => void assist()} title={t('work.letters.assistHint')}>
              {t('work.letters.assist')}
            </button>
            {assistUrl ? (
              <button type="button" className="button" onClick={() => void markSent()} data-testid="mark-sent">
                {t('work.letters.markSent')}
              </button>
            ) : null}
            {outOfBudget && budget ? (
              <span className="hint" data-testid="budget">{t('work.letters.budgetEmpty', { time: fmt.dateTime(budget.nextSlotAt) })}</span>
            ) : budget ? (
              <span className="hint" data-testid="budget">{t('work.letters.budget', { remaining: budget.remaining, cap: budget.cap })}</span>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

/** The user's own daily limit (hh.ru's ceiling is about 200 in 24 hours; healthy accounts use far fewer). */
function DailyCapControl({ cap, onSaved }: { cap: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const client = useApp((s) => s.client);
  const report = useApp((s) => s.report);
  const [value, setValue] = useState(String(cap));
  const [problem, setProblem] = useState<string>();

  const save = async () => {
    if (!client) return;
    const result = await client.invoke('applying.setSettings', { dailyCap: Number(value) });
    if (result.ok) {
      setProblem(undefined);
      onSaved();
    } else if (result.error.code === 'invalid_input') setProblem(result.error.issues?.[0]?.message ?? result.error.message);
    else report(result);
  };

  return (
    <form
      className="row work-cap"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        {t('work.letters.dailyCap')}{' '}
        <input type="number" min={1} max={200} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={Boolean(problem)} data-testid="daily-cap" />
      </label>
      <button type="submit" className="button button--small">
        {t('work.letters.saveCap')}
      </button>
      {problem ? <span className="status status--bad">{problem}</span> : null}
    </form>
  );
}
