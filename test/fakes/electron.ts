/**
 * A fake of the parts of the `electron` module the adapters use. Vitest aliases `electron` to this
 * file, so adapters run unchanged while tests inspect what they asked Electron to do.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession {
  beforeRequest?: { filter: { urls: string[] }; listener: BeforeRequest };
  cleared = 0;
  /** What fetch() answers: a status per URL path, 302 to the login page by default. */
  fetchStatus = new Map<string, number>();
  fetched: string[] = [];
  readonly webRequest = {
    onBeforeRequest: (filterOrNull: { urls: string[] } | null, listener?: BeforeRequest) => {
      this.beforeRequest = filterOrNull && listener ? { filter: filterOrNull, listener } : undefined;
    },
  };
  clearStorageData() {
    this.cleared += 1;
    return Promise.resolve();
  }
  clearCache() {
    return Promise.resolve();
  }
  /** Requests as session.fetch received them. */
  fetchedWith: { url: string; init?: { method?: string; headers?: Record<string, string>; body?: unknown; redirect?: string } }[] = [];
  fetch(url: string, init?: { method?: string; headers?: Record<string, string>; body?: unknown; redirect?: string }) {
    this.fetched.push(url);
    this.fetchedWith.push({ url, init });
    const status = this.fetchStatus.get(new URL(url).pathname) ?? 302;
    const headers = new Headers({ 'content-type': 'text/html', 'set-cookie': '_xsrf=secret; Path=/', location: status === 302 ? '/account/login' : '' });
    return Promise.resolve({ status, url, headers, text: async () => `<html>${status}</html>` });
  }
  cookieValues = new Map<string, string>();
  readonly cookies = {
    get: async ({ name }: { url: string; name: string }) => (this.cookieValues.has(name) ? [{ name, value: this.cookieValues.get(name)! }] : []),
  };
  /** Like a request leaving the window: returns true when the listener cancelled it. */
  simulateRequest(url: string): boolean {
    let cancelled = false;
    this.beforeRequest?.listener({ url }, (response) => (cancelled = Boolean(response.cancel)));
    return cancelled;
  }
  permissionRequestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
  permissionCheckHandler?: (contents: unknown, permission: string) => boolean;
  devicePermissionHandler?: (details: unknown) => boolean;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly session = new FakeSession();
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' };
  sent: { channel: string; payload: unknown }[] = [];
  /** Scripts the app ran in the page, and what the fake page answers to them. */
  scripts: { world: number; code: string }[] = [];
  scriptAnswer: (code: string) => unknown = () => false;
  executeJavaScriptInIsolatedWorld(world: number, sources: { code: string }[]) {
    this.scripts.push(...sources.map(({ code }) => ({ world, code })));
    return Promise.resolve(this.scriptAnswer(sources.at(-1)?.code ?? ''));
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  /** Fires an event the way Electron does, returning whether a listener called preventDefault(). */
  simulate(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  static openWaiters: ((window: BrowserWindow) => void)[] = [];
  static getAllWindows() {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  /** The newest window, as soon as there is one: adapters open theirs after other async work. */
  static whenOpened(): Promise<BrowserWindow> {
    const newest = BrowserWindow.all.at(-1);
    return newest ? Promise.resolve(newest) : new Promise((resolve) => BrowserWindow.openWaiters.push(resolve));
  }
  readonly webContents = new FakeWebContents();
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  loadedUrl?: string;
  constructor(readonly options: Record<string, unknown> & { show?: boolean; webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.all.push(this);
    if (options.show !== false) this.visible = true;
    const { x, y, width, height } = options as { x?: number; y?: number; width?: number; height?: number };
    this.bounds = { x: x ?? 0, y: y ?? 0, width: width ?? 800, height: height ?? 600 };
    for (const waiter of BrowserWindow.openWaiters.splice(0)) waiter(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return this.minimized;
  }
  minimize() {
    this.minimized = true;
  }
  restore() {
    this.minimized = false;
  }
  focus() {
    this.focused = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  maximized = false;
  bounds = { x: 0, y: 0, width: 1200, height: 800 };
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
    this.emit('maximize');
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }) {
    this.bounds = { ...bounds };
    this.emit('resize');
  }
  close() {
    if (this.destroyed) return;
    const prevented = this.simulateClose();
    if (!prevented) this.emit('closed');
  }
  /** Like a user clicking the window's close button: returns true when the close was prevented. */
  simulateClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
    return prevented;
  }
}

class FakeApp extends EventEmitter {
  hasLock = true;
  quitCalls = 0;
  isPackaged = false;
  ready = Promise.resolve();
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  quit() {
    this.quitCalls += 1;
    this.emit('before-quit', { preventDefault() {} });
  }
  exit() {}
  whenReady() {
    return this.ready;
  }
  getName() {
    return 'AI Auto Applier';
  }
  getVersion() {
    return '0.0.0-test';
  }
  getPath() {
    return '/tmp';
  }
}

export const app = new FakeApp();

class FakeIpcMain {
  handlers = new Map<string, Listener>();
  handle(channel: string, handler: Listener) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Calls a handler the way ipcRenderer.invoke from a given frame would. */
  invoke(channel: string, senderFrame: unknown, input: unknown) {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler({ senderFrame, sender: {} }, input));
  }
}
export const ipcMain = new FakeIpcMain();

export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
    this.handlers.set(scheme, handler);
  },
};

export interface MenuItemTemplate {
  label?: string;
  type?: string;
  click?: () => void;
}
export const Menu = {
  buildFromTemplate(template: MenuItemTemplate[]) {
    return { items: template };
  },
};

export const nativeImage = {
  createFromPath(path: string) {
    return { path, isEmpty: () => false };
  },
};

export class Tray extends EventEmitter {
  static all: Tray[] = [];
  menu?: { items: MenuItemTemplate[] };
  menuSets = 0;
  image: unknown;
  tooltip = '';
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    Tray.all.push(this);
  }
  setContextMenu(menu: { items: MenuItemTemplate[] }) {
    this.menu = menu;
    this.menuSets += 1;
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  destroy() {
    this.destroyed = true;
  }
}

export const dialog = {
  /** Index of the button the fake user presses next. */
  nextResponse: 0,
  shown: [] as { message?: string; detail?: string; buttons?: string[] }[],
  showMessageBox(options: { message?: string; detail?: string; buttons?: string[] }) {
    this.shown.push(options);
    return Promise.resolve({ response: this.nextResponse, checkboxChecked: false });
  },
};

export const powerMonitor = new EventEmitter();

const partitions = new Map<string, FakeSession>();
export const session = {
  fromPartition(name: string) {
    let found = partitions.get(name);
    if (!found) {
      found = new FakeSession();
      partitions.set(name, found);
    }
    return found;
  },
};

export const clipboard = {
  text: '',
  writeText(text: string) {
    this.text = text;
  },
};

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays() {
    return this.displays;
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown) {
    this.exposed.set(key, value);
  },
};

class FakeIpcRenderer extends EventEmitter {
  invocations: { channel: string; input: unknown }[] = [];
  invoke(channel: string, input: unknown) {
    this.invocations.push({ channel, input });
    return Promise.resolve({ ok: true, value: null });
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export type FakeStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
const xorBytes = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));

/**
 * Encrypts reversibly but not readably (a prefix and XOR), so a test can look for a secret's bytes in
 * a file and know it is absent because it was encrypted, not because it was never written.
 */
export const safeStorage = {
  backend: 'gnome_libsecret' as FakeStorageBackend,
  available: true,
  /** What the next decryptions report, as after a key rotation. */
  shouldReEncrypt: false,
  backendQueries: 0,
  encryptions: 0,
  isAsyncEncryptionAvailable() {
    return Promise.resolve(this.available);
  },
  getSelectedStorageBackend() {
    this.backendQueries += 1;
    return this.backend;
  },
  encryptStringAsync(plainText: string) {
    if (!this.available) return Promise.reject(new Error('Encryption is not available.'));
    this.encryptions += 1;
    // A random nonce, like real ciphertext: encrypting the same text twice gives different bytes.
    return Promise.resolve(Buffer.concat([Buffer.from('v11'), randomBytes(4), xorBytes(Buffer.from(plainText, 'utf8'))]));
  },
  decryptStringAsync(encrypted: Buffer) {
    if (!this.available) return Promise.reject(new Error('Decryption is not available.'));
    if (encrypted.subarray(0, 3).toString() !== 'v11') return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    return Promise.resolve({ shouldReEncrypt: this.shouldReEncrypt, result: xorBytes(encrypted.subarray(7)).toString('utf8') });
  },
};

/** Puts every fake back to its first state between tests. */
export function resetFakeElectron() {
  BrowserWindow.all = [];
  BrowserWindow.openWaiters = [];
  Tray.all = [];
  app.removeAllListeners();
  app.hasLock = true;
  app.quitCalls = 0;
  ipcMain.handlers.clear();
  shell.opened = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  contextBridge.exposed.clear();
  dialog.nextResponse = 0;
  dialog.shown = [];
  powerMonitor.removeAllListeners();
  partitions.clear();
  clipboard.text = '';
  screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations = [];
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.available = true;
  safeStorage.shouldReEncrypt = false;
  safeStorage.backendQueries = 0;
  safeStorage.encryptions = 0;
}

export default { app, BrowserWindow, ipcMain, shell, protocol, Menu, nativeImage, Tray, contextBridge, ipcRenderer, safeStorage };
