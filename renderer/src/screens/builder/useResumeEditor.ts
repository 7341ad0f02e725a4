import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/domain';
import { useClient } from '../../hooks/useClient';
import { useApp } from '../../store/useApp';
import { download } from './download';
import { draftOf, keepDraft } from './drafts';

/**
 * The resume's Markdown as edited (kept as a draft while the window is open), saving it, and saving
 * it as a file; `said` is the last of these outcomes in words.
 */
export function useResumeEditor(interview: Interview, onChange: (next: Interview) => void) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [draft, setDraftState] = useState(() => draftOf(interview.id, 'resume') ?? interview.markdown ?? '');
  const setDraft = (next: string) => {
    setDraftState(next);
    keepDraft(interview.id, 'resume', next === interview.markdown ? undefined : next);
  };
  const [busy, setBusy] = useState<'save' | 'export'>();
  // PDF is printed by the desktop app only: elsewhere the first choice is one that works.
  const desktop = useApp((s) => s.info?.shell === 'electron');
  const [format, setFormat] = useState<ExportFormat>(desktop ? 'pdf' : 'docx');
  const [said, setSaid] = useState<string>();
  const changed = draft !== (interview.markdown ?? '');

  const save = async () => {
    setBusy('save');
    setSaid(undefined);
    try {
      const sent = draft;
      const result = await client.invoke('builder.saveResume', { id: interview.id, markdown: sent });
      if (report(result)) {
        onChange(result.value);
        setSaid(t('builder.saved'));
        // What was typed while it saved stays a draft; what was saved is no longer one.
        keepDraft(interview.id, 'resume', draftOf(interview.id, 'resume') === sent ? undefined : draftOf(interview.id, 'resume'));
      }
    } finally {
      setBusy(undefined);
    }
  };

  const exportFile = async () => {
    setBusy('export');
    setSaid(undefined);
    try {
      // What is exported is what is saved: unsaved edits are saved (and checked) first.
      if (changed) {
        const sent = draft;
        const saved = await client.invoke('builder.saveResume', { id: interview.id, markdown: sent });
        if (!report(saved)) return;
        onChange(saved.value);
        if (draftOf(interview.id, 'resume') === sent) keepDraft(interview.id, 'resume', undefined);
      }
      const result = await client.invoke('builder.export', { id: interview.id, format });
      if (!report(result)) return;
      const file = result.value;
      if (file.saved === 'download') {
        download(file.fileName, file.mime, file.base64);
        setSaid(t('builder.downloaded', { name: file.fileName }));
      } else setSaid(file.saved === 'file' ? t('builder.exported', { path: file.path }) : t('builder.exportCancelled'));
    } finally {
      setBusy(undefined);
    }
  };

  return { draft, setDraft, changed, busy, format, setFormat, said, save, exportFile };
}
