/**
 * A fake of the parts of the `electron` module the adapters use. Vitest aliases `electron` to this
 * file, so adapters run unchanged while tests inspect what they asked Electron to do.
 *
 * Each export `satisfies` Electron's own types (from the installed `electron` package) for the
 * members the adapters call: a fake that drifts from Electron's API fails `npm run typecheck`.
 * Where Electron returns a large object (a Session, a NativeImage, a Display), the check asks only
 * for the members the adapters read from it. Events are left out: each fake is a Node EventEmitter,
 * as Electron's objects are, and Electron's `on` returns its own full type, which no fake can be.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

/** Fires an event the way Electron does, returning whether a listener called preventDefault(). */
function simulateOn(emitter: EventEmitter, event: string, args: unknown[]): boolean {
  let prevented = false;
  emitter.emit(event, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

type BeforeRequestListener = (
  details: Electron.OnBeforeRequestListenerDetails,
  callback: (response: Electron.CallbackResponse) => void,
) => void;

type SessionShape = Pick<
  Electron.Session,
  'clearStorageData' | 'clearCache' | 'fetch' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & {
  readonly webRequest: Pick<Electron.WebRequest, 'onBeforeRequest'>;
  readonly cookies: Pick<Electron.Cookies, 'get'>;
};

type WebContentsShape = Pick<Electron.WebContents, 'setWindowOpenHandler' | 'send' | 'executeJavaScriptInIsolatedWorld'> & {
  readonly session: SessionShape;
};

type BrowserWindowShape = Pick<
  Electron.BrowserWindow,
  | 'loadURL'
  | 'show'
  | 'hide'
  | 'isVisible'
  | 'isMinimized'
  | 'minimize'
  | 'restore'
  | 'focus'
  | 'isDestroyed'
  | 'isMaximized'
  | 'maximize'
  | 'getNormalBounds'
  | 'setBounds'
  | 'close'
  | 'setTitle'
  | 'getTitle'
> & { readonly webContents: WebContentsShape };

/** What a permission handler gets; the tests call the stored handlers with less. */
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;

export class FakeSession extends EventEmitter {
  beforeRequest?: { filter: Electron.WebRequestFilter; listener: BeforeRequestListener };
  cleared = 0;
  /** What fetch() answers: a status per URL path, 302 to the login page by default. */
  fetchStatus = new Map<string, number>();
  fetched: string[] = [];
  /** Requests as session.fetch received them. */
  fetchedWith: { url: string; init?: RequestInit }[] = [];
  cookieValues = new Map<string, string>();
  permissionRequestHandler?: PermissionRequestHandler;
  permissionCheckHandler?: (contents: unknown, permission: string) => boolean;
  devicePermissionHandler?: (details: unknown) => boolean;

  readonly webRequest = {
    // Electron's two forms: (filter, listener) and (listener); a null listener removes it.
    onBeforeRequest: (
      filterOrListener: Electron.WebRequestFilter | BeforeRequestListener | null,
      listener?: BeforeRequestListener | null,
    ) => {
      if (typeof filterOrListener === 'function') this.beforeRequest = { filter: { urls: ['<all_urls>'] }, listener: filterOrListener };
      else this.beforeRequest = filterOrListener && listener ? { filter: filterOrListener, listener } : undefined;
    },
  };

  readonly cookies = {
    get: async ({ name }: Electron.CookiesGetFilter): Promise<Electron.Cookie[]> =>
      name !== undefined && this.cookieValues.has(name) ? [{ name, value: this.cookieValues.get(name)!, sameSite: 'lax' }] : [],
  };

  clearStorageData() {
    this.cleared += 1;
    return Promise.resolve();
  }

  clearCache() {
    return Promise.resolve();
  }

  fetch(input: string | Request, init?: RequestInit) {
    const url = typeof input === 'string' ? input : input.url;
    this.fetched.push(url);
    this.fetchedWith.push({ url, init });
    const status = this.fetchStatus.get(new URL(url).pathname) ?? 302;
    const headers = new Headers({ 'content-type': 'text/html', 'set-cookie': '_xsrf=secret; Path=/' });
    if (status === 302) headers.set('location', '/account/login');
    return Promise.resolve(new Response(`<html>${status}</html>`, { status, headers }));
  }

  /** Fires a session event ('will-download'); true when a listener called preventDefault(). */
  simulate(event: string, ...args: unknown[]): boolean {
    return simulateOn(this, event, args);
  }

  /** Like a request leaving the window: returns true when the listener cancelled it. */
  simulateRequest(url: string): boolean {
    let cancelled = false;
    const details = { id: 1, url, method: 'GET', resourceType: 'mainFrame', referrer: '', timestamp: Date.now(), uploadData: [] } as const;
    this.beforeRequest?.listener({ ...details, uploadData: [] }, (response) => (cancelled = Boolean(response.cancel)));
    return cancelled;
  }

  // Kept with looser types: tests call the handlers with stand-ins for the web contents and details.
  setPermissionRequestHandler(handler: Parameters<Electron.Session['setPermissionRequestHandler']>[0]) {
    this.permissionRequestHandler = (handler ?? undefined) as PermissionRequestHandler | undefined;
  }

  setPermissionCheckHandler(handler: Parameters<Electron.Session['setPermissionCheckHandler']>[0]) {
    this.permissionCheckHandler = (handler ?? undefined) as FakeSession['permissionCheckHandler'];
  }

  setDevicePermissionHandler(handler: Parameters<Electron.Session['setDevicePermissionHandler']>[0]) {
    this.devicePermissionHandler = (handler ?? undefined) as FakeSession['devicePermissionHandler'];
  }
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly session = new FakeSession();
  windowOpenHandler?: (details: Pick<Electron.HandlerDetails, 'url'>) => Electron.WindowOpenHandlerResponse;
  sent: { channel: string; payload: unknown }[] = [];
  /** Scripts the app ran in the page, and what the fake page answers to them. */
  scripts: { world: number; code: string }[] = [];
  scriptAnswer: (code: string) => unknown = () => false;
  /** The page's address: what loadURL loaded, then where each navigation event went. */
  url = '';
  getURL() {
    return this.url;
  }
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if ((event === 'did-navigate' || event === 'did-navigate-in-page') && typeof args[1] === 'string') this.url = args[1];
    return super.emit(event, ...args);
  }

  executeJavaScriptInIsolatedWorld(world: number, sources: Electron.WebSource[]) {
    this.scripts.push(...sources.map(({ code }) => ({ world, code })));
    return Promise.resolve(this.scriptAnswer(sources.at(-1)?.code ?? ''));
  }

  /** Kept with a looser type: tests call it with only the URL. */
  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]) {
    this.windowOpenHandler = handler as FakeWebContents['windowOpenHandler'];
  }

  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }

  /** What was printed: the page's address at the time and the options; the "PDF" names the page. */
  printed: { url: string; options: Electron.PrintToPDFOptions }[] = [];
  printToPDF(options: Electron.PrintToPDFOptions) {
    this.printed.push({ url: this.url, options });
    return Promise.resolve(Buffer.from(`%PDF-fake ${this.url.length}`));
  }

  /** Fires an event the way Electron does, returning whether a listener called preventDefault(). */
  simulate(event: string, ...args: unknown[]): boolean {
    return simulateOn(this, event, args);
  }
}

class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static openWaiters: ((window: FakeBrowserWindow) => void)[] = [];

  static getAllWindows() {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }

  /** The newest window, as soon as there is one: adapters open theirs after other async work. */
  static whenOpened(): Promise<FakeBrowserWindow> {
    const newest = FakeBrowserWindow.all.at(-1);
    return newest ? Promise.resolve(newest) : new Promise((resolve) => FakeBrowserWindow.openWaiters.push(resolve));
  }

  readonly webContents = new FakeWebContents();
  visible = false;
  minimized = false;
  maximized = false;
  focused = false;
  destroyed = false;
  loadedUrl?: string;
  bounds: Electron.Rectangle;
  title: string;

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.title = options.title ?? '';
    FakeBrowserWindow.all.push(this);
    if (options.show !== false) this.visible = true;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    // As Electron does for every web contents, before the code that made the window sees it.
    app.emit('web-contents-created', {}, this.webContents);
    for (const waiter of FakeBrowserWindow.openWaiters.splice(0)) waiter(this);
  }

  setTitle(title: string) {
    this.title = title;
  }

  getTitle() {
    return this.title;
  }

  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }

  show() {
    this.visible = true;
    this.emit('show');
  }

  hide() {
    this.visible = false;
    this.emit('hide');
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

  setBounds(bounds: Partial<Electron.Rectangle>) {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('resize');
  }

  close() {
    if (this.destroyed) return;
    const prevented = this.simulateClose();
    if (!prevented) this.emit('closed');
  }

  /** Fires a window event ('page-title-updated'); true when a listener called preventDefault(). */
  simulate(event: string, ...args: unknown[]): boolean {
    return simulateOn(this, event, args);
  }

  /** Like a user clicking the window's close button: returns true when the close was prevented. */
  simulateClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroyed = true;
    return prevented;
  }
}

export const BrowserWindow = FakeBrowserWindow satisfies {
  new (options?: Electron.BrowserWindowConstructorOptions): BrowserWindowShape;
  getAllWindows(): BrowserWindowShape[];
};
export type BrowserWindow = FakeBrowserWindow;

/** The macOS Dock: whether the app shows in it. */
class FakeDock {
  hidden = false;
  hide() {
    this.hidden = true;
  }
  show() {
    this.hidden = false;
    return Promise.resolve();
  }
}

class FakeApp extends EventEmitter {
  hasLock = true;
  quitCalls = 0;
  isPackaged = false;
  ready = Promise.resolve();
  appUserModelId?: string;
  readonly dock = new FakeDock();
  /** Login items as the OS keeps them: on/off per argument list (Windows tells them apart), and how this run was opened. */
  loginItems = new Map<string, boolean>();
  wasOpenedAtLogin = false;
  loginItemCalls: Electron.Settings[] = [];

  setAppUserModelId(id: string) {
    this.appUserModelId = id;
  }

  getLoginItemSettings(options?: Electron.LoginItemSettingsOptions) {
    const openAtLogin = this.loginItems.get(JSON.stringify(options?.args ?? [])) ?? false;
    return { openAtLogin, wasOpenedAtLogin: this.wasOpenedAtLogin } as Electron.LoginItemSettings;
  }

  setLoginItemSettings(settings: Electron.Settings) {
    this.loginItemCalls.push(settings);
    // One entry per app: a new argument list replaces the old one.
    this.loginItems.clear();
    this.loginItems.set(JSON.stringify(settings.args ?? []), settings.openAtLogin ?? false);
  }

  getAppPath() {
    return '/app';
  }

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

export const app = new FakeApp() satisfies Pick<
  Electron.App,
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'whenReady'
  | 'getName'
  | 'getVersion'
  | 'getPath'
  | 'isPackaged'
  | 'setAppUserModelId'
  | 'getLoginItemSettings'
  | 'setLoginItemSettings'
  | 'getAppPath'
> & { dock: Pick<Electron.Dock, 'show' | 'hide'> };

class FakeIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();

  handle(channel: string, handler: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler as (event: unknown, ...args: unknown[]) => unknown);
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

export const ipcMain = new FakeIpcMain() satisfies Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;

class FakeShell {
  opened: string[] = [];

  /** Folders opened with openPath (the data folder from the open-error dialog). */
  openedPaths: string[] = [];

  openExternal(url: string) {
    this.opened.push(url);
    return Promise.resolve();
  }

  openPath(path: string) {
    this.openedPaths.push(path);
    return Promise.resolve('');
  }
}

export const shell = new FakeShell() satisfies Pick<Electron.Shell, 'openExternal' | 'openPath'>;

class FakeProtocol {
  privileged: Electron.CustomScheme[] = [];
  handlers = new Map<string, (request: Request) => Promise<Response> | Response>();

  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]) {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
    this.handlers.set(scheme, handler);
  }
}

export const protocol = new FakeProtocol() satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

/** What Menu.buildFromTemplate made: the template as given, for tests to read and click. */
export class FakeMenu {
  constructor(readonly items: Electron.MenuItemConstructorOptions[]) {}

  /** Like the user clicking the item (the adapters read none of the arguments Electron passes). */
  click(label: string) {
    const item = this.items.find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`No menu item "${label}" to click`);
    item.click({} as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
  }
}

export const Menu = {
  buildFromTemplate(template: Electron.MenuItemConstructorOptions[]) {
    return new FakeMenu(template);
  },
} satisfies { buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): object };

/** Stands for a NativeImage: where it was loaded from. */
export interface FakeImage extends Pick<Electron.NativeImage, 'isEmpty'> {
  path: string;
}

export const nativeImage = {
  createFromPath(path: string): FakeImage {
    return { path, isEmpty: () => false };
  },
} satisfies { createFromPath(path: string): Pick<Electron.NativeImage, 'isEmpty'> };

class FakeTray extends EventEmitter {
  static all: FakeTray[] = [];
  menu?: FakeMenu;
  menuSets = 0;
  image: FakeImage | string;
  tooltip = '';
  destroyed = false;

  constructor(image: FakeImage | string) {
    super();
    this.image = image;
    FakeTray.all.push(this);
  }

  setContextMenu(menu: FakeMenu | null) {
    this.menu = menu ?? undefined;
    this.menuSets += 1;
  }

  setImage(image: FakeImage | string) {
    this.image = image;
  }

  setToolTip(text: string) {
    this.tooltip = text;
  }

  destroy() {
    this.destroyed = true;
  }
}

export const Tray = FakeTray satisfies new (image: FakeImage | string) => Pick<Electron.Tray, 'setToolTip' | 'destroy'> & {
  setImage(image: FakeImage | string): void;
  setContextMenu(menu: FakeMenu | null): void;
};
export type Tray = FakeTray;

class FakeDialog {
  /** Index of the button the fake user presses next. */
  nextResponse = 0;
  /** Buttons the fake user presses in turn, before falling back to nextResponse. */
  responses: number[] = [];
  shown: Electron.MessageBoxOptions[] = [];

  // Electron's two forms: (options) and (parent window, options).
  showMessageBox(windowOrOptions: Electron.BaseWindow | Electron.MessageBoxOptions, maybeOptions?: Electron.MessageBoxOptions) {
    const options = maybeOptions ?? (windowOrOptions as Electron.MessageBoxOptions);
    this.shown.push(options);
    return Promise.resolve({ response: this.responses.shift() ?? this.nextResponse, checkboxChecked: false });
  }

  /** Where the fake user saves next; undefined: they press Cancel. */
  nextSavePath: string | undefined;
  saveDialogs: Electron.SaveDialogOptions[] = [];
  showSaveDialog(windowOrOptions: Electron.BaseWindow | Electron.SaveDialogOptions, maybeOptions?: Electron.SaveDialogOptions) {
    const options = maybeOptions ?? (windowOrOptions as Electron.SaveDialogOptions);
    this.saveDialogs.push(options);
    return Promise.resolve({ canceled: this.nextSavePath === undefined, filePath: this.nextSavePath ?? '' });
  }
}

export const dialog = new FakeDialog() satisfies Pick<Electron.Dialog, 'showMessageBox' | 'showSaveDialog'>;

/** Only its events ('suspend', 'shutdown', 'lock-screen') are used. */
export const powerMonitor = new EventEmitter() satisfies NodeJS.EventEmitter;

const partitions = new Map<string, FakeSession>();
export const session = {
  /** The main and PDF windows' session in Electron; here one shared fake, made anew by resetFakeElectron. */
  defaultSession: new FakeSession(),
  fromPartition(name: string) {
    let found = partitions.get(name);
    if (!found) {
      found = new FakeSession();
      partitions.set(name, found);
    }
    return found;
  },
} satisfies { defaultSession: SessionShape; fromPartition(partition: string, options?: Electron.FromPartitionOptions): SessionShape };

class FakeClipboard {
  text = '';

  writeText(text: string) {
    this.text = text;
    return Promise.resolve();
  }
}

export const clipboard = new FakeClipboard() satisfies Pick<Electron.Clipboard, 'writeText'>;

class FakeScreen {
  displays: Pick<Electron.Display, 'workArea'>[] = [];

  getAllDisplays() {
    return this.displays;
  }
}

export const screen = new FakeScreen() satisfies { getAllDisplays(): Pick<Electron.Display, 'workArea'>[] };

class FakeContextBridge {
  exposed = new Map<string, unknown>();

  exposeInMainWorld(key: string, value: unknown) {
    this.exposed.set(key, value);
  }
}

export const contextBridge = new FakeContextBridge() satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>;

class FakeIpcRenderer extends EventEmitter {
  invocations: { channel: string; input: unknown }[] = [];

  invoke(channel: string, input: unknown) {
    this.invocations.push({ channel, input });
    return Promise.resolve({ ok: true, value: null });
  }
}

export const ipcRenderer = new FakeIpcRenderer() satisfies Pick<Electron.IpcRenderer, 'invoke'>;

export type FakeStorageBackend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;
const xorBytes = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));

/**
 * Encrypts reversibly but not readably (a prefix and XOR), so a test can look for a secret's bytes in
 * a file and know it is absent because it was encrypted, not because it was never written.
 */
class FakeSafeStorage {
  backend: FakeStorageBackend = 'gnome_libsecret';
  available = true;
  /** What the next decryptions report, as after a key rotation. */
  shouldReEncrypt = false;
  backendQueries = 0;
  encryptions = 0;

  isAsyncEncryptionAvailable() {
    return Promise.resolve(this.available);
  }

  getSelectedStorageBackend() {
    this.backendQueries += 1;
    return this.backend;
  }

  encryptStringAsync(plainText: string) {
    if (!this.available) return Promise.reject(new Error('Encryption is not available.'));
    this.encryptions += 1;
    // A random nonce, like real ciphertext: encrypting the same text twice gives different bytes.
    return Promise.resolve(Buffer.concat([Buffer.from('v11'), randomBytes(4), xorBytes(Buffer.from(plainText, 'utf8'))]));
  }

  decryptStringAsync(encrypted: Buffer) {
    if (!this.available) return Promise.reject(new Error('Decryption is not available.'));
    if (encrypted.subarray(0, 3).toString() !== 'v11')
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    return Promise.resolve({ shouldReEncrypt: this.shouldReEncrypt, result: xorBytes(encrypted.subarray(7)).toString('utf8') });
  }
}

export const safeStorage = new FakeSafeStorage() satisfies Pick<
  Electron.SafeStorage,
  'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'
>;

const defaultDisplays = () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
screen.displays = defaultDisplays();

/** Puts every fake back to its first state between tests. */
/** OS notifications: what the app showed, and a way to click one. */
class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  constructor(readonly options: Electron.NotificationConstructorOptions) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}
export const Notification = FakeNotification satisfies Pick<typeof Electron.Notification, 'isSupported'> &
  (new (options: Electron.NotificationConstructorOptions) => Pick<Electron.Notification, 'show'>);

export function resetFakeElectron() {
  FakeNotification.shown = [];
  FakeNotification.supported = true;
  FakeBrowserWindow.all = [];
  FakeBrowserWindow.openWaiters = [];
  FakeTray.all = [];
  app.removeAllListeners();
  app.hasLock = true;
  app.quitCalls = 0;
  app.appUserModelId = undefined;
  app.dock.hidden = false;
  app.loginItems.clear();
  app.loginItemCalls = [];
  app.wasOpenedAtLogin = false;
  ipcMain.handlers.clear();
  shell.opened = [];
  shell.openedPaths = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  contextBridge.exposed.clear();
  dialog.nextResponse = 0;
  dialog.shown = [];
  dialog.responses = [];
  dialog.nextSavePath = undefined;
  dialog.saveDialogs = [];
  powerMonitor.removeAllListeners();
  partitions.clear();
  session.defaultSession = new FakeSession();
  clipboard.text = '';
  screen.displays = defaultDisplays();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations = [];
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.available = true;
  safeStorage.shouldReEncrypt = false;
  safeStorage.backendQueries = 0;
  safeStorage.encryptions = 0;
}

export default { app, BrowserWindow, ipcMain, shell, protocol, Menu, nativeImage, Tray, contextBridge, ipcRenderer, safeStorage };
