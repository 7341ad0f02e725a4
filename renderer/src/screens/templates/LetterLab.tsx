import { useTranslation } from 'react-i18next';
import { errorText } from '../../format/errorText';
import { knownKey } from '../../i18n/knownKey';
import { issuesByPath } from '../settings/errors';
import type { IssueAt } from './labInput';
import { LabResult } from './LabResult';
import { ResumePicker } from './ResumePicker';
import { SaveTemplate } from './SaveTemplate';
import { TemplateFields } from './TemplateFields';
import { useLabTemplate } from './useLabTemplate';
import { useLetterLab } from './useLetterLab';
import { VacancySource } from './VacancySource';

/** Templates → Letter lab: one letter for one vacancy, with the prompt, validation and tokens in view. */
export function LetterLab() {
  const { t, i18n } = useTranslation();
  const template = useLabTemplate();
  const lab = useLetterLab(template);
  const issues = issuesByPath(lab.error);
  // The core's field sentences are English; the lab has Russian ones for the fields a run can find wrong.
  const issue: IssueAt = (path) => {
    const key = knownKey('settings.lab.invalid', path.replace(/\./g, '_'));
    return key && issues[path] ? t(key) : issues[path];
  };

  return (
    <section className="card" aria-labelledby="lab-title" data-testid="letter-lab">
      <h2 id="lab-title">{t('settings.lab.title')}</h2>
      <p className="hint">{t('settings.lab.hint')}</p>
      <div className="form form--wide">
        <ResumePicker value={lab.resumeId} onChange={lab.setResumeId} />
        <VacancySource value={lab.vacancy} onChange={lab.setVacancy} issue={issue} />
        <TemplateFields template={template} issue={issue} />
        <div className="row">
          <button type="button" className="button button--primary" disabled={lab.running} onClick={() => void lab.generate()}>
            {lab.running ? t('settings.lab.generating') : t('settings.lab.generate')}
          </button>
        </div>
        {lab.error && !lab.error.issues?.length ? (
          <p className="status status--bad" role="alert" data-testid="lab-error">
            {errorText(t, i18n.language, lab.error)}
          </p>
        ) : null}
      </div>
      {lab.output ? (
        <LabResult
          output={lab.output}
          letter={lab.letter}
          onLetter={lab.setLetter}
          validation={lab.validation}
          onRevalidate={() => void lab.revalidate()}
        />
      ) : null}
      <SaveTemplate template={template} />
    </section>
  );
}
