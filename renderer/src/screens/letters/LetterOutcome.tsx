import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import type { Format } from '../../format/useFormat';
import { useApp } from '../../store/useApp';
import { useWorkFocus } from '../../store/workFocus';

/** What became of a sent letter: when it went, what hh.ru showed after, and where to follow it (the vacancy, its chat). */
export function LetterOutcome({ view, fmt }: { view: ApplicationView; fmt: Format }) {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const focusChat = useWorkFocus((s) => s.focusChat);
  const { application, vacancy, chatId } = view;
  if (application.state !== 'sent') return null;
  return (
    <>
      {application.sentAt ? (
        <p className="status status--ok" data-testid="sent-at">
          {t('letters.sentAt', { time: fmt.dateTime(application.sentAt) })}
        </p>
      ) : null}
      {application.confirmation ? (
        <p
          className={application.confirmation === 'confirmed' ? 'hint' : 'work-warning'}
          role="status"
          data-testid="confirmation"
          data-confirmation={application.confirmation}
        >
          {t(`letters.confirmation.${application.confirmation}`, { resume: application.confirmedResumeHhId ?? '' })}
        </p>
      ) : null}
      <p className="row" data-testid="sent-links">
        {vacancy.url ? (
          <a className="link" href={vacancy.url} target="_blank" rel="noreferrer">
            {t('letters.links.vacancy')}
          </a>
        ) : null}
        {chatId ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              focusChat(chatId);
              go('chats');
            }}
          >
            {t('letters.links.chat')}
          </button>
        ) : null}
      </p>
    </>
  );
}
