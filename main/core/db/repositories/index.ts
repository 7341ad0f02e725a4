import type { Clock } from '../../ports';
import type { DatabaseClient } from '../client';
import { ApiTokenRepository } from './api-tokens';
import { AppSettingsRepository } from './app-settings';
import { ApplicationRepository } from './applications';
import { AuditLogRepository } from './audit-log';
import { ChatRepository } from './chats';
import { EmployerBlacklistRepository } from './employer-blacklist';
import { InterviewRepository } from './interviews';
import { JobRunRepository } from './job-runs';
import { LetterTemplateRepository } from './letter-templates';
import { LocalApiTokenRepository } from './local-api-tokens';
import { ProfileRepository } from './profile';
import { ResumeRepository } from './resumes';
import { SavedSearchRepository } from './saved-searches';
import { VacancyRepository } from './vacancies';
import { VacancyScoreRepository } from './vacancy-scores';

export type Repositories = ReturnType<typeof createRepositories>;

/** Every repository over one database: the only code that writes SQL. */
export function createRepositories(db: DatabaseClient, clock: Clock, redactText?: (text: string) => string) {
  return {
    vacancies: new VacancyRepository(db, clock),
    applications: new ApplicationRepository(db, clock),
    auditLog: new AuditLogRepository(db, clock, redactText),
    apiTokens: new ApiTokenRepository(db, clock),
    appSettings: new AppSettingsRepository(db, clock),
    savedSearches: new SavedSearchRepository(db, clock),
    profile: new ProfileRepository(db, clock),
    chats: new ChatRepository(db, clock),
    resumes: new ResumeRepository(db, clock),
    employerBlacklist: new EmployerBlacklistRepository(db, clock),
    letterTemplates: new LetterTemplateRepository(db, clock),
    jobRuns: new JobRunRepository(db, clock),
    vacancyScores: new VacancyScoreRepository(db, clock),
    interviews: new InterviewRepository(db, clock),
    localApiTokens: new LocalApiTokenRepository(db, clock),
  };
}
