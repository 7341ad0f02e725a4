import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../shared/domain/search';
import { issuesByField } from '../../format/issueText';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import { areasWrong, inputOf, type SearchDraft } from './searchDraft';

/**
 * Saving the search form: the core's checks said at their fields in the reader's language (the
 * browser's own bubbles are off), a search with words and no name named after its words.
 */
export function useSearchSave(search: SavedSearch | undefined, draft: SearchDraft, onSaved: (list: SavedSearch[]) => void) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Record<string, string>>({});

  /** Saves the search; true when it worked. */
  const persist = async (): Promise<boolean> => {
    if (areasWrong(draft)) return false;
    setBusy(true);
    try {
      const input = inputOf(draft, search?.filters);
      const named = input.name.trim() ? input : { ...input, name: input.filters.text?.slice(0, 100) ?? '' };
      const result = await client.invoke('searches.save', { ...(search && { id: search.id }), search: named });
      if (!result.ok && result.error.code === 'invalid_input' && result.error.issues?.length) {
        setIssues(issuesByField(t, result.error));
        return false;
      }
      setIssues({});
      if (!report(result)) return false;
      onSaved(result.value);
      return true;
    } finally {
      setBusy(false);
    }
  };

  return { busy, issues, persist };
}
