export {
  WebsiteTransport,
  SIGN_IN_REASON,
  HEADLESS_SIGN_IN_REASON,
  type WebsiteTransportOptions,
  type WebsiteChatPage,
  type WebsiteChatThread,
} from './transport';
export type { WebsiteChat, WebsiteChatMessage, NegotiationStateId } from './mappers';
export type { WebSession, WebRequestOptions, WebResponse, WebMethod } from './web-session';
export { SiteClient, isSameSite, type SiteClientOptions } from './site-client';
export { extractPageState, readPageState, unescapeHtml, type PageState } from './page-state';
export { CookieJar, type Cookie } from './cookie-jar';
export { parseCookiesTxt, serializeCookiesTxt, CookiesFileError } from './cookies-txt';
export { HH_HOSTS, isHhUrl, sitePages, vacancyIdFrom } from './site';
