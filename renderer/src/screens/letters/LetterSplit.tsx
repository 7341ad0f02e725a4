import { useTranslation } from 'react-i18next';
import type { ApplicationView } from '../../../../shared/contract';
import type { Format } from '../../format/useFormat';
import type { Budget } from './budget';
import { LetterEditor } from './LetterEditor';
import { LetterPicker } from './LetterPicker';
import type { BulkLetters } from './useBulkLetters';

/** The list of letters (each with its box for bulk actions) beside the one open. */
export function LetterSplit({
  views,
  total,
  current,
  onPick,
  bulk,
  budget,
  onChange,
  onSent,
  onGone,
  onRestored,
  fmt,
}: {
  views: ApplicationView[];
  total: number;
  current: ApplicationView | undefined;
  onPick(id: number): void;
  bulk: BulkLetters;
  budget: Budget | undefined;
  onChange(view: ApplicationView): void;
  onSent(view: ApplicationView): void;
  onGone(view: ApplicationView, how: 'discarded' | 'skipped'): void;
  onRestored(view: ApplicationView): void;
  fmt: Format;
}) {
  const { t } = useTranslation();
  return (
    <div className="work-split">
      <LetterPicker
        views={views}
        total={total}
        currentId={current?.application.id}
        onPick={onPick}
        chosen={bulk.chosen}
        onChoose={bulk.toggle}
      />
      {current ? (
        <LetterEditor
          key={current.application.id}
          view={current}
          budget={budget}
          onChange={onChange}
          onSent={onSent}
          onGone={onGone}
          onRestored={onRestored}
          fmt={fmt}
        />
      ) : (
        <p className="hint">{t('letters.pick')}</p>
      )}
    </div>
  );
}
