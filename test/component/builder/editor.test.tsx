import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Interview } from '../../../shared/domain';
import { ResumeBuilder } from '../../../renderer/src/screens/builder/ResumeBuilder';
import { FakeClient } from '../support/fake-client';
import { finishedInterview, interviewPage } from '../support/fixtures/interviews';
import { renderScreen } from '../support/render';

/** A finished resume of its own id: unsaved edits are kept per interview for as long as the window is open. */
function withResume(id: number) {
  const interview: Interview = { ...finishedInterview, id, unsupported: [] };
  const fake = new FakeClient()
    .ok('builder.list', interviewPage([interview]))
    .ok('builder.get', interview)
    .ok('builder.lettersResume', null)
    .on('builder.saveResume', ({ markdown }) => ({ ok: true, value: { ...interview, markdown } }));
  return { fake, interview };
}

const source = () => screen.getByRole('textbox', { name: 'Резюме в Markdown' });
const button = (name: string) => within(screen.getByTestId('resume-editor')).getByRole('button', { name });

describe('Resume → the finished resume', () => {
  it('saves the edited Markdown and says it was saved and checked', async () => {
    const { fake, interview } = withResume(41);
    renderScreen(<ResumeBuilder />, fake);
    await screen.findByTestId('resume-editor');
    expect(button('Сохранить правки')).toBeDisabled();
    await userEvent.type(source(), '- Go, 2024');
    expect(within(screen.getByTestId('resume-preview')).getByText('Go, 2024')).toBeVisible();
    await userEvent.click(button('Сохранить правки'));

    expect(await screen.findByTestId('resume-said')).toHaveTextContent('Сохранено и проверено.');
    expect(fake.inputs('builder.saveResume')).toEqual([{ id: 41, markdown: `${interview.markdown}- Go, 2024` }]);
    expect(button('Сохранить правки')).toBeDisabled();
  });

  it('saving as a file saves unsaved edits first, then says where the file went, or that it was not saved', async () => {
    const { fake, interview } = withResume(42);
    fake.ok('builder.export', { saved: 'file', path: '/home/anna/resume.docx', fileName: 'resume.docx' });
    renderScreen(<ResumeBuilder />, fake);
    await screen.findByTestId('resume-editor');
    await userEvent.type(source(), '- Go');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Сохранить как' }), 'docx');
    await userEvent.click(button('Сохранить файл'));

    expect(await screen.findByTestId('resume-said')).toHaveTextContent('Сохранено: /home/anna/resume.docx');
    const order = fake.calls.map((call) => call.name).filter((name) => name === 'builder.saveResume' || name === 'builder.export');
    expect(order).toEqual(['builder.saveResume', 'builder.export']);
    expect(fake.inputs('builder.saveResume')).toEqual([{ id: 42, markdown: `${interview.markdown}- Go` }]);
    expect(fake.inputs('builder.export')).toEqual([{ id: 42, format: 'docx' }]);

    fake.ok('builder.export', { saved: 'cancelled' });
    await userEvent.click(button('Сохранить файл'));
    await vi.waitFor(() => expect(screen.getByTestId('resume-said')).toHaveTextContent('Сохранение отменено.'));
    expect(fake.inputs('builder.saveResume')).toHaveLength(1);
  });

  it("outside the desktop app starts on Word, with PDF said to be the desktop's; marks left in ask before the file goes", async () => {
    const { fake, interview } = withResume(43);
    fake.ok('builder.export', { saved: 'file', path: '/home/anna/resume.docx', fileName: 'resume.docx' });
    renderScreen(<ResumeBuilder />, fake, { info: { name: 'AI Auto Applier', version: '0.2.0', shell: 'headless', platform: 'linux' } });
    await screen.findByTestId('resume-editor');
    const format = screen.getByRole('combobox', { name: 'Сохранить как' });
    expect(format).toHaveValue('docx');
    expect(within(format).getByRole('option', { name: 'PDF (только в приложении для компьютера)' })).toBeDisabled();

    // '[[' types one '[' (user-event's key syntax).
    await userEvent.type(source(), '- [[уточните: год выпуска]');
    await userEvent.click(button('Сохранить файл'));
    expect(await screen.findByTestId('export-gaps')).toHaveTextContent('В резюме остались пометки [уточните: …]');
    expect(fake.inputs('builder.export')).toEqual([]);
    await userEvent.click(within(screen.getByTestId('export-gaps')).getByRole('button', { name: 'Выгрузить как есть' }));
    await vi.waitFor(() => expect(fake.inputs('builder.export')).toEqual([{ id: 43, format: 'docx' }]));
    expect(fake.inputs('builder.saveResume')).toEqual([{ id: 43, markdown: `${interview.markdown}- [уточните: год выпуска]` }]);
  });

  it('is offered to letters beside the hh.ru resume or instead of it, and taken back', async () => {
    const { fake } = withResume(43);
    fake.on('builder.setLettersResume', ({ choice }) => ({ ok: true, value: choice }));
    renderScreen(<ResumeBuilder />, fake);
    const letters = within(await screen.findByRole('group', { name: 'Для писем' }));
    expect(letters.getByRole('radio', { name: 'Не использовать' })).toBeChecked();
    await userEvent.click(letters.getByRole('radio', { name: 'Вместо резюме hh.ru' }));
    await vi.waitFor(() => expect(letters.getByRole('radio', { name: 'Вместо резюме hh.ru' })).toBeChecked());
    await userEvent.click(letters.getByRole('radio', { name: 'Не использовать' }));
    await vi.waitFor(() => expect(letters.getByRole('radio', { name: 'Не использовать' })).toBeChecked());
    expect(fake.inputs('builder.setLettersResume')).toEqual([{ choice: { interviewId: 43, mode: 'instead' } }, { choice: null }]);
  });
});
