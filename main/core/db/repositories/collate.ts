// SQLite's NOCASE folds only ASCII, so "Бэкенд" would sort before "аналитика": names shown to
// people are ordered here instead, the way a Russian (then English) reader expects.
const collator = new Intl.Collator(['ru', 'en'], { sensitivity: 'base', numeric: true });

/** Sorts in place, stably: equal names keep the order the rows came in. */
export const sortBy = <T>(items: T[], key: (item: T) => string): T[] => items.sort((a, b) => collator.compare(key(a), key(b)));
