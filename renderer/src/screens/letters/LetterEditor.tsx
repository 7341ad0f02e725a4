import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import type { Format } from '../../format/useFormat';
import { VacancyDetail } from '../vacancies/VacancyDetail';
import type { Budget } from './budget';
import { LetterActions } from './LetterActions';
import { LetterCheck } from './LetterCheck';
import { LetterHead } from './LetterHead';
import { LetterOutcome } from './LetterOutcome';
import { useLetterActions } from './useLetterActions';

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
  const { application, vacancy, validation } = view;
  const { text, setText, dirty, checking, sending, assistUrl, save, send, assist, markSent } = useLetterActions({ view, onChange, onSent });
  const editable = application.state === 'draft' || application.state === 'approved' || application.state === 'failed';

  return (
    <section className="card work-editor" aria-labelledby="letter-title" data-testid="letter">
      <LetterHead view={view} />

      <div className="work-editor__body">
        <div className="work-editor__letter">
          <LetterOutcome application={application} fmt={fmt} />
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
              <LetterCheck view={view} />
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
                fmt={fmt}
              />
            </>
          ) : null}
        </div>
        {/* The vacancy beside the letter (below it on a narrow window), to write with it in view. */}
        <VacancyDetail variant="letter" vacancy={vacancy} />
      </div>
    </section>
  );
}
