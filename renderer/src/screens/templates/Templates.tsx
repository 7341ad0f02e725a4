import { useTranslation } from 'react-i18next';
import { LetterLab } from './LetterLab';

/** Letter templates and the lab where they are tried: a screen of its own, not a card buried in Settings. */
export function Templates() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('nav.templates')}</h1>
      <LetterLab />
    </>
  );
}
