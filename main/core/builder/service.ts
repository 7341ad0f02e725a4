import {
  INTERVIEW_SECTIONS,
  type Interview,
  type InterviewLanguage,
  type InterviewMessage,
  type InterviewSection,
} from '../../../shared/domain';
import type { TextProvider } from '../ai/provider';
import { extractJsonObject, stripCodeFences } from '../ai/text/json-answer';
import { resumeFactsText } from '../ai/text/resume-facts';
import type { Repositories } from '../db/repositories';
import { withContacts } from './export/with-contacts';
import type { NewInterviewMessage } from '../db/repositories/interviews';
import { AppError, say } from '../errors';
import type { ResumeContent } from '../../../shared/contract';
import { exportResume, type ExportedFile, type ExportFormat, type PdfPrinter } from './export';
import { unsupportedInResume } from './grounding';
import { finishPrompt, interviewPrompt, type NextStep } from './prompts';
import { GAP } from '../resumes/gaps';
import { ADDITIONAL, ALL_COVERED, HEADINGS, IMPROVE_OPENING, QUESTIONS } from './questions';
import { isVague } from './vague';

export interface ResumeBuilderDeps {
  repositories: Repositories;
  provider(): Promise<TextProvider>;
  /** An hh.ru resume's content (kept copy or read once), for "improve my resume". */
  resumeContent(resumeHhId: string): Promise<ResumeContent | null>;
  printPdf?: PdfPrinter;
  now(): Date;
}

const SOURCE_BUDGET = { total: 6_000, perJob: 1_200, jobs: 10 };
const QUESTION_TOKENS = 300;
const RESUME_TOKENS = 2_500;

/** The resume interview: one question at a time, then a Markdown resume from the answers alone. */
export class ResumeBuilder {
  constructor(private readonly deps: ResumeBuilderDeps) {}

  async create(input: { language: InterviewLanguage; fromResumeHhId: string | null }): Promise<Interview> {
    const { language } = input;
    const date = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium' }).format(this.deps.now());
    if (input.fromResumeHhId) {
      // Names a resume, so never null: one that is not the user's is refused there (not_found).
      const content = (await this.deps.resumeContent(input.fromResumeHhId))!;
      return this.deps.repositories.interviews.create({
        title: content.title || (language === 'ru' ? `Резюме от ${date}` : `Resume of ${date}`),
        language,
        sourceResumeHhId: content.resumeHhId,
        sourceText: resumeFactsText(content.facts, language, SOURCE_BUDGET),
        first: { role: 'assistant', text: IMPROVE_OPENING[language](content.title), section: 'target' },
      });
    }
    return this.deps.repositories.interviews.create({
      title: language === 'ru' ? `Интервью от ${date}` : `Interview of ${date}`,
      language,
      sourceResumeHhId: null,
      sourceText: null,
      first: { role: 'assistant', text: QUESTIONS[language].target.ask, section: 'target' },
    });
  }

  async get(id: number): Promise<Interview> {
    const interview = await this.deps.repositories.interviews.get(id);
    if (!interview) throw AppError.of('not_found', 'This interview is no longer in the app.');
    return interview;
  }

  /**
   * The user's answer is stored before the next question is asked: if the model fails, nothing the
   * user typed is lost, and `ask` tries the question again.
   */
  async answer(id: number, text: string): Promise<Interview> {
    const interview = await this.get(id);
    if (interview.status === 'finished') throw AppError.of('invalid_input', say('builder.interviewFinished'));
    const asked = lastQuestion(interview.messages);
    // The answer to a follow-up covers its section whatever it says: one follow-up, never a loop.
    // An answer after "every section has answers" adds to the resume and covers nothing new.
    const covers = asked?.section && (asked.followUp || !isVague(text, asked.section));
    const covered = covers ? unique([...interview.covered, asked.section!]) : interview.covered;
    await this.deps.repositories.interviews.addTurn(id, [{ role: 'user', text }], covered);
    return this.ask(id);
  }

  /** The next question, when the last message is the user's (after an answer, or a failed attempt). */
  async ask(id: number): Promise<Interview> {
    const interview = await this.get(id);
    const last = interview.messages.at(-1);
    if (!last || last.role !== 'user') return interview;
    const question = await this.#nextQuestion(interview);
    await this.deps.repositories.interviews.addTurn(id, [question], interview.covered);
    return this.get(id);
  }

  async #nextQuestion(interview: Interview): Promise<NewInterviewMessage> {
    const { language } = interview;
    const next = nextStep(interview);
    if (!next) return { role: 'assistant', text: ALL_COVERED[language], section: null };
    const provider = await this.deps.provider();
    const canned = QUESTIONS[language][next.section][next.followUp ? 'followUp' : 'ask'];
    if (provider.kind === 'template') return { role: 'assistant', text: canned, section: next.section, followUp: next.followUp };
    const completion = await provider.complete(
      interviewPrompt({ language, messages: interview.messages, sourceText: interview.sourceText, next }),
      {
        maxTokens: QUESTION_TOKENS,
        temperature: 0.4,
      },
    );
    const parsed = extractJsonObject(completion.text);
    const text =
      typeof parsed?.question === 'string' && parsed.question.trim()
        ? parsed.question.trim()
        : stripCodeFences(completion.text).trim() || canned;
    // The app chose the section; whatever label the model put on its question, the answer covers that one.
    return { role: 'assistant', text, section: next.section, followUp: next.followUp };
  }

  /** The Markdown resume from the answers: by the model, or assembled from them with no model. */
  async finish(id: number): Promise<Interview> {
    const interview = await this.get(id);
    // Writing it again would replace the user's edits: a finished resume is edited, not regenerated.
    if (interview.status === 'finished') throw AppError.of('invalid_input', say('builder.alreadyWritten'));
    if (!interview.messages.some((m) => m.role === 'user')) throw AppError.of('invalid_input', say('builder.answerFirst'));
    const provider = await this.deps.provider();
    let markdown: string;
    if (provider.kind === 'template') markdown = assemble(interview);
    else {
      const completion = await provider.complete(finishPrompt(interview), { maxTokens: RESUME_TOKENS, temperature: 0.2 });
      markdown = stripCodeFences(completion.text).trim();
      if (!markdown) throw AppError.of('ai_bad_request', 'The model returned an empty resume: try Finish again.');
    }
    return this.#save(interview, markdown);
  }

  /** The user's edit of the resume, checked again against the answers. */
  async saveResume(id: number, markdown: string): Promise<Interview> {
    return this.#save(await this.get(id), markdown);
  }

  async #save(interview: Interview, markdown: string): Promise<Interview> {
    const unsupported = unsupportedInResume(markdown, interview.messages, interview.sourceText);
    const heading = /^\s*#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
    await this.deps.repositories.interviews.saveResume(interview.id, markdown, unsupported, heading ? heading.slice(0, 120) : undefined);
    return this.get(interview.id);
  }

  async export(id: number, format: ExportFormat): Promise<ExportedFile> {
    const interview = await this.get(id);
    if (!interview.markdown) throw AppError.of('invalid_input', say('builder.nothingToExport'));
    return exportResume({
      markdown: withContacts(interview.markdown, await this.deps.repositories.profile.get()),
      title: interview.title,
      language: interview.language,
      format,
      printPdf: this.deps.printPdf,
    });
  }
}

const unique = <T>(items: T[]) => [...new Set(items)];

const lastQuestion = (messages: InterviewMessage[]) => messages.findLast((m) => m.role === 'assistant');

/**
 * Where the interview goes after the user's last answer: the same section again when the answer was
 * vague (once: a second vague answer moves on, so nobody is stuck), else the first section left.
 */
function nextStep(interview: Pick<Interview, 'messages' | 'covered'>): NextStep | undefined {
  const asked = lastQuestion(interview.messages);
  const answer = interview.messages.at(-1);
  if (answer?.role === 'user' && asked?.section && !asked.followUp && isVague(answer.text, asked.section)) {
    return { covered: interview.covered, section: asked.section, followUp: true };
  }
  const left = INTERVIEW_SECTIONS.find((s) => !interview.covered.includes(s));
  return left ? { covered: interview.covered, section: left, followUp: false } : undefined;
}

/** With no model: the answers under their sections, and a marked gap where a section has none. */
function assemble(interview: Pick<Interview, 'messages' | 'language'>): string {
  const { language } = interview;
  const bySection = new Map<InterviewSection | 'more', string[]>();
  let section: InterviewSection | 'more' = 'target';
  interview.messages.forEach((message, index) => {
    // After "every section has answers" the user adds what they like: it goes under "Additional".
    if (message.role === 'assistant') section = message.section ?? 'more';
    // An answer the interview asked again about is replaced by the answer to the follow-up.
    else if (!interview.messages[index + 1]?.followUp) bySection.set(section, [...(bySection.get(section) ?? []), message.text.trim()]);
  });
  const target = bySection.get('target')?.at(-1)?.split('\n')[0]?.trim();
  const lines = [`# ${target || `[${GAP[language]}: ${HEADINGS[language].target.toLowerCase()}]`}`, ''];
  for (const s of INTERVIEW_SECTIONS) {
    if (s === 'target') continue;
    lines.push(`## ${HEADINGS[language][s]}`, '');
    const answers = bySection.get(s) ?? [];
    if (!answers.length) lines.push(`[${GAP[language]}: ${HEADINGS[language][s].toLowerCase()}]`, '');
    else if (s === 'skills')
      lines.push(
        ...answers
          .flatMap((a) => a.split(/[,;\n]+/))
          .map((skill) => skill.trim())
          .filter(Boolean)
          .map((skill) => `- ${skill}`),
        '',
      );
    else for (const a of answers) lines.push(a, '');
  }
  const more = bySection.get('more') ?? [];
  if (more.length) lines.push(`## ${ADDITIONAL[language]}`, '', ...more.flatMap((a) => [a, '']));
  return `${lines.join('\n').trim()}\n`;
}
