import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationStatus } from '../../../../../shared/contract';
import { useClient } from '../../../hooks/useClient';
import { usePending } from '../../../hooks/usePending';
import { useApp } from '../../../store/useApp';

type Which = 'raise' | 'bots';

/** Raising the resumes and answering bots' questionnaires: each on or off by itself. */
export function AutomationSwitches({ status, onStatus }: { status: AutomationStatus; onStatus: (status: AutomationStatus) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const { run, pending } = usePending();
  // A switch shows the user's choice at once; the core's answer then confirms it, or the old value comes back.
  const [choosing, setChoosing] = useState<{ raise?: boolean; bots?: boolean }>({});
  const toggle = (which: Which, enabled: boolean) =>
    run(which, async () => {
      setChoosing((current) => ({ ...current, [which]: enabled }));
      try {
        const result =
          which === 'raise'
            ? await client.invoke('automation.setRaiseResumes', { enabled })
            : await client.invoke('automation.setAnswerBots', { enabled });
        if (report(result)) onStatus(result.value);
      } finally {
        setChoosing((current) => ({ ...current, [which]: undefined }));
      }
    });

  const switches = [
    { which: 'raise', on: status.raiseResumes, label: 'raiseResumes', hint: 'raiseResumesHint' },
    { which: 'bots', on: status.answerBots, label: 'answerBots', hint: 'answerBotsHint' },
  ] as const;
  return (
    <div className="automation-switches">
      {switches.map(({ which, on, label, hint }) => (
        <div key={which}>
          <label className="check automation-switch">
            <input
              type="checkbox"
              role="switch"
              checked={choosing[which] ?? on}
              disabled={pending(which)}
              onChange={(e) => void toggle(which, e.target.checked)}
            />
            <span>{t(`settings.automation.${label}`)}</span>
          </label>
          <p className="hint">{t(`settings.automation.${hint}`)}</p>
        </div>
      ))}
    </div>
  );
}
