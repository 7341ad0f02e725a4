import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import type { Format } from '../../format/useFormat';
import { LetterStateLine } from './LetterStateLine';
import { useRewrite } from './useRewrite';

/**
 * Rewrite with the AI: an optional short wish, then the new text with its own check beside the old
 * one; only "Replace" keeps it (the old text stays for one undo). Without AI the template is filled again.
 */
export function LetterRewrite({
  view,
  disabled,
  save,
  onReplaced,
  fmt,
}: {
  view: ApplicationView;
  disabled: boolean;
  /** Saves what is typed first: the rewrite starts from the letter as stored. */
  save(): Promise<ApplicationView | undefined>;
  /** The letter as stored after a replace or an undo: the editor shows its text. */
  onReplaced(view: ApplicationView): void;
  fmt: Format;
}) {
  const { t } = useTranslation();
  const [wish, setWish] = useState('');
  const { busy, proposal, rewrite, accept, reject, revert } = useRewrite(view, { save, onReplaced });

  return (
    <section className="letter-rewrite" aria-label={t('letters.rewrite.open')}>
      <div className="row">
        <label className="letter-rewrite__wish">
          <span className="hint">{t('letters.rewrite.wish')}</span>
          <input
            type="text"
            value={wish}
            maxLength={300}
            placeholder={t('letters.rewrite.placeholder')}
            onChange={(e) => setWish(e.target.value)}
          />
        </label>
        <button type="button" className="button" disabled={disabled || busy} onClick={() => void rewrite(wish)}>
          {busy && !proposal ? t('letters.rewrite.going') : t('letters.rewrite.open')}
        </button>
        {view.application.previousLetter && !proposal ? (
          <button type="button" className="button button--ghost" disabled={disabled || busy} onClick={() => void revert()}>
            {t('letters.rewrite.revert')}
          </button>
        ) : null}
      </div>
      {proposal ? (
        <div className="letter-rewrite__proposal" data-testid="rewrite-proposal">
          <p className="hint">{t('letters.rewrite.proposal')}</p>
          {proposal.source === 'template' ? <p className="hint">{t('letters.rewrite.templateNote')}</p> : null}
          <textarea readOnly value={proposal.letter} rows={10} aria-label={t('letters.rewrite.proposal')} />
          <LetterStateLine
            view={{
              ...view,
              application: { ...view.application, letter: proposal.letter, lastError: null },
              validation: proposal.validation,
            }}
            dirty={false}
            fmt={fmt}
          />
          <div className="row">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void accept(proposal.letter)}>
              {t('letters.rewrite.accept')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={reject}>
              {t('letters.rewrite.reject')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
