/** A segmented radio group: the few-options picker used across Settings. */
export function Choice<T extends string>({
  label,
  name,
  value,
  options,
  optionLabel,
  onChange,
}: {
  label: string;
  name: string;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (option: T) => void;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <label key={option} className={option === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
          <input type="radio" name={name} value={option} checked={option === value} onChange={() => onChange(option)} />
          {optionLabel(option)}
        </label>
      ))}
    </div>
  );
}
