import { profileSchema, type HhAccount } from '../../../shared/domain';
import type { Repositories } from '../db/repositories';

/**
 * The first sign-in fills the profile's empty name and email from the hh.ru account, so the first
 * letter does not fail its contacts check for want of what hh.ru already knows. Never overwrites
 * anything the user typed.
 */
export async function prefillProfile(repositories: Repositories, account: HhAccount): Promise<boolean> {
  const profile = await repositories.profile.get();
  const name = profile.name.trim() || [account.firstName, account.lastName].filter(Boolean).join(' ').trim();
  // hh.ru's email only when it is one the profile accepts.
  const fromHh = profileSchema.shape.email.safeParse(account.email ?? '');
  const email = profile.email.trim() || (fromHh.success ? fromHh.data : '');
  if (name === profile.name && email === profile.email) return false;
  await repositories.profile.save({ ...profile, name, email });
  return true;
}
