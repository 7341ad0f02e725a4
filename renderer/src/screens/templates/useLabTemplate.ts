import { useState } from 'react';
import type { LetterTemplate } from '../../../../shared/domain/letter-template';
import { useContract } from '../../hooks/useContract';
import { lengthOf } from './labInput';

/**
 * What the lab writes with: a saved template (the default one at first) whose instruction, tone and
 * length fill the form, where they can be changed without touching the template.
 */
export function useLabTemplate() {
  const [templateId, setTemplateId] = useState('');
  const [instruction, setInstruction] = useState('');
  const [tone, setTone] = useState('');
  const [maxLength, setMaxLength] = useState('2000');

  const pick = (id: string, list: LetterTemplate[]) => {
    setTemplateId(id);
    const template = list.find((item) => String(item.id) === id);
    if (!template) return;
    setInstruction(template.instruction);
    setTone(template.tone);
    setMaxLength(String(template.maxLength));
  };

  const { data: loaded, setData: setTemplates } = useContract(
    'templates.list',
    {},
    {
      onLoad: (list) => {
        const preferred = list.find((template) => template.isDefault);
        if (preferred) pick(String(preferred.id), list);
      },
    },
  );

  return {
    /** Undefined until the list is in: "No template" before then would read as "you have none". */
    loaded,
    setTemplates,
    templateId,
    setTemplateId,
    pick,
    instruction,
    setInstruction,
    tone,
    setTone,
    maxLength,
    setMaxLength,
    length: () => lengthOf(maxLength),
  };
}

export type LabTemplate = ReturnType<typeof useLabTemplate>;
