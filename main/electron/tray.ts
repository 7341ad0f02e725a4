import { Menu, Tray, nativeImage } from 'electron';
import type { AutomationState, Language } from '../../shared/contract';

const labels = {
  ru: { open: 'Открыть', pause: 'Приостановить автоматизацию', resume: 'Возобновить автоматизацию', quit: 'Выйти', paused: 'приостановлено' },
  en: { open: 'Open', pause: 'Pause automation', resume: 'Resume automation', quit: 'Quit', paused: 'paused' },
} as const;

export interface TrayActions {
  open(): void;
  togglePause(): void;
  quit(): void;
}

export interface AppTray {
  update(state: AutomationState, language: Language): void;
  destroy(): void;
}

export function createTray(icons: { active: string; paused: string }, actions: TrayActions): AppTray {
  const tray = new Tray(nativeImage.createFromPath(icons.active));
  tray.on('click', () => actions.open());

  return {
    // Linux AppIndicator only notices a changed menu when it is set again, so every change rebuilds it.
    update(state, language) {
      const text = labels[language];
      tray.setImage(nativeImage.createFromPath(state.paused ? icons.paused : icons.active));
      tray.setToolTip(state.paused ? `AI Auto Applier (${text.paused})` : 'AI Auto Applier');
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
