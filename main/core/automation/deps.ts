import type { TextProvider } from '../ai/provider';
import type { ChatService } from '../chats/service';
import type { Repositories } from '../db/repositories';
import type { CoreEvents } from '../events';
import type { HhGateway } from '../hh/gateway';
import type { HhPageHealth } from '../hh/pages';
import type { DailyCap } from '../letters/daily-cap';
import type { LetterService } from '../letters/service';
import type { Notices } from '../notices';
import type { AutomationSwitch } from '../pause';
import type { Clock, Logger } from '../ports';

/** What the automation is built from (core/index.ts hands it over). */
export interface AutomationDeps {
  repositories: Repositories;
  gateway: HhGateway;
  letters: LetterService;
  chats: ChatService;
  cap: DailyCap;
  automation: AutomationSwitch;
  clock: Clock;
  log: Logger;
  /** Whether the user is signed in to hh.ru by any path (the syncs need it; searches do not). */
  signedIn: () => Promise<boolean>;
  /** Folds the journal into the data file; the storage makes a backup when one is due. */
  checkpoint: () => Promise<void>;
  /** Rebuilds the data file without free pages and writes it out (after retention freed a lot). */
  compact: () => Promise<void>;
  events: CoreEvents;
  /** The AI, for the few new chat messages the rules cannot classify (never asked with the template). */
  provider: () => Promise<TextProvider>;
  /** Renews an API sign-in's token when it has expired; false when there is no API sign-in. */
  keepApiSignIn: () => Promise<boolean>;
  /** Where the app's own pause after a captcha or a sign-out is explained, and cleared once resolved. */
  notices: Notices;
  /** hh.ru's pages, checked before scheduled runs: a page the app does not understand holds sending. */
  pages: Pick<HhPageHealth, 'checkIfStale' | 'changedPage'>;
}
