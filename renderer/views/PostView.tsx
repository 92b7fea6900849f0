import { useCallback, useState } from 'react';
import type { Network, PostView as Post } from '../../common/domain.ts';
import type { SettingsView } from '../../common/settings.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { MarkShared } from '../components/MarkShared.tsx';
import { NetworkPicker } from '../components/NetworkPicker.tsx';
import { PostMeta } from '../components/PostMeta.tsx';
import { ShareComposer } from '../components/ShareComposer.tsx';
import { ViewTitle } from '../components/ViewTitle.tsx';
import { useShareKit } from '../data/use-share-kit.ts';
import { useNow } from '../data/use-now.ts';
import { WINDOW_TEXT } from '../../common/messages.ts';
import { postSharersText } from '../text/counts.ts';
import { displayText, TEXT_LIMITS } from '../text/display-text.ts';
import { safeImageUrl } from '../text/safe-image-url.ts';
import { FormError } from '../components/FormError.tsx';

export interface PostViewProps {
  readonly post: Post;
  readonly settings: SettingsView;
  /** People who have it shared (the person too, when they have), from the endpoint's summary; null without one. */
  readonly people: number | null;
  readonly onBack: () => void;
  readonly onChanged: (post: Post) => void;
  readonly focusTitle: boolean;
}

/** One post: the pitch first, then everything to share it on the networks the person uses. */
export function PostView({ post, settings, people, onBack, onChanged, focusTitle }: PostViewProps) {
  const api = useAdvocate();
  const now = useNow();
  const kit = useShareKit(post.id, post);
  const networks = settings.values.enabledNetworks;
  const [chosen, setChosen] = useState<Network | null>(null);
  const network = chosen !== null && networks.includes(chosen) ? chosen : (networks[0] ?? null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [finalTexts, setFinalTexts] = useState<Partial<Record<Network, string>>>({});
  const keepFinalText = useCallback((on: Network, text: string) => {
    setFinalTexts((current) => (current[on] === text ? current : { ...current, [on]: text }));
  }, []);
  const [variantsShown, setVariantsShown] = useState<Partial<Record<Network, number>>>({});
  const keepVariant = useCallback((on: Network, variant: number | undefined) => {
    setVariantsShown((current) => (current[on] === variant ? current : { ...current, [on]: variant }));
  }, []);
  const image = safeImageUrl(kit.status === 'ready' ? kit.value.imageUrl : post.imageUrl);
  const colleagues = postSharersText(people, post.shareCount, post.sharedOn.length > 0);

  const openPost = (): void => {
    setOpenError(null);
    api.openExternal(post.link).catch(() => {
      setOpenError(WINDOW_TEXT.postOpenFailed);
    });
  };

  return (
    <article className="view post-view" aria-labelledby="post-title">
      <button type="button" className="back-button" onClick={onBack}>
        <span aria-hidden="true">← </span>All posts
      </button>
      {image && <img className="post-view__image" src={image} alt="" referrerPolicy="no-referrer" />}
      <p>
        <PostMeta post={post} now={now} className="post-view__meta" />
      </p>
      <ViewTitle id="post-title" focus={focusTitle}>
        {displayText(post.title, TEXT_LIMITS.title)}
      </ViewTitle>
      <p className="pitch" dir="auto">
        {displayText(kit.status === 'ready' ? kit.value.pitch : post.pitch, TEXT_LIMITS.pitch)}
      </p>
      <div className="post-view__facts">
        {colleagues && <p className="post-view__colleagues">{colleagues}</p>}
        <button type="button" className="link-button" onClick={openPost}>
          Read the post
        </button>
      </div>
      <FormError message={openError} />
      <section className="share" aria-labelledby="share-title">
        <h2 id="share-title" className="section-title">
          Share it
        </h2>
        {network === null ? (
          <p className="note">No network is turned on. Choose the ones you use in Settings.</p>
        ) : (
          <>
            <NetworkPicker networks={networks} selected={network} sharedOn={post.sharedOn} onSelect={setChosen} />
            {kit.status === 'loading' && <p role="status">Preparing the messages…</p>}
            <FormError
              lead="The messages could not be prepared"
              message={kit.status === 'error' ? kit.message : null}
            />
            {kit.status === 'ready' && (
              <ShareComposer
                kit={kit.value}
                network={network}
                settings={settings}
                onFinalText={keepFinalText}
                onVariant={keepVariant}
              />
            )}
            <MarkShared
              post={post}
              network={network}
              text={finalTexts[network]}
              variant={variantsShown[network]}
              onChanged={onChanged}
            />
          </>
        )}
      </section>
    </article>
  );
}
