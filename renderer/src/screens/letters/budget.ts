/** Today's applications left under the user's daily limit, and when the next one may go. */
export interface Budget {
  remaining: number;
  cap: number;
  nextSlotAt: string | null;
}
