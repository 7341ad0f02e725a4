import {
  channels,
  isChannelName,
  type ChannelParsedInput,
  type ChannelName,
  type ChannelOutput,
  type Result,
  fieldIssuesOf,
} from '../../../shared/contract';
import { AppError, toAppError } from '../errors';
import type { Logger } from '../ports';

export type Handlers = {
  [K in ChannelName]: (input: ChannelParsedInput<K>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;
};

/** The handlers of one concern's channels (its file in shared/contract/channels/). */
export type HandlersOf<Specs> = Pick<Handlers, Extract<keyof Specs, ChannelName>>;

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));

/**
 * The single path from any shell (IPC, HTTP) into core: checks the channel, parses the input,
 * runs the handler, and checks the output, so a handler can neither receive malformed data nor
 * leak fields the contract does not name (zod strips unknown keys). Never throws.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  log: Logger,
  redact: <T>(value: T) => T = (value) => value,
): Promise<Result<unknown>> {
  if (!isChannelName(name)) {
    return { ok: false, error: new AppError('unknown_channel', 'The app asked for something it does not know how to do.').toValue() };
  }
  const spec = channels[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: new AppError(
        'invalid_input',
        'Some of the values are not valid: each is said at its field.',
        fieldIssuesOf(parsed.error, rawInput ?? {}),
      ).toValue(),
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      log.error('handler returned a value outside the contract', { channel: name, issues: issuesOf(checked.error) });
      return { ok: false, error: toAppError(new Error('output')).toValue() };
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    const appError = toAppError(err);
    if (appError.code === 'internal') {
      log.error('handler failed', { channel: name, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
    // An error message may quote what an outside service said, and that may echo a token back.
    return { ok: false, error: redact(appError.toValue()) };
  }
}
