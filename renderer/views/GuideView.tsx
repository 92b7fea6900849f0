import type { Network } from '../../common/domain.ts';
import { NETWORK_LABELS } from '../../common/share/network-labels.ts';
import type { ResultsView } from '../../common/sharing.ts';
import { Card } from '../components/Card.tsx';
import { TrainingLink } from '../components/TrainingLink.tsx';
import { ViewFrame } from '../components/ViewFrame.tsx';
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
    <ViewFrame id="guide-title" title="How to share well" focusTitle={focusTitle} className="guide">
      <Card id="why-title" title="Why your shares matter">
        {whyItMatters(results).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </Card>
      <Card id="how-title" title="Sharing in two clicks">
        <ol className="steps">
          {TWO_CLICKS.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </Card>
      <Card id="tips-title" title="One tip per network">
        <dl className="tips">
          {networks.map((network) => (
            <div key={network} className="tips__item">
              <dt>{NETWORK_LABELS[network]}</dt>
              <dd>{NETWORK_TIPS[network]}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {trainingUrl !== null && (
        <Card id="training-title" title="Want to know more?">
          <TrainingLink url={trainingUrl} />
        </Card>
      )}
    </ViewFrame>
  );
}
