import { UNAVAILABLE, unavailableCode } from './unavailable';
import type { HhCapability, HhOperation, HhTransportId, SearchFilters } from '../../../shared/domain';
import { hhOperations } from '../../../shared/domain';
import type { Logger } from '../ports';
import { HhError } from './errors';
import { collectSearch } from './search';
import type { ApplyInput, ApplyOutcome, HhTransport, SearchQuery, SendMessageInput } from './transport';
import { say } from '../errors';

/**
 * The only door to hh.ru. Each operation goes to the first transport that can serve it; a transport
 * hh.ru refuses for an operation ("not allowed for this application") is remembered as refused for
 * it, and the next one is tried. Callers never know which path answered.
 */
export class HhGateway {
  readonly #refused = new Map<string, string>();
  readonly #servedBy = new Map<HhOperation, HhTransportId>();

  constructor(
    private readonly transports: HhTransport[],
    private readonly log: Logger,
    /** Where refusals are kept between runs, so the app does not rediscover them at every start. */
    private readonly memory?: { load(): Promise<Record<string, string>>; save(refusals: Record<string, string>): Promise<void> },
    /** How the user signs in with this shell, for the message when no path is left. */
    private readonly signInAdvice: string = UNAVAILABLE.sign_in_in_window,
  ) {}

  async restore(): Promise<void> {
    for (const [key, reason] of Object.entries((await this.memory?.load()) ?? {})) this.#refused.set(key, reason);
  }

  #remember(): void {
    void this.memory
      ?.save(Object.fromEntries(this.#refused))
      .catch((err: unknown) => this.log.warn('could not keep the routing decisions', { error: String(err) }));
  }

  /**
   * Forgets every remembered refusal and asks each transport what hh.ru refuses it now (at sign-in
   * and on "refresh"), so an API hh.ru opens again is used again without signing out. A transport
   * that cannot be probed is simply tried again; a refusal then is learned anew.
   */
  async probe(signal?: AbortSignal): Promise<void> {
    this.#refused.clear();
    for (const transport of this.transports) {
      if (!transport.probe) continue;
      try {
        const refusals = await transport.probe(signal);
        for (const [operation, reason] of Object.entries(refusals)) this.#refused.set(`${transport.id}:${operation}`, reason);
      } catch (err) {
        this.log.warn('could not probe an hh.ru transport', { transport: transport.id, error: String(err) });
      }
    }
    this.#remember();
  }

  async capabilities(): Promise<HhCapability[]> {
    return Promise.all(
      hhOperations.map(async (operation) => {
        const unavailable: HhCapability['unavailable'] = [];
        let transport: HhTransportId | null = null;
        for (const candidate of this.transports) {
          const reason = await this.#reason(candidate, operation);
          if (reason === null && transport === null) transport = candidate.id;
          else if (reason !== null) unavailable.push({ transport: candidate.id, code: unavailableCode(reason), reason });
        }
        return { operation, transport, unavailable };
      }),
    );
  }

  /** Which path answered this operation last (recorded with each application sent). */
  servedBy(operation: HhOperation): HhTransportId | undefined {
    return this.#servedBy.get(operation);
  }

  /** Forgets remembered refusals, e.g. after signing in with another application. */
  resetRefusals(): void {
    this.#refused.clear();
    this.#remember();
  }

  async #reason(transport: HhTransport, operation: HhOperation): Promise<string | null> {
    return this.#refused.get(`${transport.id}:${operation}`) ?? (await transport.unavailableReason(operation));
  }

  async #route<T>(operation: HhOperation, call: (transport: HhTransport) => Promise<T>): Promise<T> {
    return (await this.#routeVia(operation, call)).result;
  }

  /** #route, and which transport answered: a caller recording the outcome names the path that did it, not the last one any call used. */
  async #routeVia<T>(
    operation: HhOperation,
    call: (transport: HhTransport) => Promise<T>,
  ): Promise<{ result: T; transport: HhTransportId }> {
    const reasons: string[] = [];
    for (const transport of this.transports) {
      const reason = await this.#reason(transport, operation);
      if (reason !== null) {
        reasons.push(`${transport.id}:${unavailableCode(reason) === 'other' ? reason : unavailableCode(reason)}`);
        continue;
      }
      try {
        const result = await call(transport);
        this.#servedBy.set(operation, transport.id);
        return { result, transport: transport.id };
      } catch (err) {
        if (!(err instanceof HhError) || err.code !== 'hh_forbidden_for_app') throw err;
        const refusal = 'hh.ru refuses this operation for third-party applications';
        this.#refused.set(`${transport.id}:${operation}`, refusal);
        this.#remember();
        this.log.warn('hh.ru refused an operation for this transport; trying the next one', { operation, transport: transport.id });
        reasons.push(`${transport.id}:refused_for_apps`);
      }
    }
    const advice = unavailableCode(this.signInAdvice) === 'other' ? this.signInAdvice : unavailableCode(this.signInAdvice);
    // The advice closes the sentence; a reason that says the same is not said twice.
    const others = reasons.filter((pair) => !pair.endsWith(`:${advice}`));
    throw new HhError(
      'hh_login_required',
      // Codes, so the window says each reason in the user's language (hhReasonsText).
      others.length ? say('hh.noPath', { reasons: others.join(';'), advice }) : say('hh.signInFirst', { advice }),
      { status: 0 },
      {
        next: { kind: 'sign_in' },
        details: { operation },
      },
    );
  }

  me = (signal?: AbortSignal) => this.#route('me', (t) => t.me(signal));
  resumes = (signal?: AbortSignal) => this.#route('resumes', (t) => t.resumes(signal));
  resume = (id: string, signal?: AbortSignal) => this.#route('resume', (t) => t.resume(id, signal));
  searchVacancies = (query: SearchQuery, signal?: AbortSignal) => this.#route('searchVacancies', (t) => t.searchVacancies(query, signal));
  vacancy = (id: string, signal?: AbortSignal) => this.#route('vacancy', (t) => t.vacancy(id, signal));
  similarVacancies = (resumeId: string, query: SearchQuery, signal?: AbortSignal) =>
    this.#route('similarVacancies', (t) => t.similarVacancies(resumeId, query, signal));
  /** The outcome with the path that sent it (recorded on the letter). */
  apply = async (input: ApplyInput, signal?: AbortSignal): Promise<ApplyOutcome & { transport: HhTransportId }> => {
    const { result, transport } = await this.#routeVia('apply', (t) => t.apply(input, signal));
    return { ...result, transport };
  };
  negotiations = (page: number, signal?: AbortSignal) => this.#route('negotiations', (t) => t.negotiations(page, signal));
  messages = (negotiationId: string, signal?: AbortSignal) => this.#route('messages', (t) => t.messages(negotiationId, signal));
  sendMessage = (input: SendMessageInput, signal?: AbortSignal) => this.#route('sendMessage', (t) => t.sendMessage(input, signal));
  raiseResume = (id: string, signal?: AbortSignal) => this.#route('raiseResume', (t) => t.raiseResume(id, signal));
  hideVacancy = (id: string, signal?: AbortSignal) => this.#route('hideVacancy', (t) => t.hideVacancy(id, signal));
  hideEmployer = (id: string, signal?: AbortSignal) => this.#route('hideEmployer', (t) => t.hideEmployer(id, signal));
  dictionaries = (signal?: AbortSignal) => this.#route('dictionaries', (t) => t.dictionaries(signal));
  areas = (signal?: AbortSignal) => this.#route('areas', (t) => t.areas(signal));

  /** A whole saved search, split past hh.ru's 2000-result depth. */
  collectSearch = (filters: SearchFilters, options: { max: number; now: Date; signal?: AbortSignal }) =>
    collectSearch((query) => this.searchVacancies(query, options.signal), filters, options);
}
