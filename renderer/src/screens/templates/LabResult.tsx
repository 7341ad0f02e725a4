import { useTranslation } from 'react-i18next';
import type { LetterValidation } from '../../../../shared/domain/letter';
import { LabValidation } from './LabValidation';
import type { Generated } from './useLetterLab';

/** The lab's letter (editable, checked again on demand), its check, the model and tokens, and the prompt or template used. */
export function LabResult({
  output,
  letter,
  onLetter,
  validation,
  onRevalidate,
}: {
  output: Generated;
  letter: string;
  onLetter: (letter: string) => void;
  validation: LetterValidation | undefined;
  onRevalidate: () => void;
}) {
  const { t } = useTranslation();
  const fromTemplate = output.source === 'template';
  return (
    <div data-testid="lab-output">
      <h3>{t('settings.lab.letter')}</h3>
      <div className="form form--wide">
        <label>
          <span className="hint">{t('settings.lab.letterHint', { vacancy: output.vacancyTitle })}</span>
          <textarea rows={12} value={letter} onChange={(e) => onLetter(e.target.value)} aria-label={t('settings.lab.letter')} />
        </label>
        <div className="row">
          <button type="button" className="button" onClick={onRevalidate}>
            {t('settings.lab.revalidate')}
          </button>
          <span className="hint">{t('settings.lab.length', { chars: letter.length })}</span>
        </div>
      </div>
      <LabValidation validation={validation} />
      <div className="numbers" data-testid="lab-usage">
        <span>
          {t('settings.lab.model')}: <strong>{fromTemplate ? t('settings.lab.templateSource') : output.model}</strong>
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
        <summary>{fromTemplate ? t('settings.lab.templateUsed') : t('settings.lab.prompt')}</summary>
        <pre className="pre" data-testid="lab-prompt">
          {output.prompt}
        </pre>
      </details>
    </div>
  );
}
