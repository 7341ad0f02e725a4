import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import type { Format } from '../../format/useFormat';
import { VacancyDetail } from '../vacancies/VacancyDetail';
import type { Budget } from './budget';
import { LetterActions } from './LetterActions';
import { LetterDiscarded } from './LetterDiscarded';
import { LetterHead } from './LetterHead';
import { LetterOutcome } from './LetterOutcome';
import { LetterRewrite } from './LetterRewrite';
import { LetterSetAside } from './LetterSetAside';
import { LetterStateLine } from './LetterStateLine';
import { useLetterActions } from './useLetterActions';

/** One letter: edit it, see what stops it, send it within the budget, rewrite it, discard it or skip its vacancy. */
export function LetterEditor({
  view,
  budget,
  onChange,
  onSent,
  onGone,
  onRestored,
  fmt,
}: {
  view: ApplicationView;
  budget?: Budget;
  onChange(view: ApplicationView): void;
  onSent(view: ApplicationView): void;
  /** Discarded, or its vacancy skipped: the letter leaves the list. */
  onGone(view: ApplicationView, how: 'discarded' | 'skipped'): void;
  /** A discarded letter brought back: it leaves the list of discarded ones. */
  onRestored(view: ApplicationView): void;
  fmt: Format;
}) {
  const { t } = useTranslation();
  const { application, vacancy, validation } = view;
  const { text, setText, dirty, checking, sending, assistUrl, save, send, assist, markSent } = useLetterActions({ view, onChange, onSent });
  const editable =
    !application.discardedAt && (application.state === 'draft' || application.state === 'approved' || application.state === 'failed');

  return (
    <section className="card work-editor" aria-labelledby="letter-title" data-testid="letter">
      <LetterHead view={view} />

      <div className="work-editor__body">
        <div className="work-editor__letter">
          <LetterOutcome view={view} fmt={fmt} />
          {application.discardedAt ? <LetterDiscarded view={view} onRestored={onRestored} fmt={fmt} /> : null}
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
              <LetterStateLine view={view} budget={budget} dirty={dirty} fmt={fmt} />
              <LetterActions
                canSend={validation.ok || dirty}
                sending={sending}
                checking={checking}
                budget={budget}
                assisted={assistUrl !== undefined}
                onSend={() => void send()}
                onCheck={() => void save()}
                onAssist={() => void assist()}
                onMarkSent={() => void markSent()}
              />
              <LetterRewrite
                view={view}
                disabled={sending}
                save={save}
                onReplaced={(stored) => {
                  setText(stored.application.letter);
                  onChange(stored);
                }}
                fmt={fmt}
              />
              <LetterSetAside view={view} disabled={sending} onGone={onGone} />
            </>
          ) : null}
        </div>
        {/* The vacancy beside the letter (below it on a narrow window), to write with it in view. */}
        <VacancyDetail variant="letter" vacancy={vacancy} />
      </div>
    </section>
  );
}
