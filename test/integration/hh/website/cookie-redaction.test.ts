import { describe, expect, it } from 'vitest';
import { readAppEnv } from '../../../../main/core/secrets';
import { createHeadlessWebSession } from '../../../../main/headless/web-session';
import { capturingLogger } from '../../../fakes/ai';
import { startFakeHhSite } from '../../../fakes/hh-site/server';
import { closeAfterEach, ok } from '../../../support/contract';
import { startTestCore } from '../../../support/core';

const keep = closeAfterEach();

describe('the hh.ru cookies of a headless session', () => {
  it('every cookie value from cookies.txt, and each one hh.ru sets later, is hidden in whatever the core logs or answers', async () => {
    const site = keep(await startFakeHhSite());
    const captured = capturingLogger();
    const { core } = keep(
      await startTestCore({
        log: captured,
        env: readAppEnv({ HH_SITE_URL: site.url }),
        hhWebSession: await createHeadlessWebSession({ siteUrl: site.url, cookiesFile: await site.cookiesTxt() }),
        hhWebsiteIntervalMs: 0,
      }),
    );
    ok(await core.invoke('hh.signInWebsite', {}));
    site.rotateXsrf();
    ok(await core.invoke('searches.save', { search: { name: 'Python', filters: { text: 'Python' }, intervalHours: 4, mode: 'review' } }));
    await core.automation.scheduler.tick();
    const secrets = site.secrets().filter((value) => value.length >= 6);
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    // Whatever code path would put them in a log line or an error: a bare value, in a sentence, in details.
    for (const secret of secrets) core.log.warn(`a request failed with ${secret}`, { sent: secret, header: `x=${secret}` });
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(captured.lines.join('\n')).not.toContain(secret);
  });
});
