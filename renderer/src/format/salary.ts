import type { TFunction } from 'i18next';
import type { Salary } from '../../../shared/domain/vacancy';
import type { Format } from './useFormat';

export function salaryText(salary: Salary | null, fmt: Format, t: TFunction) {
  if (!salary || (salary.from === null && salary.to === null)) return t('vacancies.noSalary');
  if (salary.from !== null && salary.to !== null)
    return `${fmt.money(salary.from, salary.currency)} – ${fmt.money(salary.to, salary.currency)}`;
  if (salary.from !== null) return t('vacancies.salaryFrom', { value: fmt.money(salary.from, salary.currency) });
  return t('vacancies.salaryTo', { value: fmt.money(salary.to ?? 0, salary.currency) });
}
