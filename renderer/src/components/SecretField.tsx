/**
 * A key or secret the core keeps in its vault. A stored one is never sent back to the page, so the
 * field stays empty and says that one is stored; leaving it empty keeps it.
 */
export function SecretField({
  label,
  value,
  onChange,
  stored,
  storedPlaceholder,
  placeholder = '',
  required = false,
  storedNote,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  stored: boolean;
  storedPlaceholder: string;
  placeholder?: string;
  required?: boolean;
  storedNote?: { text: string; testId: string };
}) {
  return (
    <>
      <label>
        {label}
        <input
          type="password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          placeholder={stored ? storedPlaceholder : placeholder}
          required={required}
        />
      </label>
      {stored && storedNote ? (
        <span className="hint" data-testid={storedNote.testId}>
          {storedNote.text}
        </span>
      ) : null}
    </>
  );
}
