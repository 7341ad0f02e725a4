/** Another language's texts for the reference (Russian) ones: the same keys, any wording. */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? readonly string[] : Texts<T[K]> };
