import { useTranslation } from 'react-i18next';
import { errorText } from '../../format/errorText';
import { knownKey } from '../../i18n/knownKey';
import { aiFields, keyNoteOf, kinds, type IssueOf, type KeyService } from './ai/aiForm';
import { AiKeyField } from './ai/AiKeyField';
import { GigaChatFields } from './ai/GigaChatFields';
import { OpenAiFields } from './ai/OpenAiFields';
import { TestResult } from './ai/TestResult';
import { useAiSettings } from './ai/useAiSettings';
import { Choice } from './Choice';
import { issuesByPath } from './errors';
import { useWizardStep } from '../../hooks/useWizardStep';

/** Settings → AI: GigaChat, an OpenAI-compatible service, or "No AI: my template"; keys; "Test connection". */
export function AiCard() {
  const { t, i18n } = useTranslation();
  const { form, view, busy, saved, saveError, test, onSave, onSaveWithoutOldKey, onTest, changeKind, persist } = useAiSettings();
  const inWizard = useWizardStep(persist);
  if (!view) return null;
  const issues = issuesByPath(saveError);
  // The core's field sentences are English; the Russian card has its own for each field a save can find wrong.
  const issue: IssueOf = (field) => {
    const message = issues[`settings.${field}`];
    const key = knownKey(form.kind === 'openai' ? 'settings.ai.invalid.openai' : 'settings.ai.invalid.gigachat', field);
    return message && key ? t(key) : message;
  };
  // Said next to its fields, a problem needs no sentence of its own under the form.
  const onlyFields =
    saveError?.issues?.length && saveError.issues.every((problem) => aiFields.some((f) => problem.path === `settings.${f}`));
  const models = test?.ok ? test.models : [];
  const keyField = (service: KeyService) => (
    <AiKeyField
      service={service}
      value={form.keys[service]}
      onChange={(value) => form.setKey(service, value)}
      stored={view.keys[service]}
      note={keyNoteOf(form.settings(), view)}
    />
  );

  return (
    <section className="card" aria-labelledby="ai-title" data-testid="ai-settings">
      <h2 id="ai-title">{t('settings.ai.title')}</h2>
      <Choice
        label={t('settings.ai.title')}
        name="ai-kind"
        value={form.kind}
        options={kinds}
        optionLabel={(option) => t(`settings.ai.kinds.${option}`)}
        onChange={changeKind}
      />
      <p className="hint">{t(`settings.ai.kindHints.${form.kind}`)}</p>
      <form noValidate className="form" onSubmit={onSave}>
        {form.kind === 'gigachat' ? (
          <GigaChatFields
            settings={form.gigachat}
            onChange={form.setGigachat}
            insecure={{ onChange: form.setInsecure, confirmed: form.insecureConfirmed, onConfirm: form.setInsecureConfirmed }}
            keyField={keyField('gigachat')}
            models={models}
            issue={issue}
          />
        ) : null}
        {form.kind === 'openai' ? (
          <OpenAiFields settings={form.openai} onChange={form.setOpenai} keyField={keyField('openai')} models={models} issue={issue} />
        ) : null}
        <div className="row">
          {/* In the assistant its "Далее" saves; the test stays, and saves only settings that passed. */}
          {inWizard ? null : (
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('settings.ai.save')}
            </button>
          )}
          {form.kind !== 'template' ? (
            <button type="button" className="button" disabled={busy} onClick={() => void onTest()}>
              {busy ? t('settings.ai.testing') : t('settings.ai.test')}
            </button>
          ) : null}
          {saved ? <span className="hint">{t('settings.ai.saved')}</span> : null}
        </div>
      </form>
      {saveError && !onlyFields ? (
        <p className="status status--bad" role="alert" data-testid="ai-save-error">
          {errorText(t, i18n.language, saveError)}
        </p>
      ) : null}
      {saveError?.code === 'ai_key_address_changed' ? (
        <button type="button" className="button" disabled={busy} onClick={onSaveWithoutOldKey} data-testid="ai-save-without-key">
          {t('settings.ai.saveWithoutOldKey')}
        </button>
      ) : null}
      {test ? <TestResult test={test} /> : null}
    </section>
  );
}
