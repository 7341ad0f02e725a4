import { Menu, Tray, nativeImage } from 'electron';
import type { AutomationState, Language } from '../../shared/contract';

const labels = {
  ru: {
    open: 'Открыть',
    pause: 'Приостановить автоматизацию',
    resume: 'Возобновить автоматизацию',
    quit: 'Выйти',
    paused: 'приостановлено',
    summary: (s: TraySummary) => `отправлено за сутки ${s.sent}, осталось ${s.left}${s.nextRun ? `, следующий запуск ${s.nextRun}` : ''}`,
  },
  en: {
    open: 'Open',
    pause: 'Pause automation',
    resume: 'Resume automation',
    quit: 'Quit',
    paused: 'paused',
    summary: (s: TraySummary) => `${s.sent} sent in 24 h, ${s.left} left${s.nextRun ? `, next run ${s.nextRun}` : ''}`,
  },
} as const;

/** What the tooltip says about the work: sent and left in the rolling 24 hours, the next run (HH:MM). */
export interface TraySummary {
  sent: number;
  left: number;
  nextRun: string | null;
}

export interface TrayActions {
  open(): void;
  togglePause(): void;
  quit(): void;
}

export interface AppTray {
  update(state: AutomationState, language: Language, summary?: TraySummary): void;
  destroy(): void;
}

export function createTray(icons: { active: string; paused: string }, actions: TrayActions): AppTray {
  const tray = new Tray(nativeImage.createFromPath(icons.active));
  tray.on('click', () => actions.open());

  return {
    // Linux AppIndicator only notices a changed menu when it is set again, so every change rebuilds it.
    update(state, language, summary) {
      const text = labels[language];
      tray.setImage(nativeImage.createFromPath(state.paused ? icons.paused : icons.active));
      const detail = [state.paused ? text.paused : '', summary ? text.summary(summary) : ''].filter(Boolean).join('; ');
      tray.setToolTip(detail ? `AI Auto Applier (${detail})` : 'AI Auto Applier');
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: text.open, click: () => actions.open() },
          { label: state.paused ? text.resume : text.pause, click: () => actions.togglePause() },
          { type: 'separator' },
          { label: text.quit, click: () => actions.quit() },
        ]),
      );
    },
    destroy: () => tray.destroy(),
  };
}
