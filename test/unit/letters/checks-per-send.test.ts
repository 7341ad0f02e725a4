import { describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../support/db-fixture';
import { lettersWorld } from './letters-world';
import type * as Writing from '../../../main/core/letters/writing';

// The letter's check (claims against the resume, placeholders, length), counted where the service calls it.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../main/core/letters/writing', async (importOriginal) => {
  const actual = await importOriginal<typeof Writing>();
  return {
    ...actual,
    validateLetter: (...args: Parameters<typeof actual.validateLetter>) => {
      checks.count += 1;
      return actual.validateLetter(...args);
    },
  };
});

describe('sending checks the letter once', () => {
  const database = useTestDatabase();

  it('one check per send (it was two: before sending and again for the sent view), and the sent letter shows that check', async () => {
    const { letters, draft } = await lettersWorld(database());
    const { application } = await draft();
    checks.count = 0;
    const view = await letters.send(application.id);
    expect(view.application.state).toBe('sent');
    expect(view.validation.ok).toBe(true);
    expect(checks.count).toBe(1);
  });
});
