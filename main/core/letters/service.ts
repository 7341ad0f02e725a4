import { formatErrorMessage, type ApplicationView } from '../../../shared/contract';
import { failureRecord, type Application, type LetterTemplate, type Profile, type Vacancy } from '../../../shared/domain';
import type { AutomationSwitch } from '../pause';
import type { Repositories } from '../db/repositories';
import { APPLIED_STATUSES } from '../db/repositories/applications';
import { isUnfinished } from '../resumes/choice';
import { pickResume, resumeForAi } from '../resumes/for-ai';
import type { ResumeText } from '../ai/text/resume-facts';
import { AppError, say } from '../errors';
import type { HhGateway } from '../hh/gateway';
import type { Pacer } from '../hh/http/pacer';
import type { HhSignInWindow } from '../hh/sign-in-window';
import type { Notices } from '../notices';
import type { Logger } from '../ports';
import { DEFAULT_MAX_LENGTH, validateLetter, writeLetter } from './writing';
import type { TextProvider } from '../ai/provider';
import { requireVacancy, toSummary } from '../vacancies/summary';
import { fullVacancy, settleHhMarks } from '../vacancies/full';
import { sitePages } from '../hh/website/site';
import { isUncertain, arrivalOf } from '../hh/apply-once';
import type { DailyCap } from './daily-cap';
import { recordRefusal } from './failures';
import { refusals } from './refusals';
import { settleSending } from './reconcile';
import { SendingGate } from './sending-gate';

export interface LetterDeps {
  repositories: Repositories;
  gateway: HhGateway;
  provider: () => Promise<TextProvider>;
  cap: DailyCap;
  /** Spaces applications out (by default the user's pause settings, see pacing.ts). */
  pacer: Pacer;
  automation: AutomationSwitch;
  notices: Notices;
  log: Logger;
  /** hh.ru's site (HH_SITE_URL, a proxy or a fake may stand in): where assisted apply opens the form. */
  siteUrl: string;
}

/** What the caller of view() has just read, so it is not read again (a vacancy row carries its whole description). */
interface Known {
  vacancy?: Vacancy;
  template?: LetterTemplate | null;
  profile?: Profile;
  resume?: { content: ResumeText | null; unread: boolean };
  /** The check of this very letter text, made moments ago (sending checks once, then shows the sent letter). */
  checked?: Pick<ApplicationView, 'validation' | 'resumeUnread'> & { letter: string };
}

/** A letter kept for a vacancy, with what it was written from (for its view). */
export interface Drafted {
  application: Application;
  known: Known;
}

/** Where a vacancy stands once the user has applied to it, whatever the employer did since. */
const APPLIED = new Set<string>(APPLIED_STATUSES);

export interface DraftOptions {
  /** The vacancy already has an application (with another resume): the user said to apply again anyway. */
  confirmSecondResume?: boolean;
}

export interface SendOptions {
  /** Cancels the pause before the request (a cancelled run); the request itself, once it left, is never cut. */
  signal?: AbortSignal;
  /** Told when the pause between applications will end (epoch ms), for the run's progress. */
  onPause?: (untilMs: number) => void;
  /** The vacancy was applied to with another resume: the user said to apply with this one too. */
  confirmSecondResume?: boolean;
}

const alreadySending = () => AppError.of('conflict', 'This letter is already being sent.');

/** The vacancy has (or is getting) an application this letter may not be added to; see reserveSending. */
const vacancyTaken = (
  conflict: { kind: 'in_flight' | 'same_resume' | 'unconfirmed'; resumes: string[] },
  resume: string | null,
  vacancy: string,
) => {
  if (conflict.kind === 'in_flight')
    return AppError.of('conflict', say('letters.vacancyInFlight', { resume: conflict.resumes.join(', ') || '—' }), {
      next: { kind: 'retry_later' },
      retryable: true,
    });
  if (conflict.kind === 'same_resume') return AppError.of('hh_already_applied', say('letters.sameResume', { resume: resume ?? '' }));
  // No application of the app's own: the user applied on hh.ru, with a resume the app cannot name.
  if (!conflict.resumes.length) return AppError.of('hh_already_applied', say('letters.appliedOnHh', { vacancy }));
  return AppError.of('hh_already_applied', say('letters.secondResume', { resume: conflict.resumes.join(', ') }), {
    details: { confirm: 'confirmSecondResume' },
  });
};

/**
 * Letters and applications: drafting a letter for a vacancy, the user's edits, and sending, which
 * records 'sending' before the request so a crash can never lead to a second application.
 */
export class LetterService {
  /** Letters this process is sending now; any other letter in 'sending' was left by an interruption. */
  readonly #inFlight = new Set<number>();
  /** Sends under way, counted; closed when the app quits or restarts into an update, so it never leaves mid-request. */
  readonly sending = new SendingGate();
  /** Letters being written now, by vacancy: a second request for the same vacancy gets the first's letter. */
  readonly #drafting = new Map<number, Promise<Drafted>>();

  constructor(private readonly deps: LetterDeps) {}

  /**
   * The letter with its vacancy and its check. `known`: what the caller has just read (drafting has
   * the vacancy, the template and the profile in hand), so it is not read again: a vacancy row
   * carries its whole description.
   */
  async view(application: Application, known: Known = {}): Promise<ApplicationView> {
    const { repositories } = this.deps;
    const vacancy = known.vacancy ?? (await repositories.vacancies.get(application.vacancyId));
    if (!vacancy) throw AppError.of('not_found', 'The vacancy of this letter is no longer in the app.');
    const summary = toSummary(vacancy);
    if (known.checked?.letter === application.letter) {
      const { validation, resumeUnread } = known.checked;
      return { application, vacancy: summary, validation, ...(resumeUnread && { resumeUnread }) };
    }
    const template = known.template !== undefined ? known.template : await repositories.letterTemplates.getDefault();
    const profile = known.profile ?? (await repositories.profile.get());
    const { content, unread } = known.resume ?? (await this.#resumeOf(application));
    const grounding = { resume: content?.raw ?? null, resumeTitle: content?.title, profile, vacancy, template: template?.instruction };
    const validation = validateLetter(application.letter, { profile, maxLength: template?.maxLength ?? DEFAULT_MAX_LENGTH, grounding });
    return { application, vacancy: summary, validation, ...(unread && { resumeUnread: true }) };
  }

  /** Claims are checked against what the letter was written from: the resume as kept, never read from hh.ru here. */
  async #resumeOf(application: Application): Promise<NonNullable<Known['resume']>> {
    const { repositories } = this.deps;
    // The resume the letter was written for (or, for one drafted before any resume was known, the one it would go with).
    const { text, unread } = await resumeForAi({ repositories }, application.resumeHhId, { ifGone: 'none' });
    return { content: text, unread };
  }

  /**
   * A vacancy already applied to (by the app, by the user on hh.ru, or found so by a sync) gets a
   * letter for another resume only when the user confirms: a second application to one vacancy is
   * something employers notice.
   */
  async draft(vacancyId: number, resumeHhId: string | null, options: DraftOptions = {}): Promise<ApplicationView> {
    const { application, known } = await this.keepDraft(vacancyId, resumeHhId, options);
    return this.view(application, known);
  }

  /**
   * draft() without the view: the letter as kept, and what it was written from. A Review run asks for
   * this (nobody reads the check then; it is done when the letter is opened or sent).
   */
  async keepDraft(vacancyId: number, resumeHhId: string | null, options: DraftOptions = {}): Promise<Drafted> {
    const running = this.#drafting.get(vacancyId);
    if (running) return running;
    const drafting = this.#draft(vacancyId, resumeHhId, options);
    this.#drafting.set(vacancyId, drafting);
    try {
      return await drafting;
    } finally {
      this.#drafting.delete(vacancyId);
    }
  }

  async #draft(vacancyId: number, resumeHhId: string | null, options: DraftOptions): Promise<Drafted> {
    const { repositories } = this.deps;
    const stored = await requireVacancy(repositories, vacancyId, { forWork: true });
    const existing = await repositories.applications.forVacancy(vacancyId);
    // One letter per vacancy: asking again opens the unsent one rather than writing (and paying for) another.
    const unsent = existing.find((a) => a.state !== 'sent' && a.state !== 'sending' && !a.discardedAt);
    if (unsent) return { application: unsent, known: {} };
    // Written from the vacancy in full, as the engine writes (the search only stored a snippet).
    let vacancy = await fullVacancy(this.deps, stored);
    // hh.ru's own marks: applied to already (outside the app too) or closed for applications.
    const mark = await settleHhMarks(repositories, vacancy);
    if (mark === 'closed')
      throw AppError.of('hh_vacancy_gone', 'The employer no longer takes applications for this vacancy.', {
        details: { reason: 'closed' },
      });
    if (mark) vacancy = await requireVacancy(repositories, vacancyId, { forWork: true });
    const resume = await pickResume(repositories, resumeHhId);
    const applied = existing.filter((a) => a.state === 'sent' || a.state === 'sending');
    const second = applied.length > 0 || APPLIED.has(vacancy.status);
    if (second) {
      const used = applied.map((a) => a.resumeHhId ?? '?');
      const same = applied.find((a) => a.resumeHhId !== null && a.resumeHhId === (resume?.hhId ?? null));
      if (same) throw AppError.of('hh_already_applied', say('letters.sameResume', { resume: same.resumeHhId ?? '' }));
      if (!options.confirmSecondResume) {
        throw AppError.of('hh_already_applied', say('letters.secondResume', { resume: used.join(', ') || '—' }), {
          details: { confirm: 'confirmSecondResume' },
        });
      }
    }
    const template = await repositories.letterTemplates.getDefault();
    // The letter leans on the resume's content (experience, skills), read in full once per change.
    const { text: content, unread } = await resumeForAi(this.deps, resume?.hhId);
    const profile = await repositories.profile.get();
    const written = await writeLetter({ provider: await this.deps.provider(), vacancy, resume: content, profile, template });
    // Durable too: a letter kept meanwhile (another process, or an older draft) wins, and this one is not kept.
    const found = vacancy.status === 'found';
    const application = await repositories.applications.createDraft(
      vacancyId,
      resume?.hhId ?? null,
      written.letter,
      template?.id ?? null,
      second,
      found,
    );
    // What the letter was just written from is what it is checked against: nothing is read again.
    const known: Known = { template, profile, resume: { content, unread } };
    // Another draft kept meanwhile won (createDraft): its own resume is looked up.
    if (application.resumeHhId !== (resume?.hhId ?? null)) delete known.resume;
    return { application, known: { ...known, vacancy: found ? { ...vacancy, status: 'drafted', skip: null } : vacancy } };
  }

  /** `keepPrevious`: an AI rewrite the user accepted; the text it replaces is kept for one undo (rewrite.ts). */
  async update(applicationId: number, letter: string, options: { keepPrevious?: boolean } = {}): Promise<ApplicationView> {
    if (!(await this.deps.repositories.applications.updateLetter(applicationId, letter, options))) {
      const now = await this.deps.repositories.applications.get(applicationId);
      if (!now) throw AppError.of('not_found', 'This letter is no longer in the app.');
      const title = (await this.deps.repositories.vacancies.get(now.vacancyId))?.title ?? '';
      throw now.discardedAt ? refusals.discarded(title) : refusals.notOpen(title);
    }
    return this.view((await this.deps.repositories.applications.get(applicationId))!);
  }

  /**
   * A page of letters. What the page's letters share is read once, not per letter: the vacancies in
   * one query, the template and the profile once, each resume's text once (a page of 200 cost about
   * 600 round trips to the database before).
   */
  async list(options: { states: Application['state'][]; limit: number; offset: number; discarded?: boolean }) {
    const { repositories } = this.deps;
    const page = await repositories.applications.listPage(options);
    const [vacancies, template, profile] = await Promise.all([
      repositories.vacancies.getMany(page.items.map((item) => item.vacancyId)),
      repositories.letterTemplates.getDefault(),
      repositories.profile.get(),
    ]);
    const resumes = new Map<string | null, Promise<NonNullable<Known['resume']>>>();
    const resumeOf = (application: Application) => {
      const read = resumes.get(application.resumeHhId) ?? this.#resumeOf(application);
      resumes.set(application.resumeHhId, read);
      return read;
    };
    // Sent letters link to their chat: one look-up for the page, by hh.ru's negotiation.
    const negotiations = page.items.flatMap((item) => (item.hhNegotiationId ? [item.hhNegotiationId] : []));
    const chats = negotiations.length ? await repositories.chats.syncMarks(negotiations) : new Map<string, { chatId: number }>();
    const items = await Promise.all(
      page.items.map(async (item) => {
        const view = await this.view(item, {
          vacancy: vacancies.get(item.vacancyId),
          template: template ?? null,
          profile,
          resume: await resumeOf(item),
        });
        const chatId = item.hhNegotiationId ? chats.get(item.hhNegotiationId)?.chatId : undefined;
        return chatId === undefined ? view : { ...view, chatId };
      }),
    );
    return { ...page, items };
  }

  /**
   * Sends one letter. A slot of the daily cap is reserved and the letter moved to 'sending' in one
   * write that is on disk before the request leaves, so neither concurrent sends nor a crash can
   * apply twice or past the cap. A second send of a letter in flight is refused.
   */
  async send(applicationId: number, options: SendOptions = {}): Promise<ApplicationView> {
    if (this.#inFlight.has(applicationId)) throw alreadySending();
    const pass = this.sending.enter();
    this.#inFlight.add(applicationId);
    try {
      // The app closing ends the pause before the request as a cancelled run does: the slot is given back.
      const signal = options.signal ? AbortSignal.any([options.signal, pass.signal]) : pass.signal;
      return await this.#send(applicationId, { ...options, signal });
    } finally {
      this.#inFlight.delete(applicationId);
      pass.leave();
    }
  }

  async #send(applicationId: number, { signal, onPause, confirmSecondResume }: SendOptions): Promise<ApplicationView> {
    const { repositories, gateway, cap } = this.deps;
    let application = await repositories.applications.get(applicationId);
    if (!application) throw AppError.of('not_found', 'This letter is no longer in the app.');
    // Not in flight here, so an interruption left it: hh.ru is asked before anything else happens to it.
    if (application.state === 'sending') [application] = await settleSending(this.deps, [application]);
    if (!application) throw AppError.of('not_found', 'This letter is no longer in the app.');
    // The vacancy is read once and the letter checked once: the view after sending reuses both.
    const stored = await repositories.vacancies.get(application.vacancyId);
    if (application.state === 'sent') return this.view(application, { vacancy: stored });
    // Discarded by the user: never sent, whoever asks (a run, a bulk send, the Local API).
    if (application.discardedAt) throw refusals.discarded(stored?.title ?? '');
    const { validation, vacancy, resumeUnread } = await this.view(application, { vacancy: stored });
    const known: Known = { vacancy: stored, checked: { letter: application.letter, validation, resumeUnread } };
    if (!validation.ok) {
      throw AppError.of('invalid_input', say('letters.notValid', { problems: validation.problems.map((p) => p.message).join(' ') }), {
        next: { kind: 'fix_input' },
      });
    }
    if (stored?.externalUrl) return this.#external(application, stored.externalUrl, application.state);
    const hhLimitedUntil = await cap.hhLimitedUntil();
    if (hhLimitedUntil)
      throw AppError.of('hh_limit_exceeded', say('letters.hhLimitReached', { at: hhLimitedUntil }), {
        next: { kind: 'retry_later' },
        retryable: true,
      });
    const resume = application.resumeHhId ? await repositories.resumes.getByHhId(application.resumeHhId) : await pickResume(repositories);
    if (!resume)
      throw AppError.of('hh_resume_problem', 'Pick a resume to apply with: sign in to hh.ru so the app can see your resumes.', {
        next: { kind: 'open_settings', section: 'hh' },
      });
    if (isUnfinished(resume)) {
      throw AppError.of(
        'hh_resume_problem',
        'This resume is not finished on hh.ru, and hh.ru would send another one in its place. Finish it on hh.ru or pick another resume.',
        {
          next: { kind: 'open_settings', section: 'profile' },
          details: { reason: 'not_finished' },
        },
      );
    }

    // Sending a failed letter again is the user's explicit retry; 'sending' is entered from draft (or an old approved) only.
    if (application.state === 'failed') await repositories.applications.transition(applicationId, 'failed', 'draft');
    const settings = await cap.settings();
    if (confirmSecondResume) await repositories.applications.confirmSecondResume(applicationId);
    if (!(await repositories.applications.reserveSending(applicationId, { max: settings.dailyCap, since: cap.windowStart() }))) {
      const now = await repositories.applications.get(applicationId);
      if (now?.state === 'sending') throw alreadySending();
      if (now?.state === 'sent') return this.view(now, known);
      const conflict = await repositories.applications.vacancyConflict(applicationId);
      if (conflict) throw vacancyTaken(conflict, application.resumeHhId, vacancy.title);
      const status = await cap.status();
      throw AppError.of('hh_limit_exceeded', say('letters.capReached', { cap: status.settings.dailyCap, at: status.nextSlotAt ?? '' }), {
        next: { kind: 'retry_later' },
        retryable: true,
      });
    }
    try {
      await this.deps.pacer.wait(signal, onPause);
    } catch (err) {
      // Nothing left for hh.ru: the slot is given back, and the letter is the draft it was.
      await repositories.applications.transition(applicationId, 'sending', 'draft');
      throw err;
    }
    try {
      // No signal past this point: a request that left is seen through, never cut (its outcome would be unknown).
      const outcome = await gateway.apply({
        vacancyId: vacancy.hhId,
        resumeId: resume.hhId,
        resumeHash: resume.hash,
        message: application.letter,
      });
      const { transport } = outcome;
      if (outcome.kind === 'external') return await this.#external(application, outcome.url, 'sending', transport);
      await repositories.applications.transition(applicationId, 'sending', 'sent', {
        transport,
        ...(outcome.negotiationId && { hhNegotiationId: outcome.negotiationId }),
        vacancyStatus: 'applied',
      });
      await repositories.auditLog.append({
        action: 'application.sent',
        target: `vacancy ${vacancy.hhId}`,
        outcome: 'ok',
        details: `via ${transport}`,
      });
      await this.#confirm(applicationId, vacancy.hhId, resume.hhId);
    } catch (err) {
      if (isUncertain(err) && arrivalOf(err) !== 'no') {
        // The application may have arrived: hh.ru is asked; if it cannot be, the letter stays 'sending'.
        const settled = await settleSending(this.deps, [{ ...application, state: 'sending' }]).catch(() => []);
        if (settled[0]?.state === 'sent') return this.view(settled[0], known);
        throw err;
      }
      await recordRefusal(this.deps, application, vacancy, err);
      throw err;
    }
    return this.view((await repositories.applications.get(applicationId))!, known);
  }

  /**
   * Asks hh.ru whether the response is there, and with which resume: hh.ru has been seen to send its
   * default resume instead of the one asked for. A mismatch is shown on the letter and counted in a
   * notice. hh.ru not answering leaves the letter sent and unconfirmed (logged, never thrown).
   */
  async #confirm(applicationId: number, vacancyHhId: string, resumeHhId: string): Promise<void> {
    const { repositories, gateway, notices, log } = this.deps;
    try {
      const { items } = await gateway.negotiations(0);
      const response = items.find((n) => n.vacancyId === vacancyHhId);
      const confirmation = !response ? 'missing' : response.resumeId && response.resumeId !== resumeHhId ? 'resume_mismatch' : 'confirmed';
      await repositories.applications.setConfirmation(applicationId, confirmation, response?.resumeId ?? null);
      if (confirmation !== 'resume_mismatch') return;
      await repositories.auditLog.append({
        action: 'application.confirmed',
        target: `vacancy ${vacancyHhId}`,
        outcome: 'failed',
        details: `hh.ru shows resume ${response!.resumeId}, not ${resumeHhId}`,
      });
      const count = await repositories.applications.countResumeMismatches();
      notices.raise({
        id: 'letters.resumeMismatch',
        level: 'warning',
        code: 'letters_resume_mismatch',
        message: `hh.ru shows ${count} of your applications with another resume than the app sent. Check them in Letters and your resumes on hh.ru.`,
        params: { count: String(count) },
        dismissible: true,
      });
    } catch (err) {
      log.warn('hh.ru could not be asked whether the application arrived', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** The employer takes applications on their own site: the user has to go there. */
  async #external(application: Application, url: string, from: Application['state'], transport?: string): Promise<ApplicationView> {
    const { repositories } = this.deps;
    await repositories.applications.transition(application.id, from, 'failed', {
      ...(transport && { transport }),
      lastError: failureRecord(formatErrorMessage('letters.employerSite', { url }), {
        code: 'hh_needs_manual',
        key: 'letters.employerSite',
        params: { url },
      }),
      vacancyStatus: 'needs_manual',
    });
    // The reason comes after: a crash between the two loses only the words, never the status.
    await repositories.vacancies.setSkipped(application.vacancyId, 'needs_manual', 'employer_site', url);
    return this.view((await repositories.applications.get(application.id))!);
  }

  /**
   * Assisted apply: the user sends the letter with hh.ru's own button in the app's hh.ru window.
   * Used for vacancies that need the user (tests, questionnaires) and whenever nothing automatic works.
   */
  async assist(applicationId: number, window: HhSignInWindow | undefined) {
    const { repositories } = this.deps;
    const application = await repositories.applications.get(applicationId);
    if (!application) throw AppError.of('not_found', 'This letter is no longer in the app.');
    const { vacancy } = await this.view(application);
    if (application.discardedAt) throw refusals.discarded(vacancy.title);
    const url = sitePages.responseForm(this.deps.siteUrl, vacancy.hhId);
    if (!window) return { outcome: 'open_yourself' as const, url, view: await this.view(application) };
    const result = await window.assistApply({ vacancyId: vacancy.hhId, letter: application.letter });
    if (result.kind === 'closed') return { outcome: 'cancelled' as const, url, view: await this.view(application) };
    return { outcome: 'applied' as const, url, view: await this.markSent(applicationId) };
  }

  /**
   * The user applied on hh.ru themselves (assisted apply). Recorded as sent 'assisted', which takes
   * no slot of the daily cap: the cap limits what the app sends on its own, and the user pressing
   * hh.ru's button is the user's own act (hh.ru's own limit still counts it, on hh.ru's side).
   */
  async markSent(applicationId: number): Promise<ApplicationView> {
    const { repositories } = this.deps;
    const application = await repositories.applications.get(applicationId);
    if (!application) throw AppError.of('not_found', 'This letter is no longer in the app.');
    if (application.state === 'sending') throw alreadySending();
    if (application.discardedAt) throw refusals.discarded((await repositories.vacancies.get(application.vacancyId))?.title ?? '');
    if (application.state !== 'sent') {
      if (
        !(await repositories.applications.transition(applicationId, application.state, 'sent', {
          transport: 'assisted',
          vacancyStatus: 'applied',
        }))
      )
        throw alreadySending();
      const vacancy = await repositories.vacancies.get(application.vacancyId);
      await repositories.auditLog.append({
        action: 'application.sent',
        target: `vacancy ${vacancy?.hhId ?? application.vacancyId}`,
        outcome: 'ok',
        details: 'via assisted',
      });
    }
    return this.view((await repositories.applications.get(applicationId))!);
  }

  /**
   * At start: every letter left in 'sending' is settled with hh.ru (all pages of responses) before
   * anything else happens to it; while hh.ru cannot be asked they stay in 'sending'.
   */
  async reconcile(): Promise<number> {
    const { repositories, log } = this.deps;
    const stuck = (await repositories.applications.stuckSending()).filter((a) => !this.#inFlight.has(a.id));
    if (!stuck.length) return 0;
    stuck.forEach((a) => this.#inFlight.add(a.id));
    try {
      await settleSending(this.deps, stuck);
    } catch (err) {
      log.warn('could not check interrupted applications with hh.ru yet', { error: String(err) });
    } finally {
      stuck.forEach((a) => this.#inFlight.delete(a.id));
    }
    return stuck.length;
  }
}
