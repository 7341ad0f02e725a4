import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import { claimsList } from '../../format/automation';
import { failureText } from '../../format/errorText';
import type { Format } from '../../format/useFormat';
import type { Budget } from './budget';
import { stateLine } from './stateLine';

const CLASS = { ok: 'status status--ok', warn: 'status status--warn', bad: 'status status--bad' } as const;

/** One line per unsent letter, coloured by its severity, the blocking reason first (stateLine.ts); the problems listed under it. */
export function LetterStateLine({ view, budget, dirty, fmt }: { view: ApplicationView; budget?: Budget; dirty: boolean; fmt: Format }) {
  const { t, i18n } = useTranslation();
  const { kind, severity } = stateLine(view, { budget, dirty });
  const { validation, application } = view;
  const text =
    kind === 'limit'
      ? t('letters.line.limit', { time: fmt.dateTime(budget?.nextSlotAt ?? null) })
      : kind === 'unsupported'
        ? t('letters.line.unsupported', { claims: claimsList(t, validation.unsupported) })
        : kind === 'failed' || kind === 'putBack'
          ? t(`letters.line.${kind}`, { error: failureText(t, i18n.language, application) })
          : t(`letters.line.${kind}`);
  return (
    <>
      <p className={CLASS[severity]} role="status" aria-live="polite" data-testid="letter-line" data-kind={kind} data-severity={severity}>
        {text}
      </p>
      {kind === 'unsupported' ? <p className="hint">{t('letters.line.unsupportedHint')}</p> : null}
      {!validation.ok && !dirty ? (
        <ul className="work-problems" data-testid="problems">
          {validation.problems.map((problem) => (
            <li key={problem.code}>{t(`letters.problems.${problem.code}`, { defaultValue: problem.message })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
