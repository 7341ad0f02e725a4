import { describe, expect, it } from 'vitest';
import { withContacts } from '../../../main/core/builder/export/with-contacts';

const profile = { name: 'Анна Иванова', telegram: '@anna_dev', email: 'anna@example.ru', phone: '+7 912 345-67-89', links: [] };

describe('the exported resume is headed by the name and contacts', () => {
  it('adds what the text lacks', () => {
    expect(withContacts('## Опыт\n\nПиксель Плюс', profile)).toBe(
      '# Анна Иванова\n\nTelegram: @anna_dev · anna@example.ru · +7 912 345-67-89\n\n## Опыт\n\nПиксель Плюс',
    );
  });

  it('adds nothing the text already has, and nothing for an empty profile', () => {
    const written = '# Анна Иванова\n\nanna@example.ru\n\n## Опыт';
    expect(withContacts(written, { ...profile, telegram: '', phone: '' })).toBe(written);
    expect(withContacts('## Опыт', { name: '', telegram: '', email: '', phone: '', links: [] })).toBe('## Опыт');
  });
});
