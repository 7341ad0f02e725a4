import { act } from '@testing-library/react';
import type { ContractClient } from '../../../renderer/src/api/client';
import {
  appErrorSchema,
  channels,
  events,
  type AppErrorValue,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type Result,
} from '../../../shared/contract';

type Handler<K extends ChannelName> = (input: ChannelInput<K>) => Result<ChannelOutput<K>> | Promise<Result<ChannelOutput<K>>>;

/** A reply the test holds back: the screen sits in its loading state until `release` or `fail`. */
export interface Held<K extends ChannelName> {
  /** Resolves once the screen has asked, so a test can wait for the request itself. */
  asked: Promise<ChannelInput<K>>;
  release(value: ChannelOutput<K>): Promise<void>;
  fail(error: AppErrorValue): Promise<void>;
}

/**
 * The contract client a screen gets in component tests. Every answer is parsed by the channel's own
 * output schema, so a fixture that drifts from the contract fails the test where it is set, not as a
 * puzzling render. A channel with no handler throws: a screen asking for something the test did not
 * expect is a finding, not something to paper over with a default.
 */
export class FakeClient {
  private readonly handlers = new Map<ChannelName, Handler<ChannelName>>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  readonly calls: { name: ChannelName; input: unknown }[] = [];

  /** Answers the channel with this value, every time it is asked. */
  ok<K extends ChannelName>(name: K, value: ChannelOutput<K>): this {
    const parsed = parseOutput(name, value);
    return this.on(name, () => ({ ok: true, value: parsed }));
  }

  /** Fails the channel with this error, every time it is asked. */
  fail<K extends ChannelName>(name: K, error: AppErrorValue): this {
    const parsed = appErrorSchema.parse(error);
    return this.on(name, () => ({ ok: false, error: parsed }));
  }

  /** Holds the next (and every later) request on the channel until the test answers it. */
  hold<K extends ChannelName>(name: K): Held<K> {
    let answer!: (result: Result<ChannelOutput<K>>) => void;
    const reply = new Promise<Result<ChannelOutput<K>>>((resolve) => (answer = resolve));
    let asked!: (input: ChannelInput<K>) => void;
    const wasAsked = new Promise<ChannelInput<K>>((resolve) => (asked = resolve));
    this.on(name, (input) => {
      asked(input);
      return reply;
    });
    // act() flushes the renders the answer causes before the test looks again.
    const settle = (result: Result<ChannelOutput<K>>) => act(async () => answer(result));
    return {
      asked: wasAsked,
      release: (value) => settle({ ok: true, value: parseOutput(name, value) }),
      fail: (error) => settle({ ok: false, error: appErrorSchema.parse(error) }),
    };
  }

  /** Answers with whatever the function returns, e.g. a value that depends on the input. */
  on<K extends ChannelName>(name: K, handler: Handler<K>): this {
    this.handlers.set(name, handler as unknown as Handler<ChannelName>);
    return this;
  }

  /** What the screen asked of one channel, oldest first. */
  inputs<K extends ChannelName>(name: K): ChannelInput<K>[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.input as ChannelInput<K>);
  }

  /** Sends an event from main, as the engine would; the payload is checked against the contract. */
  async emit<K extends EventName>(name: K, payload: EventPayload<K>): Promise<void> {
    const parsed = events[name].parse(payload);
    await act(async () => this.listeners.get(name)?.forEach((listener) => listener(parsed)));
  }

  /** The object the screen's providers take. */
  readonly client: ContractClient = {
    transport: 'ipc',
    invoke: async <K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>> => {
      this.calls.push({ name, input });
      const handler = this.handlers.get(name);
      if (!handler) throw new Error(`The screen asked "${name}", which this test gives no answer for`);
      return (await handler(input as ChannelInput<ChannelName>)) as Result<ChannelOutput<K>>;
    },
    on: <K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) => {
      const set = this.listeners.get(name) ?? new Set();
      this.listeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

function parseOutput<K extends ChannelName>(name: K, value: ChannelOutput<K>): ChannelOutput<K> {
  const result = channels[name].output.safeParse(value);
  if (!result.success) throw new Error(`The fixture for "${name}" does not match the contract:\n${result.error.message}`);
  return result.data as ChannelOutput<K>;
}
