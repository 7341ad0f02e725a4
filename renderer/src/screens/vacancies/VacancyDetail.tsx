import type { VacancySummary } from '../../../../shared/domain/vacancy';
import { LetterVacancy } from './LetterVacancy';
import { VacancyPane, type DetailActions } from './VacancyPane';

export type { DetailActions };

/**
 * One vacancy in full. `pane` (Vacancies): the facts, the AI score, why the engine set it aside, the
 * actions and the description. `letter` (beside a letter in Letters): title, employer, salary and
 * the description, collapsible.
 */
export function VacancyDetail(
  props:
    | {
        variant: 'pane';
        vacancy: VacancySummary;
        actions: DetailActions;
        blacklisted: boolean;
        focus: 'heading' | 'write' | null;
        onClose(): void;
      }
    | { variant: 'letter'; vacancy: VacancySummary },
) {
  if (props.variant === 'letter') return <LetterVacancy summary={props.vacancy} />;
  const { variant: _pane, vacancy, ...pane } = props;
  return <VacancyPane summary={vacancy} {...pane} />;
}
