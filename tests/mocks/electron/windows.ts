/** BrowserWindow: records its options, what it loaded, where it was put, and plays focus changes. */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { app } from './app.ts';
import { FakeWebContents, FakeWebFrame } from './web-contents.ts';

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  position: [number, number] = [0, 0];
  #visible = false;
  #destroyed = false;

  constructor(
    readonly options: Record<string, unknown> & {
      webPreferences?: Record<string, unknown>;
      width?: number;
      height?: number;
    },
  ) {
    super();
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame = new FakeWebFrame(url);
    return Promise.resolve();
  }

  loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).href);
  }

  show(): void {
    this.#visible = true;
    this.emit('show');
  }

  hide(): void {
    this.#visible = false;
    this.emit('hide');
  }

  focus(): void {
    this.emit('focus');
  }

  /** Plays the window losing focus (a click elsewhere). */
  blur(): void {
    this.emit('blur');
  }

  isVisible(): boolean {
    return this.#visible;
  }

  setPosition(x: number, y: number): void {
    if (!Number.isInteger(x) || !Number.isInteger(y))
      throw new TypeError('Error processing argument at index 0, conversion failure');
    this.position = [x, y];
  }

  getSize(): [number, number] {
    return [this.options.width ?? 800, this.options.height ?? 600];
  }

  /** Plays the person closing the window (Alt+F4, Cmd+W); it is destroyed unless a listener prevents it. */
  close(): void {
    const close = { prevented: false };
    this.emit('close', { preventDefault: () => (close.prevented = true) });
    if (!close.prevented) this.destroy();
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#destroyed = true;
  }
}
