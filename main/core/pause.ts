import type { AutomationState } from '../../shared/contract';
import type { CoreEvents } from './events';
import type { Clock, PreferenceStore } from './ports';

/**
 * Whether the scheduler may act on the user's behalf. Persisted, because a user who paused the
 * automation and restarted the app expects it to stay paused.
 */
export class AutomationSwitch {
  constructor(
    private readonly preferences: PreferenceStore,
    private readonly clock: Clock,
    private readonly events: CoreEvents,
  ) {}

  state(): AutomationState {
    const { automationPaused, automationChangedAt } = this.preferences.get();
    return { paused: automationPaused, changedAt: automationChangedAt };
  }

  setPaused(paused: boolean): AutomationState {
    if (paused === this.state().paused) return this.state();
    this.preferences.set({ automationPaused: paused, automationChangedAt: this.clock.now().toISOString() });
    const next = this.state();
    this.events.emit('automation.changed', next);
    return next;
  }

  toggle(): AutomationState {
    return this.setPaused(!this.state().paused);
  }
}
