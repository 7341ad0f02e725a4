import { Notification } from 'electron';
import type { AppNotification, Language } from '../../shared/contract';

/** " And 2 more." when one notification stands for several chats. */
const more = (p: AppNotification['params'], language: Language) => {
  const extra = Number(p.count ?? 1) - 1;
  if (extra <= 0) return '';
  return language === 'ru' ? ` И ещё ${extra}.` : ` And ${extra} more.`;
};

type Texts = Record<AppNotification['kind'], (p: AppNotification['params']) => { title: string; body: string }>;

/** What the OS shows, in the user's language (the window is not needed to read it). */
const texts: Record<Language, Texts> = {
  ru: {
    invitation: (p) => ({
      title: 'Приглашение',
      body: `${p.employer || 'Работодатель'} приглашает вас${p.vacancy ? `: ${p.vacancy}` : ''}.${more(p, 'ru')}`,
    }),
    human_message: (p) => ({
      title: 'Новое сообщение',
      body: `${p.employer || 'Работодатель'} написал вам${p.vacancy ? ` по вакансии «${p.vacancy}»` : ''}.${more(p, 'ru')}`,
    }),
    captcha: () => ({ title: 'hh.ru просит капчу', body: 'Автоматизация приостановлена: откройте приложение и решите капчу.' }),
    limit_reached: () => ({ title: 'Лимит откликов', body: 'Отправка отложена до освобождения лимита; письма ждут в разделе «Письма».' }),
    signed_out: () => ({ title: 'Вход в hh.ru закончился', body: 'Автоматизация приостановлена: войдите в hh.ru снова.' }),
    applications_sent: (p) => ({
      title: 'Отклики отправлены',
      body: `Отправлено откликов: ${p.count ?? 0}${p.search ? ` (поиск «${p.search}»)` : ''}.`,
    }),
  },
  en: {
    invitation: (p) => ({
      title: 'Invitation',
      body: `${p.employer || 'An employer'} invites you${p.vacancy ? `: ${p.vacancy}` : ''}.${more(p, 'en')}`,
    }),
    human_message: (p) => ({
      title: 'New message',
      body: `${p.employer || 'An employer'} wrote to you${p.vacancy ? ` about "${p.vacancy}"` : ''}.${more(p, 'en')}`,
    }),
    captcha: () => ({ title: 'hh.ru asks for a captcha', body: 'The automation is paused: open the app and solve the captcha.' }),
    limit_reached: () => ({ title: 'Application limit', body: 'Sending waits until a slot frees up; the letters wait in Letters.' }),
    signed_out: () => ({ title: 'Signed out of hh.ru', body: 'The automation is paused: sign in to hh.ru again.' }),
    applications_sent: (p) => ({
      title: 'Applications sent',
      body: `${p.count ?? 0} applications sent${p.search ? ` (search "${p.search}")` : ''}.`,
    }),
  },
};

export function notificationText(notification: AppNotification, language: Language): { title: string; body: string } {
  return texts[language][notification.kind](notification.params);
}

/** Shows an OS notification; a click brings the window forward. Silently nothing where the OS has none. */
export function showNotification(notification: AppNotification, language: Language, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const shown = new Notification(notificationText(notification, language));
  shown.on('click', onClick);
  shown.show();
}
