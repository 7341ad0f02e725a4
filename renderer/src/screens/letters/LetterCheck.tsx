import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import { claimsList } from '../../format/automation';

/** What the check found in an editable letter: ready, or the problems that stop it; and what to look at before sending. */
export function LetterCheck({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const { validation } = view;
  return (
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
    </>
  );
}
