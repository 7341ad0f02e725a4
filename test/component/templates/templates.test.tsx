import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
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

type Generated = ChannelOutput<'templates.try'>;

const generated: Generated = {
  letter: 'Здравствуйте! Пять лет пишу на React.\n\nТелеграм: @ivan',
  prompt: 'Напиши сопроводительное письмо на вакансию «Frontend-разработчик»…',
  validation: {
    ok: false,
    problems: [{ code: 'placeholder', message: 'The letter still has blanks: "{skills}", "{last_company}".' }],
    unsupported: [],
  },
  usage: { promptTokens: 812, completionTokens: 164, totalTokens: 976 },
  model: 'GigaChat-2',
  source: 'ai',
  vacancyTitle: 'Frontend-разработчик',
};

describe('Templates → the lab', () => {
  it('writes a letter for a pasted vacancy with the template picked and shows it, its check, the tokens and the prompt', async () => {
    const fake = new FakeClient().ok('hh.status', signedInAccount).ok('templates.list', templates).ok('templates.try', generated);
    renderScreen(<Templates />, fake);
    await screen.findByRole('option', { name: 'Коротко и по делу (по умолчанию)', selected: true });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Резюме' }), 'r2');
    await userEvent.type(screen.getByRole('textbox', { name: 'Название вакансии' }), 'Frontend-разработчик');
    await userEvent.type(screen.getByRole('textbox', { name: 'Работодатель' }), 'Ромашка');
    await userEvent.type(screen.getByRole('textbox', { name: 'Текст вакансии' }), 'Ищем разработчика на React и TypeScript в команду.');
    await userEvent.click(screen.getByRole('button', { name: 'Сгенерировать письмо' }));

    const output = await screen.findByTestId('lab-output');
    expect(fake.inputs('templates.try')).toEqual([
      {
        vacancy: {
          source: 'text',
          title: 'Frontend-разработчик',
          employer: 'Ромашка',
          text: 'Ищем разработчика на React и TypeScript в команду.',
        },
        resumeHhId: 'r2',
        templateId: 1,
        instruction: 'Три абзаца: опыт, почему эта компания, контакты.',
        tone: 'дружелюбно',
        maxLength: 1500,
      },
    ]);
    expect(within(output).getByRole('textbox', { name: 'Письмо' })).toHaveValue(generated.letter);
    expect(within(output).getByTestId('lab-validation')).toHaveTextContent(
      'Письмо не пройдёт проверку:В письме остались незаполненные места: {skills}, {last_company}',
    );
    expect(within(output).getByTestId('lab-usage')).toHaveTextContent('Модель: GigaChat-2');
    expect(within(output).getByTestId('lab-usage')).toHaveTextContent('976');
    expect(within(output).getByTestId('lab-prompt')).toHaveTextContent(generated.prompt);
  });

  it('checks the edited letter again against the length asked for', async () => {
    const fake = new FakeClient()
      .ok('hh.status', signedOutAccount)
      .ok('templates.list', noTemplates)
      .ok('templates.try', generated)
      .ok('letters.validate', { ok: true, problems: [], unsupported: [] });
    renderScreen(<Templates />, fake);
    await userEvent.click(await screen.findByRole('radio', { name: 'Ссылка или номер на hh.ru' }));
    await userEvent.type(screen.getByRole('textbox', { name: /^Ссылка на вакансию/ }), 'https://hh.ru/vacancy/123456');
    await userEvent.click(screen.getByRole('button', { name: 'Сгенерировать письмо' }));
    const letter = await screen.findByRole('textbox', { name: 'Письмо' });
    expect(fake.inputs('templates.try')[0]).toEqual({
      vacancy: { source: 'hh', idOrUrl: 'https://hh.ru/vacancy/123456' },
      resumeHhId: null,
      templateId: null,
      maxLength: 2000,
    });
    await userEvent.clear(letter);
    await userEvent.type(letter, 'Здравствуйте! Готов к собеседованию.');
    await userEvent.click(screen.getByRole('button', { name: 'Проверить снова' }));
    expect(await screen.findByText('Проверка пройдена: письмо можно отправлять.')).toBeVisible();
    expect(fake.inputs('letters.validate')).toEqual([{ letter: 'Здравствуйте! Готов к собеседованию.', maxLength: 2000 }]);
  });

  it('says in Russian, at the field, what the vacancy is missing', async () => {
    const fake = new FakeClient().ok('hh.status', signedOutAccount).ok('templates.list', noTemplates);
    fake.fail('templates.try', {
      code: 'invalid_input',
      message: 'Some of the values are not valid. Check the highlighted fields.',
      issues: [{ path: 'vacancy.text', message: 'Paste the vacancy text (at least a few sentences)' }],
    });
    renderScreen(<Templates />, fake);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Название вакансии' }), 'Тестировщик');
    await userEvent.click(screen.getByRole('button', { name: 'Сгенерировать письмо' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Вставьте текст вакансии (хотя бы несколько предложений)');
    expect(screen.getByRole('textbox', { name: /^Текст вакансии/ })).toHaveAccessibleName(/Вставьте текст вакансии/);
    expect(screen.queryByTestId('lab-output')).not.toBeInTheDocument();
  });

  it('saves the instruction as a new template and picks it', async () => {
    const saved = [...templates, { ...templates[1]!, id: 3, name: 'Для банков', instruction: 'Про надёжность.', isDefault: false }];
    const fake = new FakeClient().ok('hh.status', signedOutAccount).ok('templates.list', templates).ok('templates.save', saved);
    renderScreen(<Templates />, fake);
    const select = await screen.findByRole('combobox', { name: 'Шаблон' });
    await within(select).findByRole('option', { name: 'Коротко и по делу (по умолчанию)', selected: true });
    const instruction = screen.getByRole('textbox', { name: /^Инструкция/ });
    await userEvent.clear(instruction);
    await userEvent.type(instruction, 'Про надёжность.');
    await userEvent.click(screen.getByText('Сохранить как шаблон'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Название шаблона' }), 'Для банков');
    await userEvent.click(screen.getByRole('button', { name: 'Сохранить шаблон' }));
    expect(await screen.findByText('Шаблон сохранён.')).toBeVisible();
    expect(fake.inputs('templates.save')).toEqual([
      { template: { name: 'Для банков', instruction: 'Про надёжность.', tone: 'дружелюбно', maxLength: 1500 } },
    ]);
    expect(within(select).getByRole('option', { name: 'Для банков', selected: true })).toBeInTheDocument();
  });

  it('deletes a template after the user confirms; the default one cannot be deleted and says why', async () => {
    const fake = new FakeClient().ok('hh.status', signedOutAccount).ok('templates.list', templates).ok('templates.delete', [templates[0]!]);
    renderScreen(<Templates />, fake);
    const select = await screen.findByRole('combobox', { name: 'Шаблон' });
    await within(select).findByRole('option', { name: 'Коротко и по делу (по умолчанию)', selected: true });
    const remove = screen.getByRole('button', { name: 'Удалить шаблон' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription(/Шаблон по умолчанию удалить нельзя/);

    await userEvent.selectOptions(select, 'Для стартапов');
    await userEvent.click(screen.getByRole('button', { name: 'Удалить шаблон' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Удалить шаблон' });
    expect(confirm).toHaveTextContent('Удалить шаблон «Для стартапов»?');
    // Cancel deletes nothing.
    await userEvent.click(within(confirm).getByRole('button', { name: 'Отмена' }));
    expect(fake.inputs('templates.delete')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Удалить шаблон' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Удалить' }));
    expect(fake.inputs('templates.delete')).toEqual([{ id: 2 }]);
    expect(await screen.findByText('Шаблон «Для стартапов» удалён.')).toBeVisible();
    expect(options(select)).toEqual(['Без шаблона', 'Коротко и по делу (по умолчанию)']);
    expect(within(select).getByRole('option', { name: 'Коротко и по делу (по умолчанию)' })).toHaveProperty('selected', true);
  });

  it('makes another template the default, after which it says so in the list', async () => {
    const swapped = [
      { ...templates[0]!, isDefault: false },
      { ...templates[1]!, isDefault: true },
    ];
    const fake = new FakeClient().ok('hh.status', signedOutAccount).ok('templates.list', templates).ok('templates.save', swapped);
    renderScreen(<Templates />, fake);
    const select = await screen.findByRole('combobox', { name: 'Шаблон' });
    await within(select).findByRole('option', { name: 'Коротко и по делу (по умолчанию)', selected: true });
    await userEvent.selectOptions(select, 'Для стартапов');
    await userEvent.click(screen.getByRole('button', { name: 'Сделать шаблоном по умолчанию' }));
    expect(fake.inputs('templates.save')).toEqual([
      { id: 2, template: { name: 'Для стартапов', instruction: 'Упомяни пет-проекты.', tone: '', maxLength: 2000 }, makeDefault: true },
    ]);
    expect(await within(select).findByRole('option', { name: 'Для стартапов (по умолчанию)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Удалить шаблон' })).toBeDisabled();
  });
});
