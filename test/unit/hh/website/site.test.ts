import { describe, expect, it } from 'vitest';
import {
  hhSiteUrlFrom,
  isApplicantUrl,
  isHhUrl,
  isLoginUrl,
  isResponseFormUrl,
  isResponsesUrl,
  siteBase,
  sitePages,
  vacancyIdFrom,
} from '../../../../main/core/hh/website/site';

describe('hh.ru site module', () => {
  it("keeps a base URL's path in every address it builds", () => {
    expect(siteBase('https://proxy.test/hh/')).toBe('https://proxy.test/hh');
    expect(sitePages.resumes('https://proxy.test/hh/')).toBe('https://proxy.test/hh/applicant/resumes');
    expect(sitePages.login('https://hh.ru')).toBe('https://hh.ru/account/login?backurl=%2Fapplicant%2Fresumes');
    expect(sitePages.responseForm('http://127.0.0.1:8080/site', '77 7')).toBe(
      'http://127.0.0.1:8080/site/applicant/vacancy_response?vacancyId=77%207&startedWithQuestion=false&hhtmFrom=vacancy',
    );
    expect(hhSiteUrlFrom({})).toBe('https://hh.ru');
    expect(hhSiteUrlFrom({ HH_OAUTH_BASE_URL: 'http://127.0.0.1:1/o/' })).toBe('http://127.0.0.1:1/o');
    expect(hhSiteUrlFrom({ HH_SITE_URL: 'http://127.0.0.1:2/site', HH_OAUTH_BASE_URL: 'http://127.0.0.1:1' })).toBe(
      'http://127.0.0.1:2/site',
    );
  });

  it("knows hh.ru's hosts (https only) and a configured site, inside its path only", () => {
    for (const url of [
      'https://hh.ru/vacancy/1',
      'https://spb.hh.ru/',
      'https://chatik.hh.ru/chat',
      'https://rabota.by/',
      'https://hh1.az/x',
    ]) {
      expect(isHhUrl(url)).toBe(true);
    }
    for (const url of [
      'http://hh.ru/',
      'https://evilhh.ru/',
      'https://hh.ru.evil.test/',
      'https://user:pw@hh.ru/',
      'https://hh.ru:8443/',
      'not a url',
    ]) {
      expect(isHhUrl(url)).toBe(false);
    }
    const fake = 'http://127.0.0.1:9000/hh';
    expect(isHhUrl('http://127.0.0.1:9000/hh/applicant/resumes', [fake])).toBe(true);
    expect(isHhUrl('http://127.0.0.1:9000/other', [fake])).toBe(false);
    expect(isHhUrl('http://127.0.0.1:9001/hh/', [fake])).toBe(false);
  });

  it('reads login, applicant, response-form and responses pages under a prefix', () => {
    expect(isLoginUrl('https://hh.ru/account/login?backurl=x')).toBe(true);
    expect(isLoginUrl('http://127.0.0.1:9000/hh/account/signup')).toBe(true);
    expect(isLoginUrl('https://hh.ru/applicant/resumes')).toBe(false);
    expect(isApplicantUrl('http://127.0.0.1:9000/hh/applicant/resumes', 'http://127.0.0.1:9000/hh')).toBe(true);
    expect(isApplicantUrl('https://hh.ru/vacancy/1', 'https://hh.ru')).toBe(false);
    const form = sitePages.responseForm('https://hh.ru', '777');
    expect(isResponseFormUrl(form, 'https://hh.ru', '777')).toBe(true);
    expect(isResponseFormUrl(form, 'https://hh.ru', '778')).toBe(false);
    expect(isResponseFormUrl('https://evil.test/applicant/vacancy_response?vacancyId=777', 'https://hh.ru', '777')).toBe(false);
    expect(isResponsesUrl('https://hh.ru/applicant/negotiations?from=response', 'https://hh.ru')).toBe(true);
    expect(isResponsesUrl('https://evil.test/applicant/negotiations', 'https://hh.ru')).toBe(false);
  });

  it('finds a vacancy number in a link or on its own', () => {
    expect(vacancyIdFrom('https://spb.hh.ru/vacancy/123456?from=x')).toBe('123456');
    expect(vacancyIdFrom(' 987654 ')).toBe('987654');
    expect(vacancyIdFrom('hello')).toBeUndefined();
  });

  it('reads a vacancy number only from hh.ru and its regional sites (or the configured one), never from another site', () => {
    expect(vacancyIdFrom('https://example.com/vacancy/123456')).toBeUndefined();
    expect(vacancyIdFrom('https://hh.ru.example.com/vacancy/123456')).toBeUndefined();
    expect(vacancyIdFrom('https://user@hh.ru/vacancy/123456')).toBeUndefined();
    expect(vacancyIdFrom('https://hh.kz/vacancy/123456')).toBe('123456');
    expect(vacancyIdFrom('https://rabota.by/vacancy/123456')).toBe('123456');
    expect(vacancyIdFrom('hh.ru/vacancy/123456?from=share')).toBe('123456');
    expect(vacancyIdFrom('http://hh.ru/vacancy/123456')).toBe('123456');
    expect(vacancyIdFrom('https://hh.ru/employer/123456')).toBeUndefined();
    expect(vacancyIdFrom('http://127.0.0.1:4000/vacancy/777', ['http://127.0.0.1:4000'])).toBe('777');
    expect(vacancyIdFrom('http://127.0.0.1:4001/vacancy/777', ['http://127.0.0.1:4000'])).toBeUndefined();
  });
});
