import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Repositories } from '../db/repositories';
import type { Clock, Logger } from '../ports';
import type { HhGateway } from './gateway';

const KEY = 'hh.areas';
/** hh.ru's regions change rarely: the kept copy is read again after a week. */
export const AREAS_REFRESH_MS = 7 * 24 * 60 * 60 * 1000;
const keptSchema = z.object({ fetchedAt: z.string(), areas: z.array(z.unknown()) });

export interface AreasDeps {
  gateway: Pick<HhGateway, 'areas'>;
  repositories: Repositories;
  clock: Clock;
  log: Logger;
  /** The app's resources folder: `hh/areas.json` is the bundled copy. */
  resourcesDir: string;
}

/**
 * hh.ru's area tree for choosing regions by name on every path: hh.ru's public `/areas` (no token),
 * kept and read again weekly; when hh.ru cannot be reached, the kept copy of any age, and without
 * one the bundled copy of the largest places.
 */
export async function areaSource(deps: AreasDeps): Promise<{ areas: unknown[]; from: 'hh' | 'kept' | 'bundled' }> {
  const kept = await deps.repositories.appSettings.get(KEY, keptSchema);
  if (kept && deps.clock.now().getTime() - Date.parse(kept.fetchedAt) < AREAS_REFRESH_MS) return { areas: kept.areas, from: 'kept' };
  try {
    const areas = await deps.gateway.areas();
    await deps.repositories.appSettings.set(KEY, { fetchedAt: deps.clock.now().toISOString(), areas });
    return { areas, from: 'hh' };
  } catch (err) {
    deps.log.warn("hh.ru's regions could not be read; using the copy the app has", {
      error: err instanceof Error ? err.message : String(err),
    });
    if (kept) return { areas: kept.areas, from: 'kept' };
    const bundled = JSON.parse(await readFile(join(deps.resourcesDir, 'hh', 'areas.json'), 'utf8')) as { areas: unknown[] };
    return { areas: bundled.areas, from: 'bundled' };
  }
}
