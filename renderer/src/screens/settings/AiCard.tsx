import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AiSettings, AppErrorValue } from '../../../../shared/contract';
import { keyTarget } from '../../../../shared/domain/ai-key-address';
import { SecretField } from '../../components/SecretField';
import { errorText } from '../../format/errorText';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { Choice } from './Choice';
import { FieldError, inlineFailure, issuesByPath } from './errors';
import { InsecureWarning } from './InsecureWarning';

type Kind = AiSettings['kind'];
type GigaChatSettings = Extract<AiSettings, { kind: 'gigachat' }>;
type OpenAiSettings = Extract<AiSettings, { kind: 'openai' }>;

const kinds = ['gigachat', 'openai', 'template'] as const satisfies readonly Kind[];
const scopes = ['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP'] as const satisfies readonly GigaChatSettings['scope'][];
const presets = [
  { id: 'openai', url: 'https://api.openai.com/v1' },
  { id: 'openrouter', url: 'https://openrouter.ai/api/v1' },
  { id: 'ollama', url: 'http://localhost:11434/v1' },
  { id: 'lmstudio', url: 'http://localhost:1234/v1' },
] as const;

const defaultGigaChat: GigaChatSettings = {
  kind: 'gigachat',
  scope: 'GIGACHAT_API_PERS',
  model: '',
  authUrl: '',
  baseUrl: '',
  caFile: '',
  insecureSkipVerify: false,
};
const defaultOpenAi: OpenAiSettings = { kind: 'openai', baseUrl: presets[0].url, model: '' };

type TestOutcome = { ok: true; model: string; models: string[] } | { ok: false; error: AppErrorValue };

/** Settings → AI: GigaChat, an OpenAI-compatible service, or "No AI: my template"; keys; "Test connection". */
export function AiCard() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [kind, setKind] = useState<Kind>('template');
  const [gigachat, setGigachat] = useState<GigaChatSettings>(defaultGigaChat);
  const [openai, setOpenai] = useState<OpenAiSettings>(defaultOpenAi);
  const [gigachatKey, setGigachatKey] = useState('');
  /** The user ticked "I understand the risk" for certificate checks off (a stored setting counts as confirmed). */
  const [insecureConfirmed, setInsecureConfirmed] = useState(false);
  const [openaiKey, setOpenaiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<AppErrorValue>();
  const [test, setTest] = useState<TestOutcome>();

  const fill = (stored: AiSettings) => {
    setKind(stored.kind);
    if (stored.kind === 'gigachat') {
      setGigachat({ ...defaultGigaChat, ...stored });
      setInsecureConfirmed(stored.insecureSkipVerify === true);
    }
    if (stored.kind === 'openai') setOpenai(stored);
  };
  const { data: view, setData: setView } = useContract('ai.settings.get', {}, { onLoad: (next) => fill(next.settings) });

  const settings = (): AiSettings => (kind === 'gigachat' ? gigachat : kind === 'openai' ? openai : { kind: 'template' });

  /** Saves the form; true when it worked. `forgetStoredKey`: the user chose to drop the key entered for the old address. */
  const save = async (forgetStoredKey = false): Promise<boolean> => {
    setSaved(false);
    setSaveError(undefined);
    const result = await client.invoke('ai.settings.set', {
      settings: settings(),
      ...(kind === 'gigachat' && gigachatKey.trim() && { gigachatKey }),
      ...(kind === 'openai' && openaiKey.trim() && { openaiKey }),
      ...(forgetStoredKey && { forgetStoredKey }),
      ...(kind === 'gigachat' && gigachat.insecureSkipVerify && { confirmInsecureSkipVerify: insecureConfirmed }),
    });
    if (!result.ok) {
      setSaveError(inlineFailure(result, report));
      return false;
    }
    setView(result.value);
    fill(result.value.settings);
    setGigachatKey('');
    setOpenaiKey('');
    return true;
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setSaved(await save());
    });
  };

  const onSaveWithoutOldKey = () =>
    void run(async () => {
      setSaved(await save(true));
    });

  /** Saves first: the core tests what is stored. */
  const onTest = () =>
    run(async () => {
      setTest(undefined);
      if (!(await save())) return;
      const result = await client.invoke('ai.test', {});
      if (result.ok) {
        setTest({ ok: true, ...result.value });
        return;
      }
      const error = inlineFailure(result, report);
      if (error) setTest({ ok: false, error });
    });

  const changeKind = (next: Kind) => {
    setKind(next);
    setTest(undefined);
    setSaved(false);
    setSaveError(undefined);
  };

  if (!view) return null;
  const issues = issuesByPath(saveError);
  /** Where the saved key of the chosen service was entered for, when the form now names another address. */
  const target = keyTarget(settings());
  const keyAddress = target ? view.keyAddresses[target.service] : undefined;
  const keyElsewhere = target && keyAddress && keyAddress !== target.address ? keyAddress : undefined;
  const keyNote = keyElsewhere ? (
    <p className="status status--bad" data-testid="ai-key-elsewhere">
      {t('settings.ai.keyOtherAddress', { address: keyElsewhere })}
    </p>
  ) : keyAddress ? (
    <span className="hint" data-testid="ai-key-address">
      {t('settings.ai.keyFor', { address: keyAddress })}
    </span>
  ) : null;
  const models = test?.ok ? test.models : [];
  const storedKey = {
    storedPlaceholder: t('settings.ai.keySaved'),
    storedNote: { text: t('settings.ai.keySavedHint'), testId: 'ai-key-saved' },
  };
  const modelField = (value: string, onChange: (model: string) => void, required: boolean) => (
    <label>
      {t('settings.ai.model')}
      {models.length ? (
        <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="ai-model-select">
          {!required ? <option value="">{t('settings.ai.modelDefault')}</option> : null}
          {value && !models.includes(value) ? <option value={value}>{value}</option> : null}
          {models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
      ) : (
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          required={required}
          placeholder={required ? 'gpt-4o-mini' : 'GigaChat-2'}
        />
      )}
      <FieldError message={issues['settings.model']} />
    </label>
  );

  return (
    <section className="card" aria-labelledby="ai-title" data-testid="ai-settings">
      <h2 id="ai-title">{t('settings.ai.title')}</h2>
      <Choice
        label={t('settings.ai.title')}
        name="ai-kind"
        value={kind}
        options={kinds}
        optionLabel={(option) => t(`settings.ai.kinds.${option}`)}
        onChange={changeKind}
      />
      <p className="hint">{t(`settings.ai.kindHints.${kind}`)}</p>
      <form className="form" onSubmit={onSave}>
        {kind === 'gigachat' ? (
          <>
            <SecretField
              label={t('settings.ai.gigachatKey')}
              value={gigachatKey}
              onChange={setGigachatKey}
              stored={view.keys.gigachat}
              placeholder={t('settings.ai.gigachatKeyPlaceholder')}
              {...storedKey}
            />
            {keyNote}
            {gigachat.insecureSkipVerify ? <InsecureWarning /> : null}
            <div>
              <span className="hint">{t('settings.ai.scope')}</span>
              <Choice
                label={t('settings.ai.scope')}
                name="ai-scope"
                value={gigachat.scope}
                options={scopes}
                optionLabel={(option) => t(`settings.ai.scopes.${option}`)}
                onChange={(scope) => setGigachat({ ...gigachat, scope })}
              />
            </div>
            {modelField(gigachat.model ?? '', (model) => setGigachat({ ...gigachat, model }), false)}
            <details className="details">
              <summary>{t('settings.ai.advanced')}</summary>
              <p className="hint">{t('settings.ai.advancedHint')}</p>
              <div className="form">
                <label>
                  {t('settings.ai.authUrl')}
                  <input
                    value={gigachat.authUrl ?? ''}
                    onChange={(e) => setGigachat({ ...gigachat, authUrl: e.target.value })}
                    autoComplete="off"
                    placeholder="https://ngw.devices.sberbank.ru:9443/api/v2/oauth"
                  />
                  <FieldError message={issues['settings.authUrl']} />
                </label>
                <label>
                  {t('settings.ai.gigachatBaseUrl')}
                  <input
                    value={gigachat.baseUrl ?? ''}
                    onChange={(e) => setGigachat({ ...gigachat, baseUrl: e.target.value })}
                    autoComplete="off"
                    placeholder="https://gigachat.devices.sberbank.ru/api/v1"
                  />
                  <FieldError message={issues['settings.baseUrl']} />
                </label>
                <label>
                  {t('settings.ai.caFile')}
                  <input
                    value={gigachat.caFile ?? ''}
                    onChange={(e) => setGigachat({ ...gigachat, caFile: e.target.value })}
                    autoComplete="off"
                    placeholder="/path/to/ca.pem"
                  />
                </label>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={gigachat.insecureSkipVerify ?? false}
                    onChange={(e) => {
                      setGigachat({ ...gigachat, insecureSkipVerify: e.target.checked });
                      setInsecureConfirmed(false);
                    }}
                    data-testid="ai-insecure"
                  />
                  {t('settings.ai.insecure')}
                </label>
                {gigachat.insecureSkipVerify ? (
                  <label className="check check--danger">
                    <input
                      type="checkbox"
                      checked={insecureConfirmed}
                      onChange={(e) => setInsecureConfirmed(e.target.checked)}
                      required
                      data-testid="ai-insecure-confirm"
                    />
                    {t('settings.ai.insecureConfirm')}
                  </label>
                ) : null}
              </div>
            </details>
          </>
        ) : null}
        {kind === 'openai' ? (
          <>
            <label>
              {t('settings.ai.baseUrl')}
              <input
                value={openai.baseUrl}
                onChange={(e) => setOpenai({ ...openai, baseUrl: e.target.value })}
                autoComplete="off"
                required
              />
              <FieldError message={issues['settings.baseUrl']} />
            </label>
            <div className="row" role="group" aria-label={t('settings.ai.presets')}>
              <span className="hint">{t('settings.ai.presets')}:</span>
              {presets.map((preset) => (
                <button
                  key={preset.id}
                  type="button"
                  className="button button--ghost"
                  onClick={() => setOpenai({ ...openai, baseUrl: preset.url })}
                >
                  {t(`settings.ai.presetNames.${preset.id}`)}
                </button>
              ))}
            </div>
            <SecretField
              label={t('settings.ai.openaiKey')}
              value={openaiKey}
              onChange={setOpenaiKey}
              stored={view.keys.openai}
              placeholder={t('settings.ai.openaiKeyPlaceholder')}
              {...storedKey}
            />
            {keyNote}
            {modelField(openai.model, (model) => setOpenai({ ...openai, model }), true)}
          </>
        ) : null}
        <div className="row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('settings.ai.save')}
          </button>
          {kind !== 'template' ? (
            <button type="button" className="button" disabled={busy} onClick={() => void onTest()}>
              {busy ? t('settings.ai.testing') : t('settings.ai.test')}
            </button>
          ) : null}
          {saved ? <span className="hint">{t('settings.ai.saved')}</span> : null}
        </div>
      </form>
      {saveError ? (
        <p className="status status--bad" role="alert" data-testid="ai-save-error">
          {errorText(t, i18n.language, saveError)}
        </p>
      ) : null}
      {saveError?.code === 'ai_key_address_changed' ? (
        <button type="button" className="button" disabled={busy} onClick={onSaveWithoutOldKey} data-testid="ai-save-without-key">
          {t('settings.ai.saveWithoutOldKey')}
        </button>
      ) : null}
      {test ? (
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
      ) : null}
    </section>
  );
}
