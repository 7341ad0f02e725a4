import { useTranslation } from 'react-i18next';
import { errorText } from '../../../format/errorText';
import type { TestOutcome } from './aiForm';

/** What "Test connection" found: the model that answered and how many the service offers, or why it fails. */
export function TestResult({ test }: { test: TestOutcome }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="ai-test-result">
      {test.ok ? (
        <>
          <p className="status status--ok">{t('settings.ai.works', { model: test.model })}</p>
          {test.models.length ? <p className="hint">{t('settings.ai.pickModel', { models: test.models.length })}</p> : null}
        </>
      ) : (
        <p className="status status--bad" role="alert">
          {t('settings.ai.fails')} {errorText(t, i18n.language, test.error)}
        </p>
      )}
    </div>
  );
}
