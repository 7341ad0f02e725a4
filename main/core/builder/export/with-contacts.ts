import type { Profile } from '../../../../shared/domain';

/**
 * The resume as it leaves the app: headed by the user's name and contacts (Settings → Profile)
 * when the text does not already carry them, because an exported resume is read by a person who
 * has to reach its author.
 */
export function withContacts(markdown: string, profile: Pick<Profile, 'name' | 'telegram' | 'email' | 'phone' | 'links'>): string {
  const has = (value: string) => Boolean(value.trim()) && markdown.toLowerCase().includes(value.trim().toLowerCase());
  const contacts = [profile.telegram && `Telegram: ${profile.telegram.trim()}`, profile.email, profile.phone, ...profile.links]
    .map((value) => value.trim())
    .filter((value) => value && !has(value.replace(/^Telegram: /, '')));
  const name = profile.name.trim() && !has(profile.name) ? `# ${profile.name.trim()}` : '';
  const head = [name, contacts.join(' · ')].filter(Boolean).join('\n\n');
  return head ? `${head}\n\n${markdown}` : markdown;
}
