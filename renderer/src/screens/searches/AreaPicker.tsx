import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../../shared/contract';
import { useContract } from '../../hooks/useContract';

interface Place {
  id: string;
  /** "Новосибирск (Новосибирская область)": what the user types and picks. */
  label: string;
}

/** Every region and city of hh.ru's tree, each named with its parent so two Ленинских are told apart. */
function flatten(areas: Area[], parent?: string, out: Place[] = []): Place[] {
  for (const area of areas) {
    out.push({ id: area.id, label: parent ? `${area.name} (${parent})` : area.name });
    flatten(area.areas, area.name, out);
  }
  return out;
}

/**
 * More regions than the chips offer, by name with type-ahead from hh.ru's own tree. When the tree
 * cannot be had (no official API on this path), hh.ru's numeric region codes are typed in instead.
 */
export function AreaPicker({ value, onChange }: { value: string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  // Not worth a banner when missing: the numeric codes below stand in for it.
  const { data: areas, failed } = useContract('hh.areas', {}, { quiet: true });
  const places = useMemo<Place[] | null | undefined>(() => (areas ? flatten(areas) : failed ? null : undefined), [areas, failed]);
  const [typed, setTyped] = useState('');
  const byLabel = useMemo(() => new Map((places ?? []).map((place) => [place.label, place.id])), [places]);
  const byId = useMemo(() => new Map((places ?? []).map((place) => [place.id, place.label])), [places]);
  // Typing filters the list shown under the field; the datalist stays small enough to be quick.
  const matches = useMemo(() => {
    const query = typed.trim().toLowerCase();
    if (!places || query.length < 2) return [];
    return places.filter((place) => place.label.toLowerCase().includes(query)).slice(0, 50);
  }, [places, typed]);

  if (places === null) {
    const text = value.join(', ');
    const ids = (raw: string) =>
      raw
        .split(/[\s,;]+/)
        .map((id) => id.trim())
        .filter(Boolean);
    const invalid = ids(text).some((id) => !/^\d+$/.test(id));
    return (
      <label>
        {t('searches.form.otherAreas')}
        <input defaultValue={text} onChange={(e) => onChange(ids(e.target.value))} placeholder="3, 4" aria-invalid={invalid} />
        {invalid ? <span className="field-error">{t('searches.form.areaError')}</span> : null}
      </label>
    );
  }

  const pick = (label: string) => {
    const id = byLabel.get(label);
    if (!id) return false;
    if (!value.includes(id)) onChange([...value, id]);
    setTyped('');
    return true;
  };

  return (
    <div className="area-picker">
      <label>
        {t('searches.form.moreAreas')}
        <input
          list="area-options"
          value={typed}
          disabled={places === undefined}
          placeholder={places === undefined ? t('common.loading') : t('searches.form.moreAreasPlaceholder')}
          onChange={(e) => {
            if (!pick(e.target.value)) setTyped(e.target.value);
          }}
        />
        <datalist id="area-options">
          {matches.map((place) => (
            <option key={place.id} value={place.label} />
          ))}
        </datalist>
      </label>
      {value.length ? (
        <ul className="chips area-picker__chosen" aria-label={t('searches.form.chosenAreas')}>
          {value.map((id) => (
            <li key={id} className="chip chip--on">
              {byId.get(id) ?? id}
              <button
                type="button"
                className="chip__remove"
                aria-label={t('searches.form.removeArea', { name: byId.get(id) ?? id })}
                onClick={() => onChange(value.filter((other) => other !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
