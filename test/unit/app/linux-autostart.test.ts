import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartFile, isEnabledEntry, quoteExecArgument } from '../../../main/core/app/linux-autostart';

describe('the Linux autostart entry', () => {
  it('lives in the XDG config folder', () => {
    expect(autostartFile({}, '/home/anna')).toBe('/home/anna/.config/autostart/ai-auto-applier.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/anna')).toBe('/cfg/autostart/ai-auto-applier.desktop');
  });

  it('quotes Exec arguments as the Desktop Entry spec says', () => {
    expect(quoteExecArgument('/opt/AI Auto Applier/ai-auto-applier')).toBe('"/opt/AI Auto Applier/ai-auto-applier"');
    expect(quoteExecArgument('/home/anna/Apps/app.AppImage')).toBe('/home/anna/Apps/app.AppImage');
    expect(quoteExecArgument('/a/$HOME "x" `y` \\z 100%')).toBe('"/a/\\$HOME \\"x\\" \\`y\\` \\\\z 100%%"');
    expect(autostartEntry({ name: 'AI Auto Applier', exec: ['/opt/AI Auto Applier/ai-auto-applier'], startHidden: true })).toContain(
      'Exec="/opt/AI Auto Applier/ai-auto-applier" --hidden\n',
    );
  });

  it('counts as off when a desktop turned it off', () => {
    const entry = autostartEntry({ name: 'x', exec: ['/x'], startHidden: false });
    expect(isEnabledEntry(entry)).toBe(true);
    expect(isEnabledEntry(entry.replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'))).toBe(false);
    expect(isEnabledEntry(`${entry}Hidden=true\n`)).toBe(false);
  });
});
