import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The search box keeps what is typed to itself: a keystroke re-renders this input only, and the
 * list hears of it once typing pauses (the debounced query), not on every key.
 */
export const SearchBox = memo(function SearchBox({ onQuery }: { onQuery(query: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onQuery(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text, onQuery]);
  return (
    <input
      type="search"
      id="vacancy-search"
      className="work-search-box"
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder={t('vacancies.searchPlaceholder')}
      aria-label={t('vacancies.searchLabel')}
      maxLength={200}
    />
  );
});
