import { useState } from 'react';
import type { AppErrorValue, ChannelOutput } from '../../../../shared/contract';
import type { LetterValidation } from '../../../../shared/domain/letter';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import { inlineFailure } from '../settings/errors';
import { emptyVacancy, vacancyInput, type LabVacancy } from './labInput';
import type { LabTemplate } from './useLabTemplate';

export type Generated = ChannelOutput<'templates.try'>;

/** The lab's run: one letter for one vacancy, then the user's edits to it checked again. */
export function useLetterLab(template: LabTemplate) {
  const client = useClient();
  const report = useApp((s) => s.report);
  const [resumeId, setResumeId] = useState('');
  const [vacancy, setVacancy] = useState<LabVacancy>(emptyVacancy);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<AppErrorValue>();
  const [output, setOutput] = useState<Generated>();
  const [letter, setLetter] = useState('');
  const [validation, setValidation] = useState<LetterValidation>();

  const generate = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const { templateId, instruction, tone } = template;
      const maxLength = template.length();
      const result = await client.invoke('templates.try', {
        vacancy: vacancyInput(vacancy),
        resumeHhId: resumeId || null,
        templateId: templateId ? Number(templateId) : null,
        // Unsaved edits win over the template's own; empty ones leave it to the template.
        ...(instruction.trim() && { instruction }),
        ...(tone.trim() && { tone }),
        ...(maxLength !== undefined && { maxLength }),
      });
      if (!result.ok) {
        setError(inlineFailure(result, report));
        return;
      }
      setOutput(result.value);
      setLetter(result.value.letter);
      setValidation(result.value.validation);
    } finally {
      setRunning(false);
    }
  };

  const revalidate = async () => {
    const maxLength = template.length();
    const result = await client.invoke('letters.validate', { letter, ...(maxLength !== undefined && { maxLength }) });
    if (result.ok) setValidation(result.value);
    else setError(inlineFailure(result, report));
  };

  return { resumeId, setResumeId, vacancy, setVacancy, running, error, output, letter, setLetter, validation, generate, revalidate };
}
