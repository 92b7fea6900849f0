/** Main answers a refused call with a message meant for people (see IpcAnswer); this is what the window shows. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
