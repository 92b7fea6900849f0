/** The channel commands of `npm run server:admin`: what they print is for the person who runs them. */
import { plural } from '../../common/plural.ts';
import type { ChannelKind, Db } from '../database.ts';
import { CHANNEL_KINDS, KIND_NAMES } from './channel-address.ts';
import { addChannel, listChannels, readTeamList, removeChannel, type ChannelHealth } from './channel-store.ts';

export type ChannelCommand = 'add-channel' | 'remove-channel' | 'list-channels';

export class ChannelCommandError extends Error {}

export interface ChannelCommandOptions {
  readonly teams?: string;
  readonly allowLocal?: boolean;
}

function describeChannel(channel: ChannelHealth): string {
  const lines = [
    `#${String(channel.id)} ${channel.name} (${KIND_NAMES[channel.kind]}) ${new URL(channel.url).origin}/…`,
    `  for ${channel.teams.length === 0 ? 'every post' : `the teams ${channel.teams.join(', ')} (no posts until kits name an audience)`}`,
    `  ${plural(channel.sent, 'post')} sent, ${plural(channel.waiting, 'post')} waiting, ${plural(channel.failed, 'post')} stopped`,
  ];
  if (channel.lastFailure !== null) lines.push(`  last stopped because ${channel.lastFailure}`);
  return lines.join('\n');
}

const isKind = (text: string | undefined): text is ChannelKind => CHANNEL_KINDS.includes(text as ChannelKind);

export async function runChannelCommand(
  db: Db,
  command: ChannelCommand,
  args: readonly string[],
  options: ChannelCommandOptions,
): Promise<void> {
  switch (command) {
    case 'list-channels': {
      const channels = await listChannels(db);
      console.log(
        channels.length === 0
          ? 'No channels yet. Add one with add-channel slack|teams|webhook URL NAME.'
          : channels.map(describeChannel).join('\n\n'),
      );
      return;
    }
    case 'remove-channel': {
      const id = Number(args[0]);
      if (!Number.isInteger(id) || id <= 0)
        throw new ChannelCommandError(
          `remove-channel needs the channel's number shown by list-channels, got ${String(args[0])}`,
        );
      if (!(await removeChannel(db, id)))
        throw new ChannelCommandError(`There is no channel #${String(id)} (list-channels shows them)`);
      console.log(`Removed channel #${String(id)}. Nothing more is sent to it.`);
      return;
    }
    case 'add-channel': {
      const [kind, url, ...name] = args;
      if (!isKind(kind) || url === undefined || name.length === 0)
        throw new ChannelCommandError(
          'add-channel needs a kind (slack, teams or webhook), the webhook address and a name, for example: add-channel slack https://hooks.slack.com/services/… Marketing news',
        );
      const teams = readTeamList(options.teams ?? '');
      if ('problem' in teams) throw new ChannelCommandError(`The channel was not added: ${teams.problem}.`);
      const added = await addChannel(
        db,
        { kind, url, name: name.join(' '), teams: teams.teams },
        { allowLocal: options.allowLocal ?? false },
      );
      if (!added.ok) throw new ChannelCommandError(`${added.reason}.`);
      const lines = [
        `Added channel #${String(added.channel.id)} ${added.channel.name}: it gets every new post from now on.`,
      ];
      if (added.channel.teams.length > 0)
        lines[0] = `Added channel #${String(added.channel.id)} ${added.channel.name} for ${added.channel.teams.join(', ')}: it gets posts once kits name their audience.`;
      if (added.channel.secret !== null)
        lines.push(
          `Signing key (shown once; the receiver checks X-Advocate-Signature with it, see docs/endpoint.md): ${added.channel.secret}`,
        );
      console.log(lines.join('\n'));
      return;
    }
  }
}
