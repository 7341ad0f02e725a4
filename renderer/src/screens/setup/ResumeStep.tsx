import { useTranslation } from 'react-i18next';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';

/** The resume letters are written with: hh.ru's resumes of the signed-in account, one picked. */
export function ResumeStep() {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: account } = useContract('hh.status', {});
  const { data: chosen, setData: setChosen } = useContract('profile.resume', {});
  const resumes = account?.resumes ?? [];

  // Shown as chosen at once; put back if the core refuses.
  const choose = async (resumeHhId: string) => {
    const before = chosen;
    setChosen({ resumeHhId });
    const result = await client.invoke('profile.setResume', { resumeHhId });
    if (!report(result)) setChosen(before);
  };

  return (
    <section className="card" aria-labelledby="resume-step-title" data-testid="setup-resume">
      <h2 id="resume-step-title">{t('setup.resume.title')}</h2>
      {/* Until the account is in, "no resumes, sign in first" would be a wrong instruction. */}
      {!account ? (
        <p className="hint">{t('loading')}</p>
      ) : resumes.length === 0 ? (
        <p className="hint">{t('setup.resume.none')}</p>
      ) : (
        <fieldset className="setup-choices">
          <legend className="hint">{t('setup.resume.hint')}</legend>
          {resumes.map((resume) => (
            <label key={resume.id} className="check">
              <input type="radio" name="setup-resume" checked={chosen?.resumeHhId === resume.id} onChange={() => void choose(resume.id)} />
              <span>{resume.title || t('setup.resume.untitled')}</span>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
