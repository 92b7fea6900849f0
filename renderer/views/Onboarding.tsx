import { useState } from 'react';
import { ViewTitle } from '../components/ViewTitle.tsx';
import { TrainingLink } from '../components/TrainingLink.tsx';
import { ONBOARDING_STEPS } from '../guide/content.ts';

/** Three steps, shown once on first run (renderer/onboarding-flag.ts); skippable at any step. */
export function Onboarding({ trainingUrl, onDone }: { trainingUrl: string | null; onDone: () => void }) {
  const [index, setIndex] = useState(0);
  const step = ONBOARDING_STEPS[index];
  const last = index === ONBOARDING_STEPS.length - 1;
  if (!step) return null;
  return (
    <section className="view onboarding" aria-labelledby="onboarding-title">
      <p className="onboarding__count">
        Welcome to Advocate · step {index + 1} of {ONBOARDING_STEPS.length}
      </p>
      {/* Keyed by step: each new heading takes focus, so the step is read out. */}
      <ViewTitle key={index} id="onboarding-title" focus={index > 0}>
        {step.title}
      </ViewTitle>
      <p className="onboarding__text">{step.text}</p>
      {last && <TrainingLink url={trainingUrl} />}
      <div className="onboarding__dots" aria-hidden="true">
        {ONBOARDING_STEPS.map((candidate, position) => (
          <span key={candidate.title} className={position === index ? 'dot dot--on' : 'dot'} />
        ))}
      </div>
      <div className="actions">
        {!last && (
          <button type="button" className="button button--quiet" onClick={onDone}>
            Skip
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => {
            if (last) onDone();
            else setIndex(index + 1);
          }}
        >
          {last ? 'Get started' : 'Next'}
        </button>
      </div>
    </section>
  );
}
