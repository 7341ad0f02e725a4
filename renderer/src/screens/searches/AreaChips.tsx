import { useTranslation } from 'react-i18next';
import { COMMON_AREAS } from './areas';

/** The regions most searches name, one click each. */
export function AreaChips({ value, onChange }: { value: string[]; onChange: (areas: string[]) => void }) {
  const { t } = useTranslation();
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((a) => a !== id) : [...value, id]);
  return (
    <fieldset className="work-form__wide">
      <legend>{t('searches.form.areas')}</legend>
      <div className="chips">
        {COMMON_AREAS.map((id) => (
          <label key={id} className={value.includes(id) ? 'chip chip--on' : 'chip'}>
            <input type="checkbox" checked={value.includes(id)} onChange={() => toggle(id)} />
            {t(`searches.areaNames.${id}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
