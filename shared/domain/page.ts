/** One page of a long list, as repositories return it and the contract carries it. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
