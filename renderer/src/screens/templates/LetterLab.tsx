import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue, ChannelInput, ChannelOutput } from '../../../../shared/contract';
import { letterTemplatePlaceholders, type LetterProblem, type LetterValidation } from '../../../../shared/domain/letter';
import type { LetterTemplate } from '../../../../shared/domain/letter-template';
import { errorText } from '../../format/errorText';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { knownKey } from '../../i18n/knownKey';
import { useApp } from '../../store/useApp';
import { Choice } from '../settings/Choice';
import { FieldError, inlineFailure, issuesByPath } from '../settings/errors';

type Source = 'hh' | 'text';
type Generated = ChannelOutput<'letters.lab.generate'>;
const sources = ['hh', 'text'] as const satisfies readonly Source[];

/** The details a problem's English sentence carries: the blanks left ("{foo}") or the contacts block to add back. */
function problemDetail(problem: LetterProblem): string | undefined {
  if (problem.code === 'placeholder') {
    const quoted = [...problem.message.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    return quoted.length ? quoted.join(', ') : undefined;
  }
  if (problem.code === 'missing_contacts') return problem.message.split('\n').slice(1).join('\n') || undefined;
  return undefined;
}

/** Templates → Letter lab: one letter for one vacancy, with the prompt, validation and tokens in view. */
export function LetterLab() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [resumeId, setResumeId] = useState('');
  const [source, setSource] = useState<Source>('text');
  const [idOrUrl, setIdOrUrl] = useState('');
  const [title, setTitle] = useState('');
  const [employer, setEmployer] = useState('');
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [instruction, setInstruction] = useState('');
  const [tone, setTone] = useState('');
  const [maxLength, setMaxLength] = useState('2000');
  const [templateName, setTemplateName] = useState('');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<AppErrorValue>();
  const [output, setOutput] = useState<Generated>();
  const [letter, setLetter] = useState('');
  const [validation, setValidation] = useState<LetterValidation>();
  const [saveError, setSaveError] = useState<AppErrorValue>();
  const [savedTemplate, setSavedTemplate] = useState(false);

  const pickTemplate = (id: string, list: LetterTemplate[]) => {
    setTemplateId(id);
    const template = list.find((item) => String(item.id) === id);
    if (!template) return;
    setInstruction(template.instruction);
    setTone(template.tone);
    setMaxLength(String(template.maxLength));
  };

  const resumes = useContract('hh.status', {}).data?.resumes ?? [];
  const { data: loadedTemplates, setData: setTemplates } = useContract(
    'letters.templates.list',
    {},
    {
      onLoad: (list) => {
        const preferred = list.find((template) => template.isDefault);
        if (preferred) pickTemplate(String(preferred.id), list);
      },
    },
  );
  const templates = loadedTemplates ?? [];

  const lengthValue = (): number | undefined => (maxLength.trim() ? Number(maxLength) : undefined);

  const generate = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const input: ChannelInput<'letters.lab.generate'> = {
        vacancy: source === 'hh' ? { source: 'hh', idOrUrl } : { source: 'text', title, employer, text },
        resumeHhId: resumeId || null,
        templateId: templateId ? Number(templateId) : null,
        ...(instruction.trim() && { instruction }),
        ...(tone.trim() && { tone }),
        ...(lengthValue() !== undefined && { maxLength: lengthValue() }),
      };
      const result = await client.invoke('letters.lab.generate', input);
      if (!result.ok) {
        setError(inlineFailure(result, report));
        return;
      }
      setOutput(result.value);
      setLetter(result.value.letter);
      setValidation(result.value.validation);
    } finally {
      setRunning(false);
    }
  };

  const revalidate = async () => {
    const result = await client.invoke('letters.validate', { letter, ...(lengthValue() !== undefined && { maxLength: lengthValue() }) });
    if (result.ok) setValidation(result.value);
    else setError(inlineFailure(result, report));
  };

  const saveTemplate = async () => {
    setSavedTemplate(false);
    setSaveError(undefined);
    const result = await client.invoke('letters.templates.save', {
      template: { name: templateName, instruction, tone, ...(lengthValue() !== undefined && { maxLength: lengthValue() }) },
    });
    if (!result.ok) {
      setSaveError(inlineFailure(result, report));
      return;
    }
    setTemplates(result.value);
    const created = result.value.filter((template) => template.name === templateName.trim()).sort((a, b) => b.id - a.id)[0];
    if (created) setTemplateId(String(created.id));
    setSavedTemplate(true);
  };

  const issues = issuesByPath(error);
  const saveIssues = issuesByPath(saveError);
  const fieldIssue = (path: string) => {
    const key = knownKey('settings.lab.invalid', path.replace(/\./g, '_'));
    return key && issues[path] ? t(key) : issues[path];
  };

  return (
    <section className="card" aria-labelledby="lab-title" data-testid="letter-lab">
      <h2 id="lab-title">{t('settings.lab.title')}</h2>
      <p className="hint">{t('settings.lab.hint')}</p>
      <div className="form form--wide">
        <label>
          {t('settings.lab.resume')}
          <select value={resumeId} onChange={(e) => setResumeId(e.target.value)}>
            <option value="">{t('settings.lab.noResume')}</option>
            {resumes.map((resume) => (
              <option key={resume.id} value={resume.id}>
                {resume.title || resume.id}
              </option>
            ))}
          </select>
        </label>
        <div>
          <span className="hint">{t('settings.lab.vacancy')}</span>
          <Choice
            label={t('settings.lab.vacancy')}
            name="lab-source"
            value={source}
            options={sources}
            optionLabel={(option) => t(`settings.lab.sources.${option}`)}
            onChange={setSource}
          />
        </div>
        {source === 'hh' ? (
          <label>
            {t('settings.lab.idOrUrl')}
            <input
              value={idOrUrl}
              onChange={(e) => setIdOrUrl(e.target.value)}
              placeholder="https://hh.ru/vacancy/123456"
              autoComplete="off"
            />
            <FieldError message={fieldIssue('vacancy.idOrUrl')} />
          </label>
        ) : (
          <>
            <label>
              {t('settings.lab.vacancyTitle')}
              <input value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
              <FieldError message={fieldIssue('vacancy.title')} />
            </label>
            <label>
              {t('settings.lab.employer')}
              <input value={employer} onChange={(e) => setEmployer(e.target.value)} autoComplete="off" />
            </label>
            <label>
              {t('settings.lab.vacancyText')}
              <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} />
              <FieldError message={fieldIssue('vacancy.text')} />
            </label>
          </>
        )}
        <label>
          {t('settings.lab.template')}
          <select value={templateId} onChange={(e) => pickTemplate(e.target.value, templates)} data-testid="lab-template">
            {/* "No template" before the list is in would read as "you have none". */}
            <option value="">{loadedTemplates ? t('settings.lab.noTemplate') : t('loading')}</option>
            {templates.map((template) => (
              <option key={template.id} value={String(template.id)}>
                {template.isDefault ? t('settings.lab.defaultTemplate', { name: template.name }) : template.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.lab.instruction')}
          <textarea
            rows={5}
            value={instruction}
            onChange={(e) => setInstruction(e.target.value)}
            placeholder={t('settings.lab.instructionPlaceholder')}
          />
          <span className="hint">
            {t('settings.lab.instructionHint', { placeholders: letterTemplatePlaceholders.map((p) => `{${p.name}}`).join(' ') })}
          </span>
          <FieldError message={fieldIssue('instruction')} />
        </label>
        <label>
          {t('settings.lab.tone')}
          <input
            value={tone}
            onChange={(e) => setTone(e.target.value)}
            placeholder={t('settings.lab.tonePlaceholder')}
            autoComplete="off"
          />
        </label>
        <label>
          {t('settings.lab.maxLength')}
          <input type="number" min={100} max={10000} step={100} value={maxLength} onChange={(e) => setMaxLength(e.target.value)} />
          <FieldError message={fieldIssue('maxLength')} />
        </label>
        <div className="row">
          <button type="button" className="button button--primary" disabled={running} onClick={() => void generate()}>
            {running ? t('settings.lab.generating') : t('settings.lab.generate')}
          </button>
        </div>
        {error && !error.issues?.length ? (
          <p className="status status--bad" role="alert" data-testid="lab-error">
            {errorText(t, i18n.language, error)}
          </p>
        ) : null}
      </div>

      {output ? (
        <div data-testid="lab-output">
          <h3>{t('settings.lab.letter')}</h3>
          <div className="form form--wide">
            <label>
              <span className="hint">{t('settings.lab.letterHint', { vacancy: output.vacancyTitle })}</span>
              <textarea rows={12} value={letter} onChange={(e) => setLetter(e.target.value)} aria-label={t('settings.lab.letter')} />
            </label>
            <div className="row">
              <button type="button" className="button" onClick={() => void revalidate()}>
                {t('settings.lab.revalidate')}
              </button>
              <span className="hint">{t('settings.lab.length', { chars: letter.length })}</span>
            </div>
          </div>
          <div data-testid="lab-validation">
            {validation?.ok ? (
              <p className="status status--ok">{t('settings.lab.valid')}</p>
            ) : validation ? (
              <>
                <p className="status status--bad">{t('settings.lab.invalidLetter')}</p>
                <ul className="list">
                  {validation.problems.map((problem) => {
                    const detail = problemDetail(problem);
                    return (
                      <li key={problem.code} data-code={problem.code}>
                        {i18n.language === 'en'
                          ? problem.message
                          : t(`settings.lab.problems.${problem.code}`, { defaultValue: problem.message })}
                        {detail && i18n.language !== 'en' ? (
                          problem.code === 'placeholder' ? (
                            ` ${detail}`
                          ) : (
                            <pre className="pre">{detail}</pre>
                          )
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </div>
          <div className="numbers" data-testid="lab-usage">
            <span>
              {t('settings.lab.model')}: <strong>{output.source === 'template' ? t('settings.lab.templateSource') : output.model}</strong>
            </span>
            <span>
              {t('settings.lab.promptTokens')}: <strong>{output.usage.promptTokens}</strong>
            </span>
            <span>
              {t('settings.lab.completionTokens')}: <strong>{output.usage.completionTokens}</strong>
            </span>
            <span>
              {t('settings.lab.totalTokens')}: <strong>{output.usage.totalTokens}</strong>
            </span>
          </div>
          <details className="details">
            <summary>{output.source === 'template' ? t('settings.lab.templateUsed') : t('settings.lab.prompt')}</summary>
            <pre className="pre" data-testid="lab-prompt">
              {output.prompt}
            </pre>
          </details>
        </div>
      ) : null}

      <details className="details">
        <summary>{t('settings.lab.saveTitle')}</summary>
        <p className="hint">{t('settings.lab.saveHint')}</p>
        <div className="form">
          <label>
            {t('settings.lab.templateName')}
            <input value={templateName} onChange={(e) => setTemplateName(e.target.value)} autoComplete="off" />
            <FieldError
              message={
                saveIssues['template.name']
                  ? t('settings.lab.invalid.template_name', { defaultValue: saveIssues['template.name'] })
                  : undefined
              }
            />
          </label>
          <FieldError
            message={
              saveIssues['template.instruction']
                ? t('settings.lab.invalid.instruction', { defaultValue: saveIssues['template.instruction'] })
                : undefined
            }
          />
          <FieldError
            message={
              saveIssues['template.maxLength']
                ? t('settings.lab.invalid.maxLength', { defaultValue: saveIssues['template.maxLength'] })
                : undefined
            }
          />
          <div className="row">
            <button type="button" className="button" onClick={() => void saveTemplate()}>
              {t('settings.lab.saveTemplate')}
            </button>
            {savedTemplate ? <span className="hint">{t('settings.lab.templateSaved')}</span> : null}
          </div>
        </div>
      </details>
    </section>
  );
}
