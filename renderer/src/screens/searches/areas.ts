/** The regions offered as chips (Moscow, Saint Petersburg, Russia); other hh.ru area codes are typed in. */
export const COMMON_AREAS = ['1', '2', '113'] as const;
