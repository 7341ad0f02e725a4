import { useTranslation } from 'react-i18next';
import { Choice } from '../settings/Choice';
import { FieldError } from '../settings/errors';
import { sources, type IssueAt, type LabVacancy } from './labInput';

/** The vacancy to write for: an hh.ru link or number, or its title, employer and text pasted. */
export function VacancySource({ value, onChange, issue }: { value: LabVacancy; onChange: (next: LabVacancy) => void; issue: IssueAt }) {
  const { t } = useTranslation();
  const set = (field: keyof Omit<LabVacancy, 'source'>) => (e: { target: { value: string } }) =>
    onChange({ ...value, [field]: e.target.value });
  return (
    <>
      <div>
        <span className="hint">{t('settings.lab.vacancy')}</span>
        <Choice
          label={t('settings.lab.vacancy')}
          name="lab-source"
          value={value.source}
          options={sources}
          optionLabel={(option) => t(`settings.lab.sources.${option}`)}
          onChange={(source) => onChange({ ...value, source })}
        />
      </div>
      {value.source === 'hh' ? (
        <label>
          {t('settings.lab.idOrUrl')}
          <input value={value.idOrUrl} onChange={set('idOrUrl')} placeholder="https://hh.ru/vacancy/123456" autoComplete="off" />
          <FieldError message={issue('vacancy.idOrUrl')} />
        </label>
      ) : (
        <>
          <label>
            {t('settings.lab.vacancyTitle')}
            <input value={value.title} onChange={set('title')} autoComplete="off" />
            <FieldError message={issue('vacancy.title')} />
          </label>
          <label>
            {t('settings.lab.employer')}
            <input value={value.employer} onChange={set('employer')} autoComplete="off" />
          </label>
          <label>
            {t('settings.lab.vacancyText')}
            <textarea rows={6} value={value.text} onChange={set('text')} />
            <FieldError message={issue('vacancy.text')} />
          </label>
        </>
      )}
    </>
  );
}
