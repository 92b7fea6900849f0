/** What the fake OS is like for the current test: paths, displays, capabilities. `resetElectronFake` restores it. */
export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FakeDisplay {
  id: number;
  bounds: FakeRect;
  workArea: FakeRect;
  scaleFactor: number;
}

export interface FakeState {
  userData: string;
  /** What app.getAppPath() answers: the folder holding package.json and out/. */
  appPath: string;
  /** Other app.getPath() names (downloads, home, ...); unknown names get a /tmp path. */
  paths: Record<string, string>;
  isPackaged: boolean;
  notificationsSupported: boolean;
  singleInstanceLock: boolean;
  displays: FakeDisplay[];
  cursor: { x: number; y: number };
  /** What the next Tray's getBounds() answers; zero-sized like most Linux trays by default. */
  trayBounds: FakeRect;
  /** macOS NSUserDefaults of the app's domain (managed preferences included), by key. */
  userDefaults: Map<string, unknown>;
  encryptionAvailable: boolean;
  /** net.isOnline(). */
  online: boolean;
  /** Certificates (PEM) the OS store trusts besides the public roots, as a company's own CA: net.request accepts them. */
  trustedCertificates: string[];
  storageBackend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
}

const display = (): FakeDisplay => ({
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
});

export const freshState = (): FakeState => ({
  userData: '/tmp/advocate-fake-user-data',
  appPath: process.cwd(),
  paths: {},
  isPackaged: false,
  notificationsSupported: true,
  singleInstanceLock: true,
  displays: [display()],
  cursor: { x: 960, y: 540 },
  trayBounds: { x: 0, y: 0, width: 0, height: 0 },
  userDefaults: new Map(),
  encryptionAvailable: true,
  online: true,
  trustedCertificates: [],
  storageBackend: 'gnome_libsecret',
});

export const fakeState: FakeState = freshState();
