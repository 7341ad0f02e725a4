import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';

/** The vacancy the letter is for (a link to it on hh.ru), its employer and area, and the letter's state. */
export function LetterHead({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const { application, vacancy } = view;
  return (
    <header className="work-editor__head">
      <div>
        <h2 id="letter-title">
          {vacancy.url ? (
            <a href={vacancy.url} target="_blank" rel="noreferrer" title={t('common.openOnHh')}>
              {vacancy.title}
            </a>
          ) : (
            vacancy.title
          )}
        </h2>
        <p className="hint">{[vacancy.employer.name, vacancy.area.name].filter(Boolean).join(' · ')}</p>
      </div>
      <span className={`badge badge--${application.state}`} data-testid="letter-state">
        {t(`letters.states.${application.state}`)}
      </span>
    </header>
  );
}
