import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { useContract } from '../../hooks/useContract';
import { BlacklistEmployer } from './BlacklistEmployer';
import { SkipReason, skipShown } from './SkipReason';
import { PaneActions } from './PaneActions';
import { Description, Facts, VacancyTitle } from './VacancyFacts';
import { VacancyScore } from './VacancyScore';

/** What the pane asks of the screen; `busy` says which of a vacancy's actions is under way. */
export interface DetailActions {
  write(vacancy: VacancySummary): void;
  setStatus(vacancy: VacancySummary, status: 'ignored' | 'found'): void;
  blacklist(vacancy: VacancySummary): Promise<boolean>;
  busy(id: number): 'write' | 'status' | undefined;
  openLetter(letterId: number): void;
  openChat(chatId: number): void;
  /** Apply by hand: hh.ru's form (with the letter, if there is one), for a vacancy with the employer's test. */
  assist(vacancy: VacancySummary): void;
  /** The AI scored it from the pane: its row shows the score too. */
  scored(vacancy: VacancySummary, score: number): void;
}

/** The opened vacancy in Vacancies: the facts, the AI score, why the engine set it aside, the actions and the description. */
export function VacancyPane({
  summary,
  actions,
  blacklisted,
  focus,
  onClose,
}: {
  summary: VacancySummary;
  actions: DetailActions;
  blacklisted: boolean;
  /** Where the keyboard goes as the pane opens: its heading, Write letter, or nowhere (a click). */
  focus: 'heading' | 'write' | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { data: vacancy } = useContract('vacancies.get', { id: summary.id });
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const writeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus === 'write' && writeButton.current) writeButton.current.focus();
    else if (focus) heading.current?.focus();
  }, [focus]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };
  return (
    <aside className="vac-detail vac-detail--pane" aria-labelledby={headingId} data-testid="vacancy-detail" onKeyDown={onKeyDown}>
      <header className="vac-detail__head">
        <div>
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            <VacancyTitle summary={summary} />
          </h2>
          <p className="hint">{summary.employer.name}</p>
        </div>
        <button
          type="button"
          className="button button--ghost button--small vac-detail__close"
          onClick={onClose}
          aria-label={t('vacancies.detail.close')}
          title={t('vacancies.detail.close')}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </header>

      <PaneActions
        summary={summary}
        busy={actions.busy(summary.id)}
        onWrite={() => actions.write(summary)}
        onStatus={(status) => actions.setStatus(summary, status)}
        onOpenLetter={actions.openLetter}
        onOpenChat={actions.openChat}
        onAssist={() => actions.assist(summary)}
        writeRef={writeButton}
      />

      <BlacklistEmployer summary={summary} blacklisted={blacklisted} onBlacklist={() => actions.blacklist(summary)} />
      {skipShown(summary) ? <SkipReason vacancy={summary} /> : null}
      <Facts summary={summary} vacancy={vacancy} />
      <VacancyScore id={summary.id} onScored={(score) => actions.scored(summary, score)} />

      <h3 className="vac-detail__label">{t('vacancies.detail.description')}</h3>
      <Description vacancy={vacancy} />
    </aside>
  );
}
