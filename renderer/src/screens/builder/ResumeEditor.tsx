import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/domain';
import { useClient } from '../../hooks/useClient';
import { useContract } from '../../hooks/useContract';
import { useApp } from '../../store/useApp';
import { download } from './download';
import { draftOf, keepDraft } from './drafts';
import { resumeHtml } from './markdown';

const FORMATS: ExportFormat[] = ['pdf', 'docx', 'md', 'txt'];
type LettersMode = 'none' | 'alongside' | 'instead';

/** The finished resume: Markdown beside its preview, what no answer backs, export, and use in letters. */
export function ResumeEditor({ interview, onChange }: { interview: Interview; onChange(next: Interview): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const report = useApp((s) => s.report);
  const [draft, setDraftState] = useState(() => draftOf(interview.id, 'resume') ?? interview.markdown ?? '');
  const setDraft = (next: string) => {
    setDraftState(next);
    keepDraft(interview.id, 'resume', next === interview.markdown ? undefined : next);
  };
  const [busy, setBusy] = useState<'save' | 'export'>();
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [said, setSaid] = useState<string>();
  const { data: lettersResume, setData: setLettersResume } = useContract('builder.lettersResume', {});
  const html = useMemo(() => resumeHtml(draft), [draft]);
  const changed = draft !== (interview.markdown ?? '');
  const hasGaps = /\[(уточните|fill in)\b/i.test(draft);
  const mode: LettersMode = lettersResume?.interviewId === interview.id ? lettersResume.mode : 'none';

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

  const chooseForLetters = async (next: LettersMode) => {
    const result = await client.invoke('builder.setLettersResume', {
      choice: next === 'none' ? null : { interviewId: interview.id, mode: next },
    });
    if (report(result)) setLettersResume(result.value);
  };

  return (
    <div className="builder-editor" data-testid="resume-editor">
      <div className="builder-editor__panes">
        <label className="builder-editor__source">
          {t('builder.editor')}
          <textarea value={draft} onChange={(e) => setDraft(e.target.value)} spellCheck maxLength={50_000} />
        </label>
        <section className="builder-editor__preview" aria-label={t('builder.preview')}>
          <h3 className="hint">{t('builder.preview')}</h3>
          {/* Sanitized: markdown-it with raw HTML off, then DOMPurify (see markdown.ts). */}
          <div className="builder-preview" data-testid="resume-preview" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      </div>

      <section
        className={interview.unsupported.length ? 'builder-check builder-check--warn' : 'builder-check'}
        aria-label={t('builder.check')}
        data-testid="resume-check"
      >
        <h3>{t('builder.check')}</h3>
        {interview.unsupported.length ? (
          <>
            <p>{t('builder.checkHint')}</p>
            <ul>
              {interview.unsupported.map((claim) => (
                <li key={`${claim.kind}:${claim.text}`}>
                  <strong>{claim.text}</strong> <span className="hint">({t(`builder.claimKinds.${claim.kind}`)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('builder.checkOk')}</p>
        )}
        {hasGaps ? <p className="hint">{t('builder.gaps')}</p> : null}
      </section>

      <div className="row builder-actions">
        <button type="button" className="button" disabled={busy !== undefined || !changed || !draft.trim()} onClick={() => void save()}>
          {t('builder.save')}
        </button>
        <label className="builder-format">
          {t('builder.export')}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(`builder.formats.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={busy !== undefined || !draft.trim()}
          onClick={() => void exportFile()}
        >
          {busy === 'export' ? t('builder.exporting') : t('builder.exportButton')}
        </button>
        {said ? (
          <span className="hint" role="status" data-testid="resume-said">
            {said}
          </span>
        ) : null}
      </div>

      <fieldset className="builder-letters">
        <legend>{t('builder.forLetters')}</legend>
        <p className="hint">{t('builder.forLettersHint')}</p>
        {interview.unsupported.length ? (
          <p className="status status--warn" data-testid="letters-unchecked">
            {t('builder.forLettersUnchecked')}
          </p>
        ) : null}
        <div className="segmented" role="radiogroup">
          {(['none', 'alongside', 'instead'] as const).map((value) => (
            <label key={value} className={mode === value ? 'segmented__item segmented__item--on' : 'segmented__item'}>
              <input
                type="radio"
                name={`letters-resume-${interview.id}`}
                value={value}
                checked={mode === value}
                onChange={() => void chooseForLetters(value)}
              />
              {t(`builder.forLettersModes.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
