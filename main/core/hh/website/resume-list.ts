import type { Logger } from '../../ports';
import { HhError } from '../errors';
import { extractNamedStates, RESUME_PROFILE_STATE, type PageState } from './page-state';
import { parseAccount, parseProfilePage, parseResumeListPage, type ApplicantPage } from './parsers';
import { siteRequests, type SiteRequest } from './requests';
import { isProfileUrl } from './site';

/** What reading the resume list needs of the transport: an applicant page read (guarded, paced). */
export interface ListReads {
  site: string;
  log: Logger;
  page(request: SiteRequest): Promise<{ state: PageState; url: string; html: string }>;
}

/**
 * The resume list where this account has it: `/applicant/my_resumes` (2026), else the older
 * `/applicant/resumes`, which for many 2026 accounts redirects to the profile page (signed in; the
 * list then comes from the profile's widgets). A missing or changed list is hh_page_changed, never
 * "no resumes".
 */
export async function readResumeList(reads: ListReads): Promise<{ page: ApplicantPage; url: string }> {
  const current = siteRequests.myResumes(reads.site);
  try {
    const { state } = await reads.page(current);
    if (Array.isArray(state.applicantResumes)) return { page: parseResumeListPage(state, current.url, '2026'), url: current.url };
    reads.log.warn("hh.ru's 2026 resume list has no applicantResumes; reading the older one", {});
  } catch (err) {
    if (!(err instanceof HhError) || (err.code !== 'not_found' && err.code !== 'hh_page_changed')) throw err;
  }
  const older = siteRequests.resumes(reads.site);
  const { state, url, html } = await reads.page(older);
  if (isProfileUrl(url, reads.site))
    return { page: parseProfilePage(state, extractNamedStates(html, url, RESUME_PROFILE_STATE), url), url };
  return { page: parseResumeListPage(state, older.url, 'older'), url: older.url };
}

/** The account's names from the profile page (2026), or null when it shows none; an ended session goes on up. */
export async function readProfileAccount(reads: ListReads): Promise<ApplicantPage['account']> {
  const request = siteRequests.profile(reads.site);
  try {
    const { state, html, url } = await reads.page(request);
    return parseAccount(state, url) ?? parseProfilePage(state, extractNamedStates(html, url, RESUME_PROFILE_STATE), url).account;
  } catch (err) {
    if (err instanceof HhError && err.code === 'hh_login_required') throw err;
    reads.log.warn("could not read the account from hh.ru's profile page", { error: err instanceof Error ? err.message : String(err) });
    return null;
  }
}
