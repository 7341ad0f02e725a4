import { useTranslation } from 'react-i18next';
import type { LetterProblem, LetterValidation } from '../../../../shared/domain/letter';

/** The details a problem's English sentence carries: the blanks left ("{foo}") or the contacts block to add back. */
function problemDetail(problem: LetterProblem): string | undefined {
  if (problem.code === 'placeholder') {
    const quoted = [...problem.message.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    return quoted.length ? quoted.join(', ') : undefined;
  }
  if (problem.code === 'missing_contacts') return problem.message.split('\n').slice(1).join('\n') || undefined;
  return undefined;
}

/** The check of the lab's letter: passed, or each problem in the user's language with what it names. */
export function LabValidation({ validation }: { validation: LetterValidation | undefined }) {
  const { t, i18n } = useTranslation();
  return (
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
                  {i18n.language === 'en' ? problem.message : t(`settings.lab.problems.${problem.code}`, { defaultValue: problem.message })}
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
  );
}
