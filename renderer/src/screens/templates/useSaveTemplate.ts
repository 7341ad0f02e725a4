import { useState } from 'react';
import type { AppErrorValue } from '../../../../shared/contract';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import { inlineFailure } from '../settings/errors';
import type { LabTemplate } from './useLabTemplate';

/** "Save as template": the lab's instruction, tone and length under a new name, then picked in the list. */
export function useSaveTemplate(template: LabTemplate) {
  const client = useClient();
  const report = useApp((s) => s.report);
  const [name, setName] = useState('');
  const [error, setError] = useState<AppErrorValue>();
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setSaved(false);
    setError(undefined);
    const maxLength = template.length();
    const result = await client.invoke('templates.save', {
      template: { name, instruction: template.instruction, tone: template.tone, ...(maxLength !== undefined && { maxLength }) },
    });
    if (!result.ok) {
      setError(inlineFailure(result, report));
      return;
    }
    template.setTemplates(result.value);
    // The newest of that name is the one just saved.
    const created = result.value.filter((item) => item.name === name.trim()).sort((a, b) => b.id - a.id)[0];
    if (created) template.setTemplateId(String(created.id));
    setSaved(true);
  };

  return { name, setName, error, saved, save };
}
