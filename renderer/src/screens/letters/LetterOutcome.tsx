import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../shared/domain/application';
import type { Format } from '../../format/useFormat';
import { failureText } from '../../format/errorText';

/** What became of a sent or failed letter: when it went and what hh.ru showed after, or why it did not go. */
export function LetterOutcome({ application, fmt }: { application: Application; fmt: Format }) {
  const { t, i18n } = useTranslation();
  return (
    <>
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
          {t('letters.failed', { error: failureText(t, i18n.language, application) })}
        </p>
      ) : null}
    </>
  );
}
