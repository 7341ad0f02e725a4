import { useEffect, useMemo } from 'react';
import { searchIdOf } from '../format/automation';
import { useContract } from './useContract';

/**
 * Saved searches' names by id, for naming the engine's `search:<id>` jobs. Asked again when a job
 * names a search not known yet (one created since).
 */
export function useSearchNames(jobs: readonly string[]): ReadonlyMap<number, string> | undefined {
  const { data: searches, reload } = useContract('searches.list', {}, { follow: ['searches'] });
  const names = useMemo(() => searches && new Map(searches.map((search) => [search.id, search.name])), [searches]);
  const missing =
    Boolean(names) &&
    jobs.some((job) => {
      const id = searchIdOf(job);
      return id !== undefined && !names?.has(id);
    });
  useEffect(() => {
    if (missing) void reload();
  }, [missing, reload]);
  return names;
}
