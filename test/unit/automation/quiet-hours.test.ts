import { describe, expect, it } from 'vitest';
import { quietUntil } from '../../../main/core/automation/quiet-hours';

const at = (hh: number, mm = 0) => new Date(2026, 10, 27, hh, mm);

describe('quiet hours', () => {
  const night = { enabled: true, from: '23:00', to: '08:00' };
  it('a range past midnight holds from its start to its end the next morning', () => {
    expect(quietUntil(at(22, 59), night)).toBeNull();
    expect(quietUntil(at(23, 0), night)).toEqual(new Date(2026, 10, 28, 8, 0));
    expect(quietUntil(at(3, 30), night)).toEqual(at(8, 0));
    expect(quietUntil(at(8, 0), night)).toBeNull();
  });
  it('a range within a day, and switched off', () => {
    const lunch = { enabled: true, from: '13:00', to: '14:00' };
    expect(quietUntil(at(13, 30), lunch)).toEqual(at(14, 0));
    expect(quietUntil(at(14, 0), lunch)).toBeNull();
    expect(quietUntil(at(3, 0), { ...night, enabled: false })).toBeNull();
  });
});
