import { describe, expect, it } from 'vitest';
import { activityLine } from '../../../renderer/src/format/activity';
import { setupI18n } from '../../../renderer/src/i18n';

describe('the activity log in words', () => {
  it('turns codes and targets into phrases in both languages; an unknown code stays as it is', async () => {
    const i18n = await setupI18n('ru');
    const line = (action: string, target: string) => activityLine(i18n.t, { action, target });
    expect(line('application.sent', 'vacancy 120000036')).toBe('Отклик отправлен · вакансия 120000036');
    // A vacancy the app keeps is named by its title, not hh.ru's number.
    expect(activityLine(i18n.t, { action: 'application.sent', target: 'vacancy 120000036', targetName: 'Группа «Север»: аналитик' })).toBe(
      'Отклик отправлен · вакансия «Группа „Север“: аналитик»',
    );
    expect(line('hh.chats.read', 'negotiations')).toBe('Прочитаны отклики и чаты · все отклики');
    expect(line('hh.token.refresh', 'hh.ru')).toBe('Токен входа hh.ru обновлён');
    expect(line('something.new', 'thing 1')).toBe('something.new · thing 1');
    await i18n.changeLanguage('en');
    expect(line('employer.blacklisted', 'employer 1455')).toBe('Employer blocked · employer 1455');
    expect(line('vault.weak_protection', 'secrets')).toBe('Secret storage protection changed · secret storage');
  });

  it('every action the core writes has words in both languages', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
      );
    const source = files(join(import.meta.dirname, '../../../main/core'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const actions = new Set([...source.matchAll(/(?:action: |#audit\()'([a-z_.]+)'/g)].map((m) => m[1]!));
    expect(actions.size).toBeGreaterThan(10);
    for (const lang of ['ru', 'en'] as const) {
      const i18n = await setupI18n(lang);
      for (const action of actions) expect(activityLine(i18n.t, { action, target: '' }), `${lang}: ${action}`).not.toBe(action);
    }
  });
});

describe('titles in quotes', () => {
  it('never doubles «ёлочки»: inner quotes become „лапки“, a title already quoted whole stays', async () => {
    const { quoted } = await import('../../../renderer/src/format/quoted');
    expect(quoted('Python-разработчик')).toBe('«Python-разработчик»');
    expect(quoted('Группа компаний «Северный ветер»')).toBe('«Группа компаний „Северный ветер“»');
    expect(quoted('ООО "Ромашка"')).toBe('«ООО „Ромашка“»');
    expect(quoted('«Аналитик»')).toBe('«Аналитик»');
  });
});
