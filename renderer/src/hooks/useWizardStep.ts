import { createContext, useContext, useEffect, useRef } from 'react';

/** Saves what a step's form holds; false when the form has problems to fix first (said at its fields). */
export type StepSave = () => Promise<boolean>;

/** Set by the first-run assistant around each step: where the step's form leaves its save. */
export const WizardStepContext = createContext<((save: StepSave | undefined) => void) | null>(null);

/**
 * A form inside the first-run assistant hands its save to the assistant's one row of buttons
 * ("Далее" and "Готово" save, so nothing typed is lost) and hides its own. True inside the assistant.
 */
export function useWizardStep(save: StepSave): boolean {
  const register = useContext(WizardStepContext);
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    register?.(() => latest.current());
    // A form that is gone (a search already created) has nothing left to save.
    return () => register?.(undefined);
  }, [register]);
  return register !== null;
}
