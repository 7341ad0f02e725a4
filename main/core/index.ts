import type { ChannelName, Result } from '../../shared/contract';
import { AutomationSwitch } from './automation/pause';
import { dispatch, type Handlers } from './contract/dispatch';
import { CoreEvents } from './events';
import type { CorePorts } from './ports';

export type { CorePorts } from './ports';

export interface Core {
  readonly events: CoreEvents;
  readonly automation: AutomationSwitch;
  /** The one way in for shells: validated, never throws. */
  invoke(name: ChannelName | string, input: unknown): Promise<Result<unknown>>;
  dispose(): Promise<void>;
}

/** Builds every service from the ports a shell provides. Plain Node: never imports electron. */
export function createCore(ports: CorePorts): Core {
  const events = new CoreEvents();
  const automation = new AutomationSwitch(ports.preferences, ports.clock, events);

  const handlers: Handlers = {
    'app.info': () => ({ ...ports.identity }),
    'app.ping': ({ message }) => ({ reply: `pong: ${message}`, at: ports.clock.now().toISOString() }),
    'automation.get': () => automation.state(),
    'automation.setPaused': ({ paused }) => automation.setPaused(paused),
    'preferences.get': () => ({ language: ports.preferences.get().language }),
    'preferences.set': (patch) => {
      ports.preferences.set(patch);
      const next = { language: ports.preferences.get().language };
      events.emit('preferences.changed', next);
      return next;
    },
  };

  return {
    events,
    automation,
    invoke: (name, input) => dispatch(handlers, name, input, ports.log),
    dispose: async () => {},
  };
}
