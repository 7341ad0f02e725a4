import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../shared/domain';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';

type LettersMode = 'none' | 'alongside' | 'instead';

/** Whether letters lean on this resume: not at all, beside the hh.ru resume, or instead of it. */
export function LettersChoice({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { data: lettersResume, setData: setLettersResume } = useContract('builder.lettersResume', {});
  const mode: LettersMode = lettersResume?.interviewId === interview.id ? lettersResume.mode : 'none';

  const choose = async (next: LettersMode) => {
    const result = await client.invoke('builder.setLettersResume', {
      choice: next === 'none' ? null : { interviewId: interview.id, mode: next },
    });
    if (report(result)) setLettersResume(result.value);
  };

  return (
    <fieldset className="builder-letters">
      <legend>{t('builder.forLetters')}</legend>
      <p className="hint">{t('builder.forLettersHint')}</p>
      {interview.unsupported.length ? (
        <p className="status status--warn" data-testid="letters-unchecked">
          {t('builder.forLettersUnchecked')}
        </p>
      ) : null}
      <div className="segmented" role="radiogroup">
        {(['none', 'alongside', 'instead'] as const).map((value) => (
          <label key={value} className={mode === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
            <input
              type="radio"
              name={`letters-resume-${interview.id}`}
              value={value}
              checked={mode === value}
              onChange={() => void choose(value)}
            />
            {t(`builder.forLettersModes.${value}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
