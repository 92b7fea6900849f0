import { useId, useLayoutEffect, useState } from 'react';
import type { Network } from '../../common/domain.ts';
import { findBlockedTerms } from '../../common/share/block-list.ts';
import { shareIntent, withLink } from '../../common/share/intents.ts';
import { COUNTED_PAST_LIMIT, measureMessage } from '../../common/share/length.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import type { SettingsView } from '../../common/settings.ts';
import type { ShareKitView } from '../../common/sharing.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { copyText } from '../clipboard.ts';
import { useMastodonLimits } from '../data/use-mastodon-limits.ts';
import { useTransient } from '../data/use-transient.ts';
import { overLimitText, WINDOW_TEXT } from '../../common/messages.ts';
import { messageOf } from '../errors.ts';
import { blockNotes } from '../share/block-marks.ts';
import { composeShareText } from '../share/compose.ts';
import { overLimit } from '../share/over-limit.ts';
import { displayLink, displayText } from '../text/display-text.ts';
import { LengthCounter } from './LengthCounter.tsx';
import { MarkedTextarea } from './MarkedTextarea.tsx';
import { MastodonInstanceForm } from './MastodonInstanceForm.tsx';
import { FormError } from './FormError.tsx';

const COPIED_MS = 2500;

interface ComposerProps {
  readonly kit: ShareKitView;
  readonly network: Network;
  readonly settings: SettingsView;
  /** The text a share on this network would be archived with: the last one copied or opened, else the one composed. */
  readonly onFinalText: (network: Network, text: string) => void;
  /** The number of the kit's wording shown for a network (undefined when the kit has none for it). */
  readonly onVariant: (network: Network, variant: number | undefined) => void;
}

/**
 * The message for one network: the person's own take, the editable message, the organisation's
 * disclosure and the link, counted as the network counts; Copy and Open composer act on exactly that.
 */
export function ShareComposer({ kit, network, settings, onFinalText, onVariant }: ComposerProps) {
  const api = useAdvocate();
  const ids = useId();
  const [take, setTake] = useState('');
  // Edits kept per network and wording: switching to another wording and back finds the edit again.
  const [drafts, setDrafts] = useState<Partial<Record<string, string>>>({});
  const [picked, setPicked] = useState<Partial<Record<Network, number>>>({});
  // "Copied" belongs to the exact text of one network: switching network or editing clears it.
  const [copied, showCopied] = useTransient<{ network: Network; text: string }>(COPIED_MS);
  // Each tied to the network it is about, so switching networks leaves none behind.
  const [status, setStatus] = useState<{ network: Network; text: string } | null>(null);
  const [error, setError] = useState<{ network: Network; text: string } | null>(null);
  // What was last copied or opened per network, and from which of the kit's wordings.
  const [handedOut, setHandedOut] = useState<Partial<Record<Network, { text: string; variant?: number }>>>({});

  const label = NETWORK_LABELS[network];
  const disclosure = settings.values.disclosureText;
  const variants = kit.variants[network];
  const position = variants === undefined ? 0 : (picked[network] ?? variants.offered);
  const wording = variants?.wordings[position];
  const draftKey = wording === undefined ? network : `${network}:${String(wording.id)}`;
  const message = drafts[draftKey] ?? wording?.text ?? kit.messages[network];
  const link = kit.links[network];
  const text = composeShareText({ take, message, disclosure });
  const posted = withLink(text, link);
  // Mastodon counts against the person's own server's limits (main reads them from it).
  const mastodon = useMastodonLimits();
  // Counting stops a little past the limit: a 100 KB paste costs no more per keystroke than a long post.
  const length = measureMessage(network, posted, { mastodon, countPastLimit: COUNTED_PAST_LIMIT });
  // Over the limit, Open sends only a version cut to fit, or nothing (policy OfferCutToFit).
  const tooLong = overLimit(network, { take, message, disclosure }, link, length, {
    offerCut: settings.values.offerCutToFit,
    mastodon,
  });
  const intentFor = (shared: string) =>
    shareIntent(
      network,
      { text: shared, link, subject: kit.title },
      { mastodonInstance: settings.values.mastodonInstance },
    );
  const intent = intentFor(tooLong?.cut?.text ?? text);
  // The words the person and the organisation wrote; not the link, whose address is the post's own.
  const listed = blockNotes(findBlockedTerms(text, kit.blockList));
  const blocked = listed.blocked !== null;
  const listNoteId = blocked || listed.warned !== null ? `${ids}-listed` : undefined;
  const finalText = handedOut[network]?.text ?? posted;
  const variantUsed = handedOut[network] === undefined ? wording?.id : handedOut[network].variant;
  // Before the browser paints, so Mark shared never shows (and can never be clicked) without the text to archive.
  useLayoutEffect(() => {
    onFinalText(network, finalText);
  }, [onFinalText, network, finalText]);
  useLayoutEffect(() => {
    onVariant(network, variantUsed);
  }, [onVariant, network, variantUsed]);
  const shuffle = (): void => {
    if (variants === undefined) return;
    const next = (position + 1) % variants.wordings.length;
    setPicked((current) => ({ ...current, [network]: next }));
    setStatus({ network, text: `Wording ${String(next + 1)} of ${String(variants.wordings.length)}.` });
  };
  const handOut = (shared: string): void => {
    setHandedOut((current) => ({ ...current, [network]: { text: shared, variant: wording?.id } }));
  };

  const act = async (work: () => Promise<string>): Promise<void> => {
    setError(null);
    try {
      setStatus({ network, text: await work() });
    } catch (reason) {
      setStatus(null);
      setError({ network, text: messageOf(reason) });
    }
  };
  // The browser's own words for a refused clipboard or link mean nothing to a person: the catalogue's instead.
  const copyOrSay = (text: string): Promise<void> =>
    copyText(text).catch(() => {
      throw new Error(WINDOW_TEXT.copyFailed);
    });
  const copy = (): Promise<void> =>
    act(async () => {
      await copyOrSay(posted);
      handOut(posted);
      showCopied({ network, text: posted });
      return `Copied. Paste it into ${label}.`;
    });
  const openComposer = (): Promise<void> =>
    act(async () => {
      if (intent.kind === 'needs-instance') throw new Error(intent.reason);
      if (tooLong !== null && tooLong.cut === null) throw new Error(overLimitText(label, tooLong.over, tooLong.open));
      // Copy before opening: once the browser takes focus, the window may hide and lose the clipboard. A cut
      // version is copied for every network, so what the person may paste is the version that fits.
      if (intent.copyFirst || tooLong !== null) await copyOrSay(intent.postedText);
      await api.openExternal(intent.url).catch(() => {
        throw new Error(WINDOW_TEXT.openFailed);
      });
      handOut(tooLong?.cut?.posted ?? posted);
      if (tooLong !== null)
        return intent.copyFirst
          ? `Copied the version cut to fit, and ${label} opened in your browser: paste it there. Posted? Mark it shared below.`
          : `Copied the version cut to fit, and ${label} opened in your browser with it. Posted? Mark it shared below.`;
      return intent.copyFirst
        ? `Copied, and ${label} opened in your browser: ${label} can’t take the text itself, so paste it there. Posted? Mark it shared below.`
        : `${label} opened in your browser. Posted? Mark it shared below.`;
    });

  return (
    <div className="composer">
      <label className="field-label" htmlFor={`${ids}-take`}>
        Your own take <span className="field-hint">(first line, optional)</span>
      </label>
      <input
        id={`${ids}-take`}
        className="input"
        dir="auto"
        placeholder="Why you liked it, in your words"
        value={take}
        onChange={(event) => {
          setTake(event.target.value);
        }}
      />
      <div className="field-label-row">
        <label className="field-label" htmlFor={`${ids}-message`}>
          Message for {label}
        </label>
        {variants !== undefined && variants.wordings.length > 1 && (
          <button type="button" className="link-button" onClick={shuffle}>
            Another wording ({position + 1} of {variants.wordings.length})
          </button>
        )}
        {drafts[draftKey] !== undefined && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDrafts(({ [draftKey]: _dropped, ...rest }) => rest);
            }}
          >
            Reset
          </button>
        )}
      </div>
      <MarkedTextarea
        id={`${ids}-message`}
        dir="auto"
        rows={5}
        value={message}
        matches={findBlockedTerms(message, kit.blockList)}
        aria-describedby={[`${ids}-count`, `${ids}-extras`, listNoteId].filter(Boolean).join(' ')}
        onChange={(event) => {
          const value = event.target.value;
          setDrafts((current) => ({ ...current, [draftKey]: value }));
        }}
      />
      <LengthCounter id={`${ids}-count`} network={network} length={length} />
      <p id={`${ids}-extras`} className="note">
        {disclosure.trim() !== '' && (
          <>
            Ends with your organisation’s line, “<span dir="auto">{displayText(disclosure, 200)}</span>”, then the
            link:{' '}
          </>
        )}
        {disclosure.trim() === '' && 'The link goes at the end: '}
        <span className="mono">{displayLink(link)}</span>.
        {intent.kind === 'open' && intent.copyFirst && (
          <> {label} can’t take text from another app: the button copies it for you to paste.</>
        )}
      </p>
      {listNoteId && (
        <div id={listNoteId} className="block-notes">
          {listed.blocked && <p className="note block-notes__blocked">{listed.blocked}</p>}
          {listed.warned && <p className="note block-notes__warned">{listed.warned}</p>}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={blocked}
          aria-describedby={blocked ? listNoteId : undefined}
          onClick={() => void copy()}
        >
          {copied?.network === network && copied.text === posted ? 'Copied ✓' : 'Copy'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={blocked || intent.kind === 'needs-instance' || (tooLong !== null && tooLong.cut === null)}
          aria-describedby={
            [blocked ? listNoteId : undefined, tooLong ? `${ids}-over` : undefined].filter(Boolean).join(' ') ||
            undefined
          }
          onClick={() => void openComposer()}
        >
          {tooLong?.cut
            ? `Copy the cut version and open ${label}`
            : network === 'email'
              ? 'Write an email'
              : intent.kind === 'open' && intent.copyFirst
                ? `Copy and open ${label}`
                : `Open ${label}`}
        </button>
      </div>
      {tooLong && (
        <div id={`${ids}-over`} className="over-limit">
          <p className="note">{overLimitText(label, tooLong.over, tooLong.open)}</p>
          {tooLong.cut && (
            <p className="note">
              The version cut to fit: “
              <span className="over-limit__cut" dir="auto">
                {tooLong.cut.posted}
              </span>
              ”
            </p>
          )}
        </div>
      )}
      {intent.kind === 'needs-instance' && (
        <MastodonInstanceForm reason={intent.reason} locked={settings.locked.mastodonInstance} />
      )}
      <p className="status-line" role="status">
        {status?.network === network && status.text}
      </p>
      <FormError message={error?.network === network ? error.text : null} />
    </div>
  );
}
