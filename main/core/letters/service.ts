import type { ApplicationView } from '../../../shared/contract';
import type { Application } from '../../../shared/domain';
import type { AutomationSwitch } from '../automation/pause';
import type { Repositories } from '../db/repositories';
import { AppError, say } from '../errors';
import type { HhGateway } from '../hh/gateway';
import { HhError } from '../hh/errors';
import type { Pacer } from '../hh/http/pacer';
import type { HhSignInWindow } from '../hh/sign-in-window';
import type { Notices } from '../notices';
import type { Logger } from '../ports';
import { DEFAULT_MAX_LENGTH, validateLetter, writeLetter } from './writing';
import type { TextProvider } from '../ai/provider';
import { requireVacancy, toSummary } from '../vacancies/summary';
import { sitePages } from '../hh/website/site';
import type { DailyCap } from './daily-cap';

export interface LetterDeps {
  repositories: Repositories;
  gateway: HhGateway;
  provider: () => Promise<TextProvider>;
  cap: DailyCap;
  /** Spaces applications out (random 8-25 s by default, like tools that kept accounts healthy). */
  pacer: Pacer;
  automation: AutomationSwitch;
  notices: Notices;
  log: Logger;
  /** hh.ru's site (HH_SITE_URL, a proxy or a fake may stand in): where assisted apply opens the form. */
  siteUrl: string;
}

/** Stops everything hh.ru-side until the user acts: a captcha or an ended session. */
const STOPPERS = new Set(['hh_captcha', 'hh_login_required', 'hh_signed_out', 'hh_csrf']);

/**
 * Letters and applications: drafting a letter for a vacancy, the user's edits, and sending, which
 * records 'sending' before the request so a crash can never lead to a second application.
 */
export class LetterService {
  constructor(private readonly deps: LetterDeps) {}

  async view(application: Application): Promise<ApplicationView> {
    const { repositories } = this.deps;
    const vacancy = await repositories.vacancies.get(application.vacancyId);
    if (!vacancy) throw AppError.of('not_found', 'The vacancy of this letter is no longer in the app.');
    const summary = toSummary(vacancy);
    const maxLength = (await repositories.letterTemplates.getDefault())?.maxLength ?? DEFAULT_MAX_LENGTH;
    return { application, vacancy: summary, validation: validateLetter(application.letter, { profile: await repositories.profile.get(), maxLength }) };
  }

  async draft(vacancyId: number, resumeHhId: string | null): Promise<ApplicationView> {
    const { repositories } = this.deps;
    const vacancy = await requireVacancy(repositories, vacancyId);
    // One letter per vacancy: asking again opens the unsent one rather than writing (and paying for) another.
    const unsent = (await repositories.applications.forVacancy(vacancyId)).find((a) => a.state !== 'sent' && a.state !== 'sending');
    if (unsent) return this.view(unsent);
    const resume = resumeHhId ? await repositories.resumes.getByHhId(resumeHhId) : (await repositories.resumes.list())[0];
    const template = await repositories.letterTemplates.getDefault();
    const written = await writeLetter({ provider: await this.deps.provider(), vacancy, resume: resume ?? null, profile: await repositories.profile.get(), template });
    const application = await repositories.applications.createDraft(vacancyId, resume?.hhId ?? null, written.letter);
    if (vacancy.status === 'found') await repositories.vacancies.setStatus(vacancyId, 'drafted');
    return this.view(application);
  }

  async update(applicationId: number, letter: string): Promise<ApplicationView> {
    if (!(await this.deps.repositories.applications.updateLetter(applicationId, letter))) {
      throw AppError.of('invalid_input', 'This letter was already sent (or is being sent) and cannot be changed.');
    }
    return this.view((await this.deps.repositories.applications.get(applicationId))!);
  }

  async list(options: { states: Application['state'][]; limit: number; offset: number }) {
    const page = await this.deps.repositories.applications.listPage(options);
    return { ...page, items: await Promise.all(page.items.map((item) => this.view(item))) };
  }

  async send(applicationId: number, signal?: AbortSignal): Promise<ApplicationView> {
    const { repositories, gateway } = this.deps;
    const application = await repositories.applications.get(applicationId);
    if (!application) throw AppError.of('not_found', 'This letter is no longer in the app.');
    if (application.state === 'sent') return this.view(application);
    const { validation, vacancy } = await this.view(application);
    if (!validation.ok) {
      throw AppError.of('invalid_input', say('letters.notValid', { problems: validation.problems.map((p) => p.message).join(' ') }), { next: { kind: 'fix_input' } });
    }
    const cap = await this.deps.cap.status();
    if (cap.remaining <= 0) {
      throw AppError.of('hh_limit_exceeded', say('letters.capReached', { cap: cap.settings.dailyCap, at: cap.nextSlotAt ?? '' }), {
        next: { kind: 'retry_later' },
        retryable: true,
      });
    }
    const resume = application.resumeHhId ? await repositories.resumes.getByHhId(application.resumeHhId) : (await repositories.resumes.list())[0];
    if (!resume) throw AppError.of('hh_resume_problem', 'Pick a resume to apply with: sign in to hh.ru so the app can see your resumes.', { next: { kind: 'open_settings', section: 'hh' } });

    await this.deps.pacer.wait(signal);
    // Recorded before the request: after a crash the app asks hh.ru instead of applying again.
    if (!(await repositories.applications.transition(applicationId, application.state, 'sending'))) {
      throw AppError.of('invalid_input', 'This letter is already being sent.');
    }
    try {
      const outcome = await gateway.apply({ vacancyId: vacancy.hhId, resumeId: resume.hhId, resumeHash: resume.hash, message: application.letter }, signal);
      const transport = gateway.servedBy('apply') ?? 'official';
      if (outcome.kind === 'external') {
        await repositories.applications.transition(applicationId, 'sending', 'failed', { transport, lastError: `Apply on the employer's site: ${outcome.url}` });
        await repositories.vacancies.setStatus(vacancy.id, 'needs_manual');
      } else {
        await repositories.applications.transition(applicationId, 'sending', 'sent', { transport, ...(outcome.negotiationId && { hhNegotiationId: outcome.negotiationId }) });
        await repositories.vacancies.setStatus(vacancy.id, 'applied');
        await repositories.auditLog.append({ action: 'application.sent', target: `vacancy ${vacancy.hhId}`, outcome: 'ok', details: `via ${transport}` });
      }
    } catch (err) {
      await this.#failed(application, vacancy.id, vacancy.hhId, err);
      throw err;
    }
    return this.view((await repositories.applications.get(applicationId))!);
  }

  async #failed(application: Application, vacancyId: number, vacancyHhId: string, err: unknown) {
    const { repositories } = this.deps;
    const code = err instanceof AppError ? err.code : 'internal';
    const message = err instanceof Error ? err.message : String(err);
    if (code === 'hh_already_applied') {
      // hh.ru already has it: recorded as sent, not a failure.
      await repositories.applications.transition(application.id, 'sending', 'sent', { lastError: null });
      await repositories.vacancies.setStatus(vacancyId, 'applied');
      return;
    }
    if (code === 'hh_needs_manual') {
      await repositories.applications.transition(application.id, 'sending', 'failed', { lastError: message });
      await repositories.vacancies.setStatus(vacancyId, 'needs_manual');
      return;
    }
    if (STOPPERS.has(code) || code === 'hh_limit_exceeded' || (err instanceof HhError && err.retryable)) {
      // Nothing was applied: back to approved, to be sent once the obstacle is gone.
      await repositories.applications.transition(application.id, 'sending', 'approved', { lastError: message });
      if (STOPPERS.has(code)) {
        this.deps.automation.setPaused(true);
        this.deps.notices.raise({
          id: 'hh.stopped',
          level: 'warning',
          code: code === 'hh_captcha' ? 'hh_captcha' : 'hh_login_required',
          message: code === 'hh_captcha' ? 'hh.ru asks for a captcha: the automation is paused until you solve it.' : 'hh.ru needs you to sign in again: the automation is paused.',
          params: {},
          dismissible: true,
        });
      }
      await repositories.auditLog.append({ action: 'application.sent', target: `vacancy ${vacancyHhId}`, outcome: 'refused', details: code });
      return;
    }
    await repositories.applications.transition(application.id, 'sending', 'failed', { lastError: message });
    await repositories.vacancies.setStatus(vacancyId, 'failed');
    await repositories.auditLog.append({ action: 'application.sent', target: `vacancy ${vacancyHhId}`, outcome: 'failed', details: code });
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
    const url = sitePages.responseForm(this.deps.siteUrl, vacancy.hhId);
    if (!window) return { outcome: 'open_yourself' as const, url, view: await this.view(application) };
    const result = await window.assistApply({ vacancyId: vacancy.hhId, letter: application.letter });
    if (result.kind === 'closed') return { outcome: 'cancelled' as const, url, view: await this.view(application) };
    return { outcome: 'applied' as const, url, view: await this.markSent(applicationId) };
  }

  /** The user applied on hh.ru themselves (assisted apply): recorded like any other application. */
  async markSent(applicationId: number): Promise<ApplicationView> {
    const { repositories } = this.deps;
    const application = await repositories.applications.get(applicationId);
    if (!application) throw AppError.of('not_found', 'This letter is no longer in the app.');
    if (application.state !== 'sent') {
      if (!(await repositories.applications.transition(applicationId, application.state, 'sending'))) throw AppError.of('invalid_input', 'This letter is already being sent.');
      await repositories.applications.transition(applicationId, 'sending', 'sent', { transport: 'assisted' });
      await repositories.vacancies.setStatus(application.vacancyId, 'applied');
      const vacancy = await repositories.vacancies.get(application.vacancyId);
      await repositories.auditLog.append({ action: 'application.sent', target: `vacancy ${vacancy?.hhId ?? application.vacancyId}`, outcome: 'ok', details: 'via assisted' });
    }
    return this.view((await repositories.applications.get(applicationId))!);
  }

  /**
   * After a crash: for each application left 'sending', ask hh.ru whether it arrived, and only then
   * let it be sent again. Runs at start.
   */
  async reconcile(): Promise<number> {
    const { repositories, gateway, log } = this.deps;
    const stuck = await repositories.applications.stuckSending();
    if (!stuck.length) return 0;
    try {
      const { items } = await gateway.negotiations(0);
      for (const application of stuck) {
        const vacancy = await repositories.vacancies.get(application.vacancyId);
        const found = items.find((n) => n.vacancyId === vacancy?.hhId);
        if (found) await repositories.applications.transition(application.id, 'sending', 'sent', { hhNegotiationId: found.id });
        else await repositories.applications.transition(application.id, 'sending', 'approved', { lastError: 'Interrupted; hh.ru has no record of it, so it may be sent again.' });
      }
    } catch (err) {
      log.warn('could not check interrupted applications with hh.ru yet', { error: String(err) });
    }
    return stuck.length;
  }
}

