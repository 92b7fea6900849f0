/**
 * Runtime argument schemas for every IPC call. Kept apart from the contract so the preload bundle,
 * which only needs channel names, does not carry a validator.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { NetworkSchema } from '../protocol.ts';
import type { InvokeMap, InvokeName } from './contract.ts';

const MarkSharedRequestSchema = Type.Object(
  { postId: Type.String({ minLength: 1, maxLength: 512 }), network: NetworkSchema },
  { additionalProperties: false },
);

export const INVOKE_ARG_SCHEMAS = {
  listPosts: Type.Tuple([]),
  markShared: Type.Tuple([MarkSharedRequestSchema]),
  refreshFeeds: Type.Tuple([]),
  listFeeds: Type.Tuple([]),
  checkFeed: Type.Tuple([Type.String({ minLength: 1, maxLength: 2048 })]),
} as const satisfies { readonly [K in InvokeName]: TSchema };

/** Fails to compile when a schema's static type and the contract's argument tuple drift apart. */
type Agrees<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllAgree<T extends { [K in InvokeName]: true }> = T;
export type SchemasMatchContract = AllAgree<{
  [K in InvokeName]: Agrees<Static<(typeof INVOKE_ARG_SCHEMAS)[K]>, InvokeMap[K]['args']>;
}>;
