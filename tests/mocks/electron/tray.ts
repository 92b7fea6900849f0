/** Tray, menus, images and notifications: what the person sees outside the window, and their clicks. */
import { EventEmitter } from 'node:events';
import { fakeState, type FakeRect } from './state.ts';

export interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

export interface FakeMenu {
  readonly items: FakeMenuItem[];
}

export const Menu = {
  buildFromTemplate: (items: FakeMenuItem[]): FakeMenu => ({ items }),
};

export interface FakeNativeImage {
  readonly path: string | null;
}

export const nativeImage = {
  createFromPath: (path: string): FakeNativeImage => ({ path }),
  createEmpty: (): FakeNativeImage => ({ path: null }),
};

export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  toolTip = '';
  title = '';
  contextMenu: FakeMenu | null = null;
  poppedUp: FakeMenu[] = [];
  destroyed = false;
  readonly bounds: FakeRect = { ...fakeState.trayBounds };

  constructor(public image: FakeNativeImage) {
    super();
    Tray.instances.push(this);
  }

  setImage(image: FakeNativeImage): void {
    this.image = image;
  }

  setToolTip(text: string): void {
    this.toolTip = text;
  }

  setTitle(text: string): void {
    this.title = text;
  }

  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenu = menu;
  }

  popUpContextMenu(menu?: FakeMenu): void {
    if (menu) this.poppedUp.push(menu);
  }

  getBounds(): FakeRect {
    return { ...this.bounds };
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** Plays a left click on the icon. */
  click(): void {
    this.emit('click', {}, this.getBounds());
  }

  /** Plays a right click on the icon. */
  rightClick(): void {
    this.emit('right-click', {}, this.getBounds());
  }

  /** The menu the person would see now: the context menu (Linux), else the last one popped up. */
  menu(): FakeMenu | null {
    return this.contextMenu ?? this.poppedUp.at(-1) ?? null;
  }

  /** Plays choosing a menu item by its label. */
  choose(label: string): void {
    const item = this.menu()?.items.find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`no clickable tray menu item "${label}"`);
    item.click();
  }
}

export class Notification extends EventEmitter {
  static readonly instances: Notification[] = [];
  shown = false;
  closed = false;

  static isSupported(): boolean {
    return fakeState.notificationsSupported;
  }

  constructor(readonly options: { title: string; body?: string; silent?: boolean }) {
    super();
    Notification.instances.push(this);
  }

  show(): void {
    this.shown = true;
  }

  /** Plays the person clicking the notification. */
  click(): void {
    this.emit('click');
  }

  close(): void {
    this.closed = true;
    this.emit('close');
  }
}
