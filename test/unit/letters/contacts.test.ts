import { describe, expect, it } from 'vitest';
import { contactsBlock, hasContacts, stripContactSections } from '../../../main/core/letters/writing';
import { contactsRu, profile } from '../../support/ai-fixtures';

describe('contactsBlock', () => {
  it('lists the filled fields in Russian, as the original design did', () => {
    expect(contactsBlock(profile, 'ru')).toBe(contactsRu);
  });

  it('has an English form and a phone line', () => {
    expect(
      contactsBlock({ ...profile, phone: '+7 916 123-45-67', links: ['https://github.com/anna', 'https://annasmirnova.dev'] }, 'en'),
    ).toBe(
      [
        'Contacts:',
        '- Telegram: https://t.me/anna_frontend',
        '- Email: anna.smirnova@example.ru',
        '- Phone: +7 916 123-45-67',
        '- Portfolio: https://github.com/anna',
        '- Portfolio: https://annasmirnova.dev',
      ].join('\n'),
    );
  });

  it('leaves out empty fields and keeps a Telegram link as typed', () => {
    expect(contactsBlock({ telegram: 'https://t.me/anna', email: '', phone: '', links: [] }, 'ru')).toBe(
      'Контакты для связи:\n- Telegram: https://t.me/anna',
    );
    expect(contactsBlock({ telegram: '', email: 'a@b.ru', phone: '', links: [] }, 'ru')).toBe('Контакты для связи:\n- Email: a@b.ru');
  });

  it('is empty when the profile has no contacts', () => {
    const empty = { telegram: ' ', email: '', phone: '', links: [] };
    expect(contactsBlock(empty, 'ru')).toBe('');
    expect(hasContacts(empty)).toBe(false);
    expect(hasContacts(profile)).toBe(true);
  });
});

describe('stripContactSections', () => {
  it("removes a model's contacts section with its heading", () => {
    const text =
      'Буду рада обсудить детали.\n\nМои контакты:\n- Телефон: +7 (999) 123-45-67\n- Email: anna@example.ru\n\nС уважением,\nАнна';
    expect(stripContactSections(text)).toBe('Буду рада обсудить детали.\n\n\nС уважением,\nАнна');
  });

  it('removes trailing contact lines without a heading, keeping the sign-off', () => {
    expect(stripContactSections('С уважением,\nАнна Смирнова\nTelegram: @anna_frontend\nanna@example.ru\n+7 999 123 45 67')).toBe(
      'С уважением,\nАнна Смирнова',
    );
  });

  it('keeps ordinary sentences that mention contacts or numbers', () => {
    const text = 'Контакты с заказчиками вела сама.\nРаботала в 2019 - 2021 годах.';
    expect(stripContactSections(text)).toBe(text);
  });
});
