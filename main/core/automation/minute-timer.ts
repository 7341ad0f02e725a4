import { scheduleJob } from 'node-schedule';
import type { MinuteTimer } from '../ports';

/**
 * node-schedule fires on the wall clock's minute, so a wake from sleep or a clock change is noticed
 * within a minute (a setInterval would drift or stall across a suspend).
 */
export const nodeScheduleTimer: MinuteTimer = {
  everyMinute(fn) {
    const job = scheduleJob('* * * * *', fn);
    return () => job.cancel();
  },
};
