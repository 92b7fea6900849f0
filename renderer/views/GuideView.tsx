import type { Network } from '../../common/domain.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import type { ResultsView } from '../../common/sharing.ts';
import { TrainingLink } from '../components/TrainingLink.tsx';
import { ViewTitle } from '../components/ViewTitle.tsx';
import { NETWORK_TIPS, TWO_CLICKS } from '../guide/content.ts';
import { whyItMatters } from '../guide/why-it-matters.ts';

export interface GuideViewProps {
  readonly results: ResultsView | null;
  readonly networks: readonly Network[];
  readonly trainingUrl: string | null;
  readonly focusTitle: boolean;
}

/** "How to share well": why it matters (with real numbers), the two clicks, a tip per network, the training link. */
export function GuideView({ results, networks, trainingUrl, focusTitle }: GuideViewProps) {
  return (
    <section className="view guide" aria-labelledby="guide-title">
      <div className="view__header">
        <ViewTitle id="guide-title" focus={focusTitle}>
          How to share well
        </ViewTitle>
      </div>
      <section className="card" aria-labelledby="why-title">
        <h2 id="why-title" className="section-title">
          Why your shares matter
        </h2>
        {whyItMatters(results).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
      <section className="card" aria-labelledby="how-title">
        <h2 id="how-title" className="section-title">
          Sharing in two clicks
        </h2>
        <ol className="steps">
          {TWO_CLICKS.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="tips-title">
        <h2 id="tips-title" className="section-title">
          One tip per network
        </h2>
        <dl className="tips">
          {networks.map((network) => (
            <div key={network} className="tips__item">
              <dt>{NETWORK_LABELS[network]}</dt>
              <dd>{NETWORK_TIPS[network]}</dd>
            </div>
          ))}
        </dl>
      </section>
      {trainingUrl !== null && (
        <section className="card" aria-labelledby="training-title">
          <h2 id="training-title" className="section-title">
            Want to know more?
          </h2>
          <TrainingLink url={trainingUrl} />
        </section>
      )}
    </section>
  );
}
