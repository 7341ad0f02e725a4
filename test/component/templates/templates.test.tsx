import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Templates } from '../../../renderer/src/screens/templates/Templates';
import { FakeClient } from '../support/fake-client';
import { noTemplates, signedInAccount, signedOutAccount, templates } from '../support/fixtures/account';
import { coreFailed, coreFailedText } from '../support/fixtures/errors';
import { renderScreen } from '../support/render';

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('Templates', () => {
  it('with no templates offers none to pick and the way to save the first', async () => {
    renderScreen(<Templates />, new FakeClient().ok('hh.status', signedOutAccount).ok('templates.list', noTemplates));
    const select = await screen.findByRole('combobox', { name: 'Шаблон' });
    expect(options(select)).toEqual(['Без шаблона']);
    expect(screen.getByText('Сохранить как шаблон')).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Название шаблона', hidden: true })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Сгенерировать письмо' })).toBeEnabled();
  });

  it('while the templates are on their way says so in the template list, not "no template"', async () => {
    const fake = new FakeClient().ok('hh.status', signedOutAccount);
    const list = fake.hold('templates.list');
    renderScreen(<Templates />, fake);
    await list.asked;
    const select = await screen.findByRole('combobox', { name: 'Шаблон' });
    expect(options(select)).toEqual(['Загрузка…']);
    await list.release(templates);
    expect(await within(select).findByRole('option', { name: 'Коротко и по делу (по умолчанию)' })).toBeInTheDocument();
    expect(options(select)).not.toContain('Загрузка…');
  });

  it('when the templates cannot be read says why in Russian', async () => {
    renderScreen(<Templates />, new FakeClient().ok('hh.status', signedOutAccount).fail('templates.list', coreFailed));
    expect(await screen.findByRole('alert')).toHaveTextContent(coreFailedText);
    expect(screen.getByRole('heading', { name: 'Лаборатория писем' })).toBeVisible();
  });

  it('lists the templates with the default one picked and its instruction filled in, and the resumes', async () => {
    renderScreen(<Templates />, new FakeClient().ok('hh.status', signedInAccount).ok('templates.list', templates));
    const select = await screen.findByRole('combobox', { name: 'Шаблон' });
    expect(await within(select).findByRole('option', { name: 'Коротко и по делу (по умолчанию)', selected: true })).toBeInTheDocument();
    expect(options(select)).toEqual(['Без шаблона', 'Коротко и по делу (по умолчанию)', 'Для стартапов']);
    expect(screen.getByRole('textbox', { name: /^Инструкция/ })).toHaveValue('Три абзаца: опыт, почему эта компания, контакты.');
    expect(screen.getByRole('textbox', { name: 'Тон' })).toHaveValue('дружелюбно');
    expect(screen.getByRole('spinbutton', { name: /Максимальная длина письма/ })).toHaveValue(1500);
    const resumes = screen.getByRole('combobox', { name: 'Резюме' });
    expect(options(resumes)).toEqual([
      'Не выбрано (первое сохранённое, если есть)',
      'Frontend-разработчик',
      'Руководитель группы разработки',
    ]);
  });
});
