import { useTranslation } from 'react-i18next';
import { useContract } from '../../hooks/useContract';

/** The resume the letter is written from; none picked means the first saved one, as the app does. */
export function ResumePicker({ value, onChange }: { value: string; onChange: (resumeId: string) => void }) {
  const { t } = useTranslation();
  const resumes = useContract('hh.status', {}).data?.resumes ?? [];
  return (
    <label>
      {t('settings.lab.resume')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('settings.lab.noResume')}</option>
        {resumes.map((resume) => (
          <option key={resume.id} value={resume.id}>
            {resume.title || resume.id}
          </option>
        ))}
      </select>
    </label>
  );
}
