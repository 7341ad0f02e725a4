import type { Logger } from '../ports';

/** One line to several logs (the console and the log file); one that throws does not silence the others. */
export function teeLogger(...loggers: Logger[]): Logger {
  const each =
    (level: keyof Logger): Logger['info'] =>
    (message, details) => {
      for (const logger of loggers) {
        try {
          logger[level](message, details);
        } catch {
          // A log that fails must never fail the work it describes.
        }
      }
    };
  return { info: each('info'), warn: each('warn'), error: each('error') };
}
