import { useTranslation } from 'react-i18next';
import { SecretField } from '../../../components/SecretField';
import type { KeyNote, KeyService } from './aiForm';

/**
 * A service's key: typed here, never shown back once stored. Under it, the address the stored key
 * goes to, or, when the form now names another address, that the stored key will not follow.
 */
export function AiKeyField({
  service,
  value,
  onChange,
  stored,
  note,
}: {
  service: KeyService;
  value: string;
  onChange: (value: string) => void;
  stored: boolean;
  note: KeyNote;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SecretField
        label={t(`settings.ai.${service}Key`)}
        value={value}
        onChange={onChange}
        stored={stored}
        placeholder={t(`settings.ai.${service}KeyPlaceholder`)}
        storedPlaceholder={t('settings.ai.keySaved')}
        storedNote={{ text: t('settings.ai.keySavedHint'), testId: 'ai-key-saved' }}
      />
      {note && 'elsewhere' in note ? (
        <p className="status status--bad" data-testid="ai-key-elsewhere">
          {t('settings.ai.keyOtherAddress', { address: note.elsewhere })}
        </p>
      ) : note ? (
        <span className="hint" data-testid="ai-key-address">
          {t('settings.ai.keyFor', { address: note.address })}
        </span>
      ) : null}
    </>
  );
}
