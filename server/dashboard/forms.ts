/** The dashboard's form bodies (urlencoded), validated as strictly as the API: unknown fields are refused. */
import { Type, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { NETWORKS, type Network } from '../../common/domain.ts';
import { ShareKitInputSchema, type KitVariants, type ShareKitInput } from '../../common/protocol.ts';
import type { MessageVariant } from '../../common/share/variants.ts';
import { hashtagsFromText } from '../../common/share/kit.ts';
import { readKitUrls } from '../kits/kit-store.ts';
import { MORE_VARIANT_IDS, type KitForm } from './pages/kits.ts';

const closed = { additionalProperties: false } as const;
const Csrf = Type.String({ maxLength: 100 });
const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const LoginFormSchema = Type.Object({ _csrf: Csrf, token: Type.String({ maxLength: 200 }) }, closed);
export const CsrfOnlyFormSchema = Type.Object({ _csrf: Csrf }, closed);
export const SettingsFormSchema = Type.Object({ _csrf: Csrf, anonymous: Type.Optional(Type.Literal('on')) }, closed);
export const DeleteKitFormSchema = Type.Object({ _csrf: Csrf, postKey: Type.String({ maxLength: 2048 }) }, closed);
const Id = Type.String({ pattern: '^[1-9]\\d{0,9}$' });
export const IdParamsSchema = Type.Object({ id: Id }, closed);
export const RenameFormSchema = Type.Object({ _csrf: Csrf, name: Type.String({ maxLength: 200 }) }, closed);
export const TeamFormSchema = Type.Object({ _csrf: Csrf, team: Type.String({ maxLength: 200 }) }, closed);
export const MergeFormSchema = Type.Object({ _csrf: Csrf, keep: Id, remove: Id }, closed);
export const CodeFormSchema = Type.Object(
  {
    _csrf: Csrf,
    team: Text(200),
    expiresInDays: Type.Optional(Type.String({ pattern: '^(\\d{1,4})?$' })),
    maxUses: Type.Optional(Type.String({ pattern: '^(\\d{1,6})?$' })),
    teamChoice: Type.Optional(Type.Literal('on')),
  },
  closed,
);
export const FeedUrlFormSchema = Type.Object(
  { _csrf: Csrf, url: Type.String({ minLength: 1, maxLength: 2048 }) },
  closed,
);
export const ChannelFormSchema = Type.Object(
  {
    _csrf: Csrf,
    kind: Type.Union([Type.Literal('slack'), Type.Literal('teams'), Type.Literal('webhook')]),
    name: Type.String({ maxLength: 200 }),
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    teams: Text(2000),
  },
  closed,
);
export const DrawFormSchema = Type.Object({ _csrf: Csrf, from: Day, to: Day, seed: Text(100) }, closed);

const messageFields: Record<string, TSchema> = Object.fromEntries(
  NETWORKS.flatMap((network): [string, TSchema][] => [
    [`message_${network}`, Text(5000)],
    ...MORE_VARIANT_IDS.map((id): [string, TSchema] => [`message_${network}_${String(id)}`, Text(5000)]),
  ]),
);
export const KitFormSchema = Type.Object(
  {
    _csrf: Csrf,
    postKey: Type.String({ maxLength: 2048 }),
    pitch: Text(2000),
    hashtags: Text(1000),
    imageUrl: Text(2048),
    ...messageFields,
  },
  closed,
);

export type KitFormBody = { readonly postKey: string } & Readonly<Record<string, string | undefined>>;

export function kitFormFromBody(body: KitFormBody): KitForm {
  const messages: Partial<Record<Network, string>> = {};
  const moreWordings: Partial<Record<Network, Partial<Record<number, string>>>> = {};
  for (const network of NETWORKS) {
    const message = body[`message_${network}`]?.trim();
    if (message) messages[network] = message;
    for (const id of MORE_VARIANT_IDS) {
      const wording = body[`message_${network}_${String(id)}`]?.trim();
      if (wording) moreWordings[network] = { ...moreWordings[network], [id]: wording };
    }
  }
  return {
    postKey: body.postKey.trim(),
    pitch: body['pitch'] ?? '',
    hashtags: body['hashtags'] ?? '',
    imageUrl: body['imageUrl']?.trim() ?? '',
    messages,
    moreWordings,
  };
}

/** The kit the form describes, or the reasons it is not one (each naming its field). */
export function kitFromForm(form: KitForm): { kit: ShareKitInput } | { errors: string[] } {
  const variants = formVariants(form);
  const candidate = {
    postKey: form.postKey,
    pitch: form.pitch.trim(),
    messages: form.messages,
    ...(variants === null ? {} : { variants }),
    hashtags: hashtagsFromText(form.hashtags),
    imageUrl: form.imageUrl === '' ? null : form.imageUrl,
  };
  if (Value.Check(ShareKitInputSchema, candidate)) {
    const read = readKitUrls(candidate, { postKey: 'Post URL', imageUrl: 'Image URL' });
    return 'problem' in read ? { errors: [read.problem] } : read;
  }
  return {
    errors: Value.Errors(ShareKitInputSchema, candidate).map((error) =>
      explain(error.instancePath, error.message, candidate.hashtags),
    ),
  };
}

/** The networks given more than one wording, each slot a variant number; null when none is. */
function formVariants(form: KitForm): KitVariants | null {
  const variants: Partial<Record<Network, MessageVariant[]>> = {};
  for (const network of NETWORKS) {
    const more = form.moreWordings?.[network] ?? {};
    const written = MORE_VARIANT_IDS.flatMap((id) => {
      const text = more[id];
      return text === undefined ? [] : [{ id, text }];
    });
    if (written.length === 0) continue;
    const first = form.messages[network];
    variants[network] = first === undefined ? written : [{ id: 1, text: first }, ...written];
  }
  return Object.keys(variants).length === 0 ? null : variants;
}

/** The schema's words for the fields people get wrong most, in words for people. */
function explain(instancePath: string, message: string, hashtags: readonly string[]): string {
  const field = instancePath.slice(1).replace(/\//g, '.') || 'kit';
  if (field === 'postKey') return 'Post URL: an http or https address, like https://blog.example.com/post';
  if (field === 'imageUrl') return 'Image URL: an https address, or empty';
  const hashtag = /^hashtags\.(\d+)$/.exec(field);
  if (hashtag) return `Hashtags: "#${hashtags[Number(hashtag[1])] ?? ''}" may only have letters, digits and _`;
  if (field === 'hashtags') return 'Hashtags: at most 10, each once';
  return `${field}: ${message}`;
}
