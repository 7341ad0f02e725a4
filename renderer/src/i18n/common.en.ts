import type { Texts } from './texts';
import type { commonRu } from './common.ru';

export const commonEn = {
  more: 'Show more',
  shown: 'Showing {{shown}} of {{total}}',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  loading: 'Loading…',
  openOnHh: 'Open on hh.ru',
  all: 'All',
} satisfies Texts<typeof commonRu>;
