/**
 * The app's identity as electron-builder.yml gives it. The build (vite.config.ts) reads the file and puts
 * the value in, so the AppUserModelId Windows keys notifications on can never differ from the installer's.
 */
declare const __ADVOCATE_APP_ID__: string;

export const APP_ID: string = __ADVOCATE_APP_ID__;
