import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../format/errorText';
import { issueText } from '../../format/issueText';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';

/** The user's own daily limit (hh.ru's ceiling is about 200 in 24 hours; healthy accounts use far fewer). */
export function DailyCapControl({ cap, onSaved }: { cap: number; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [value, setValue] = useState(String(cap));
  const [problem, setProblem] = useState<string>();

  const save = async () => {
    const result = await client.invoke('applying.setSettings', { dailyCap: Number(value) });
    if (result.ok) {
      setProblem(undefined);
      onSaved();
    } else if (result.error.code === 'invalid_input')
      setProblem(result.error.issues?.[0] ? issueText(t, result.error.issues[0]) : errorText(t, i18n.language, result.error));
    else report(result);
  };

  return (
    <form
      noValidate
      className="row work-cap"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        {t('letters.dailyCap')}{' '}
        <input
          type="number"
          min={1}
          max={200}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={Boolean(problem)}
          data-testid="daily-cap"
        />
      </label>
      <button type="submit" className="button button--small">
        {t('letters.saveCap')}
      </button>
      {problem ? <span className="status status--bad">{problem}</span> : null}
    </form>
  );
}
