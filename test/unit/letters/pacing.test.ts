import { describe, expect, it } from 'vitest';
import { settingsPacer } from '../../../main/core/letters/pacing';

describe('the pause between applications', () => {
  it("is a random length between the user's bounds, read at every application", async () => {
    let now = 0;
    const slept: number[] = [];
    const bounds = { pauseMinSeconds: 10, pauseMaxSeconds: 25 };
    const pacer = settingsPacer(async () => bounds, {
      now: () => now,
      random: () => 0.5,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    await pacer.wait();
    await pacer.wait();
    bounds.pauseMinSeconds = 2;
    bounds.pauseMaxSeconds = 2;
    await pacer.wait();
    await pacer.wait();
    expect(slept).toEqual([17_500, 2_000, 2_000]);
  });
});
