import { useTranslation } from 'react-i18next';
import type { Budget } from './budget';

/** The letter's buttons (send, check, apply by hand, mark sent) and what is left of the day's budget. */
export function LetterActions({
  canSend,
  sending,
  checking,
  budget,
  assisted,
  onSend,
  onCheck,
  onAssist,
  onMarkSent,
}: {
  /** The letter passed its check, or has edits the check has not seen yet. */
  canSend: boolean;
  sending: boolean;
  checking: boolean;
  budget: Budget | undefined;
  /** hh.ru's form was opened in the browser: the user may now say they applied there. */
  assisted: boolean;
  onSend(): void;
  onCheck(): void;
  onAssist(): void;
  onMarkSent(): void;
}) {
  const { t } = useTranslation();
  const outOfBudget = budget !== undefined && budget.remaining <= 0;
  // Send and Apply stay on while a check is on its way: pressing one leaves the letter's field, which starts that
  // check, and a button turned off under the pointer would swallow the click. Both wait for the save anyway.
  return (
    <div className="row">
      <button type="button" className="button button--primary" disabled={sending || !canSend || outOfBudget} onClick={onSend}>
        {sending ? t('letters.sending') : t('letters.send')}
      </button>
      <button type="button" className="button" disabled={checking || sending} onClick={onCheck}>
        {checking ? t('letters.checking') : t('letters.check')}
      </button>
      <button type="button" className="button" disabled={sending} onClick={onAssist} title={t('letters.assistHint')}>
        {t('letters.assist')}
      </button>
      {assisted ? (
        <button type="button" className="button" onClick={onMarkSent} data-testid="mark-sent">
          {t('letters.markSent')}
        </button>
      ) : null}
      {/* An empty budget is the letter's state line (it blocks Send); what is left is said here. */}
      {budget && !outOfBudget ? (
        <span className="hint" data-testid="budget">
          {t('letters.budget', { remaining: budget.remaining, cap: budget.cap })}
        </span>
      ) : null}
    </div>
  );
}
