/** A tracked link as long as the real ones: kits are measured with it, as the link people will post. */
import { newShareCode } from '../../common/share/utm.ts';

export const exampleTrackedLink = (publicUrl: string): string => new URL(`r/${newShareCode()}`, publicUrl).href;
