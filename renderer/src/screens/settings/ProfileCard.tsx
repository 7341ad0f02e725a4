import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract';
import type { Profile } from '../../../../shared/domain/profile';
import { errorText } from '../../format/errorText';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useWizardStep } from '../../hooks/useWizardStep';
import { useApp } from '../../store/useApp';
import { FieldError, inlineFailure, issuesByPath } from './errors';

type Field = 'name' | 'telegram' | 'email' | 'phone' | 'salaryExpectation';
const fields: { field: Field; type: string; autoComplete: string; placeholder: string }[] = [
  { field: 'name', type: 'text', autoComplete: 'name', placeholder: '' },
  { field: 'telegram', type: 'text', autoComplete: 'off', placeholder: '@username' },
  { field: 'email', type: 'email', autoComplete: 'email', placeholder: 'name@example.com' },
  { field: 'phone', type: 'tel', autoComplete: 'tel', placeholder: '+7 900 000-00-00' },
  { field: 'salaryExpectation', type: 'text', autoComplete: 'off', placeholder: '' },
];

/** Settings → Profile: the details every letter's contacts block is built from. */
export function ProfileCard() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [profile, setProfile] = useState<Omit<Profile, 'links'>>();
  const [links, setLinks] = useState('');
  const [error, setError] = useState<AppErrorValue>();
  const [saved, setSaved] = useState(false);

  const load = (next: Profile) => {
    const { links: nextLinks, ...rest } = next;
    setProfile(rest);
    setLinks(nextLinks.join('\n'));
  };

  useContract('profile.get', {}, { onLoad: load });

  /** Saves the form; true when it worked (or there is nothing loaded to save yet). */
  const persist = async (): Promise<boolean> => {
    if (!profile) return true;
    setSaved(false);
    setError(undefined);
    const list = links
      .split('\n')
      .map((link) => link.trim())
      .filter(Boolean);
    const result = await client.invoke('profile.set', { ...profile, links: list });
    if (!result.ok) {
      setError(inlineFailure(result, report));
      return false;
    }
    load(result.value);
    setSaved(true);
    return true;
  };
  const inWizard = useWizardStep(persist);
  const save = (event: FormEvent) => {
    event.preventDefault();
    void persist();
  };

  if (!profile) return null;
  const issues = issuesByPath(error);
  const issueText = (field: Field | 'links') => issues[field];
  return (
    <section className="card" aria-labelledby="profile-title" data-testid="profile">
      <h2 id="profile-title">{t('settings.profile.title')}</h2>
      <p className="hint">{t('settings.profile.hint')}</p>
      <form className="form" noValidate onSubmit={save}>
        {fields.map(({ field, type, autoComplete, placeholder }) => (
          <label key={field}>
            {t(`settings.profile.${field}`)}
            <input
              type={type}
              name={field}
              value={profile[field]}
              onChange={(e) => setProfile({ ...profile, [field]: e.target.value })}
              autoComplete={autoComplete}
              placeholder={field === 'salaryExpectation' ? t('settings.profile.salaryPlaceholder') : placeholder}
              aria-invalid={Boolean(issues[field])}
            />
            {field === 'salaryExpectation' ? <span className="hint">{t('settings.profile.salaryHint')}</span> : null}
            <FieldError message={issueText(field)} />
          </label>
        ))}
        <label>
          {t('settings.profile.links')}
          <textarea
            name="links"
            rows={3}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
            placeholder="https://github.com/username"
            aria-invalid={Boolean(issues.links)}
          />
          <span className="hint">{t('settings.profile.linksHint')}</span>
          <FieldError message={issueText('links')} />
        </label>
        {/* In the assistant its "Далее" saves: one row of buttons, not two. */}
        {inWizard ? null : (
          <div className="row">
            <button type="submit" className="button button--primary">
              {t('settings.profile.save')}
            </button>
            {saved ? <span className="hint">{t('settings.profile.saved')}</span> : null}
          </div>
        )}
      </form>
      {error && !error.issues?.length ? (
        <p className="status status--bad" role="alert">
          {errorText(t, i18n.language, error)}
        </p>
      ) : null}
    </section>
  );
}
