import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/domain';
import { useApp } from '../../store/useApp';
import { LettersChoice } from './LettersChoice';
import { resumeHtml } from './markdown';
import { ResumeCheck } from './ResumeCheck';
import { useResumeEditor } from './useResumeEditor';

const FORMATS: ExportFormat[] = ['pdf', 'docx', 'md', 'txt'];

/** The finished resume: Markdown beside its preview, what no answer backs, export, and use in letters. */
export function ResumeEditor({ interview, onChange }: { interview: Interview; onChange(next: Interview): void }) {
  const { t } = useTranslation();
  const { draft, setDraft, changed, busy, format, setFormat, said, save, exportFile } = useResumeEditor(interview, onChange);
  const html = useMemo(() => resumeHtml(draft), [draft]);
  const desktop = useApp((s) => s.info?.shell === 'electron');
  const hasGaps = /\[(уточните|fill in)\s*:/i.test(draft);
  // A file with "[уточните: …]" left in it is exported only when the user says so, after reading why.
  const [gapsConfirmed, setGapsConfirmed] = useState(false);
  const [askingGaps, setAskingGaps] = useState(false);
  const onExport = () => {
    if (hasGaps && !gapsConfirmed) return setAskingGaps(true);
    void exportFile();
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

      <ResumeCheck unsupported={interview.unsupported} hasGaps={hasGaps} />

      <div className="row builder-actions">
        <button type="button" className="button" disabled={busy !== undefined || !changed || !draft.trim()} onClick={() => void save()}>
          {t('builder.save')}
        </button>
        <label className="builder-format">
          {t('builder.export')}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((value) => (
              // PDF is printed by the desktop app: here the option says so and cannot be picked.
              <option key={value} value={value} disabled={value === 'pdf' && !desktop}>
                {value === 'pdf' && !desktop ? t('builder.pdfDesktopOnly') : t(`builder.formats.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={busy !== undefined || !draft.trim()} onClick={onExport}>
          {busy === 'export' ? t('builder.exporting') : t('builder.exportButton')}
        </button>
        {said ? (
          <span className="hint" role="status" data-testid="resume-said">
            {said}
          </span>
        ) : null}
      </div>

      {askingGaps ? (
        <div className="work-warning" role="alert" data-testid="export-gaps">
          <p>{t('builder.exportGaps')}</p>
          <div className="row">
            <button
              type="button"
              className="button"
              onClick={() => {
                setGapsConfirmed(true);
                setAskingGaps(false);
                void exportFile();
              }}
            >
              {t('builder.exportAnyway')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setAskingGaps(false)}>
              {t('builder.backToEditing')}
            </button>
          </div>
        </div>
      ) : null}

      <LettersChoice interview={interview} />
    </div>
  );
}
