import { useCallback, useRef, useState } from 'react';
import { create } from 'zustand';
import type { Salary } from '../../../../shared/domain/vacancy';
import { useApp } from '../../store/app';

/** What one work screen asks another to show (Vacancies → "Write letter" → that letter in Letters). */
export const useWorkFocus = create<{ applicationId?: number; focusLetter(id: number | undefined): void }>((set) => ({
  focusLetter: (applicationId) => set({ applicationId }),
}));

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'ru-RU');

export function useFormat() {
  const language = useApp((s) => s.language);
  return {
    dateTime: (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)) : '',
    date: (iso: string | null | undefined) => (iso ? new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short' }).format(new Date(iso)) : ''),
    money: (value: number, currency: string | null) => {
      const code = currency === 'RUR' || !currency ? 'RUB' : currency;
      try {
        return new Intl.NumberFormat(locale(language), { style: 'currency', currency: code, maximumFractionDigits: 0 }).format(value);
      } catch {
        return `${value} ${currency ?? ''}`.trim();
      }
    },
  };
}

export function salaryText(salary: Salary | null, fmt: ReturnType<typeof useFormat>, t: (key: string, options?: Record<string, unknown>) => string) {
  if (!salary || (salary.from === null && salary.to === null)) return t('work.vacancies.noSalary');
  if (salary.from !== null && salary.to !== null) return `${fmt.money(salary.from, salary.currency)} – ${fmt.money(salary.to, salary.currency)}`;
  if (salary.from !== null) return t('work.vacancies.salaryFrom', { value: fmt.money(salary.from, salary.currency) });
  return t('work.vacancies.salaryTo', { value: fmt.money(salary.to ?? 0, salary.currency) });
}

/** Runs one async action at a time under a key; `pending(key)` drives the progress text and the disabled state. */
export function usePending() {
  const running = useRef(new Set<string>());
  const [keys, setKeys] = useState<ReadonlySet<string>>(() => new Set());
  const run = useCallback(async <T,>(key: string, action: () => Promise<T>): Promise<T | undefined> => {
    if (running.current.has(key)) return undefined;
    running.current.add(key);
    setKeys(new Set(running.current));
    try {
      return await action();
    } finally {
      running.current.delete(key);
      setKeys(new Set(running.current));
    }
  }, []);
  return { run, pending: (key: string) => keys.has(key) };
}
