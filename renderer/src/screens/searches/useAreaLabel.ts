import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../../shared/contract';
import { useContract } from '../../hooks/useContract';
import { knownKey } from '../../i18n/knownKey';

/** Every region of hh.ru's tree by its id. */
function namesOf(areas: Area[], out = new Map<string, string>()): Map<string, string> {
  for (const area of areas) {
    out.set(area.id, area.name);
    namesOf(area.areas, out);
  }
  return out;
}

/**
 * A search's regions as words: by its name in the user's language, else by hh.ru's own name from its
 * tree, else its code (quiet: without the tree, codes are shown).
 */
export function useAreaLabel(): (areas: string[]) => string {
  const { t } = useTranslation();
  const { data: areaTree } = useContract('hh.areas', {}, { quiet: true });
  const areaNames = useMemo(() => namesOf(areaTree ?? []), [areaTree]);
  return (areas) =>
    areas.length
      ? areas
          .map((id) => {
            const key = knownKey('searches.areaNames', id);
            return key ? t(key) : (areaNames.get(id) ?? id);
          })
          .join(', ')
      : t('searches.anyArea');
}
