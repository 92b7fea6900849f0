/**
 * THE catalogue of what a person reads when something is not as it should be (and the sync's plain
 * states): each message says what happened, what is kept safe, and what to do, once, in words for
 * people: no HTTP status, no error code. The window, the diagnostics report and the preview's log all
 * take their words from here; docs/messages.md lists every one and when it appears, and
 * tests/common/messages.test.ts checks each for the banned patterns.
 */
import { plural, pluralWord } from './plural.ts';
import { RESULTS_FRESH_MS, type SyncStatus } from './sharing.ts';

/** Why this desktop cannot enroll with the endpoint now; each needs the person (or IT) to act. */
export const ENROLLMENT_PROBLEMS = [
  'no-code',
  'code-refused',
  'device-removed',
  'name-invalid',
  'team-invalid',
  'enroll-refused',
] as const;
export type EnrollmentProblem = (typeof ENROLLMENT_PROBLEMS)[number];

/** Why shares wait for the endpoint; Advocate tries again by itself. */
export const SYNC_PROBLEMS = ['offline', 'unreachable', 'busy', 'endpoint-error', 'unreadable-answer'] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

/** Shares on this desktop that the endpoint does not have yet: what is kept safe. */
export function keptText(pending: number): string {
  return pending === 0
    ? 'Shares you mark are kept on this desktop meanwhile.'
    : `Your ${plural(pending, 'share')} ${pluralWord(pending, 'is', 'are')} kept on this desktop.`;
}

const ENROLLMENT_WORDS: { readonly [P in EnrollmentProblem]: { readonly happened: string; readonly todo: string } } = {
  'no-code': {
    happened: 'This desktop is not connected to your organisation’s endpoint yet.',
    todo: 'Enter the enrollment code from your organisation in Settings.',
  },
  'code-refused': {
    happened: 'The endpoint did not accept this enrollment code: it may be mistyped, expired or withdrawn.',
    todo: 'Ask your organisation for a current code and enter it in Settings.',
  },
  'device-removed': {
    happened: 'The endpoint no longer knows this desktop: it was removed there, or the endpoint was reset.',
    todo: 'Enter a new enrollment code in Settings.',
  },
  'name-invalid': {
    happened: 'The endpoint needs a display name of one line, 1 to 80 characters.',
    todo: 'Change your display name in Settings.',
  },
  'team-invalid': {
    happened: 'The endpoint needs a team name of one line, at most 80 characters.',
    todo: 'Change your team in Settings, or leave it empty.',
  },
  'enroll-refused': {
    happened: 'The endpoint refused to connect this desktop.',
    todo: 'Check your display name and team in Settings; if it happens again, tell your IT department.',
  },
};

const SYNC_WORDS: { readonly [P in SyncProblem]: { readonly happened: string; readonly todo: string } } = {
  offline: {
    happened: 'This computer is offline.',
    todo: 'They are sent when the network is back; there is nothing to do.',
  },
  unreachable: {
    happened: 'Your organisation’s endpoint cannot be reached right now.',
    todo: 'Advocate tries again by itself; if this lasts, tell your IT department.',
  },
  busy: {
    happened: 'Your organisation’s endpoint is busy and asked to be tried later.',
    todo: 'Advocate tries again when it said to; there is nothing to do.',
  },
  'endpoint-error': {
    happened: 'Your organisation’s endpoint had a problem with the last request.',
    todo: 'Advocate tries again by itself; if this lasts, tell your IT department.',
  },
  'unreadable-answer': {
    happened: 'Your organisation’s endpoint sent an answer Advocate cannot read (a proxy page, or another version).',
    todo: 'Advocate tries again by itself; if this lasts, tell your IT department.',
  },
};

export const enrollmentProblemText = (problem: EnrollmentProblem, pending: number): string => {
  const words = ENROLLMENT_WORDS[problem];
  return `${words.happened} ${keptText(pending)} ${words.todo}`;
};

export const syncProblemText = (problem: SyncProblem, pending: number): string => {
  const words = SYNC_WORDS[problem];
  return `${words.happened} ${keptText(pending)} ${words.todo}`;
};

/** Shares the endpoint refused for good (a clock far off, say): said after the status, when there are any. */
export const rejectedText = (rejected: number): string =>
  `The endpoint refused ${plural(rejected, 'share')} for good (this computer’s clock may be far off); ${pluralWord(rejected, 'it still counts', 'they still count')} in your figures here. Tell your IT department if this repeats.`;

/** The plain states of counting, shown above the results and in Settings. */
export const SYNC_STATE_TEXT = {
  noEndpoint: 'Your shares are counted on this desktop only.',
  checking: 'Checking with your organisation’s endpoint…',
  upToDate: 'Up to date.',
} as const;

export const sendingText = (pending: number): string => `Sending ${plural(pending, 'share')}…`;

/** The figures came from the endpoint a while ago (`ago` is "5 min ago", "yesterday"). */
export const checkedText = (ago: string): string =>
  `Figures as of ${ago}. Refresh to check with your organisation’s endpoint.`;

/**
 * The sync status in one message: what the results view and Settings show, and what the preview logs.
 * `ago` words a past time ("5 min ago"); figures count as up to date for RESULTS_FRESH_MS after a check.
 */
export function syncStatusText(status: SyncStatus, now: number, ago: (iso: string) => string): string {
  const refused = (text: string, rejected: number | undefined): string =>
    rejected ? `${text} ${rejectedText(rejected)}` : text;
  switch (status.state) {
    case 'no-endpoint':
      return SYNC_STATE_TEXT.noEndpoint;
    case 'needs-enrollment':
      return enrollmentProblemText(status.problem, status.pending);
    case 'waiting':
      return refused(syncProblemText(status.problem, status.pending), status.rejected);
    case 'ok': {
      const checked = status.lastSyncAt === null ? null : Date.parse(status.lastSyncAt);
      const text =
        status.pending > 0
          ? sendingText(status.pending)
          : checked === null || status.lastSyncAt === null
            ? SYNC_STATE_TEXT.checking
            : now - checked < RESULTS_FRESH_MS
              ? SYNC_STATE_TEXT.upToDate
              : checkedText(ago(status.lastSyncAt));
      return refused(text, status.rejected);
    }
  }
}

/** Whether the status is a problem the person should see as one (the note is marked up as such). */
export const isSyncProblem = (status: SyncStatus): boolean =>
  status.state === 'needs-enrollment' || status.state === 'waiting';

/** Enrollment codes are checked against the shape the endpoint issues before they are saved. */
export const ENROLLMENT_CODE_SHAPE_TEXT =
  'This is not an enrollment code: they look like 7KQ2-M9XD-3H8T-VW4C (letters and digits in groups of four). Nothing was saved. Check the code your organisation sent and type it again.';

/** What became of a display name or team changed in Settings, which the endpoint must hear of (PATCH /v1/me). */
export const PROFILE_TEXT = {
  told: 'Saved, and your organisation’s endpoint has it: the leaderboard and team figures use it from now on.',
  later: 'Saved. Your organisation’s endpoint gets it when this desktop connects to it; there is nothing to do.',
  'team-fixed':
    'Not changed: your team comes with the enrollment code this desktop joined with, so your organisation decides it. Your settings are as they were. To move to another team, ask whoever gave you the code.',
  refused:
    'Not changed: your organisation’s endpoint did not accept this name. Your settings are as they were. Try another one; if it happens again, tell your IT department.',
  unreachable:
    'Not changed: your organisation’s endpoint cannot be reached right now, and the leaderboard takes your name from it. Your settings are as they were. Try again in a while.',
} as const;
export type ProfileOutcome = keyof typeof PROFILE_TEXT;

/** Failures in the window, each with its own lead. */
export const WINDOW_TEXT = {
  /** Any failure main does not explain itself (its details go to the log). */
  unexpected:
    'Something went wrong on this desktop. Nothing you saved is lost. Try again; if it repeats, export diagnostics from the tray menu for your IT department.',
  copyFailed:
    'The text could not be put on the clipboard. The message is still here. Select it and copy it yourself (Ctrl+C, or ⌘C on a Mac).',
  openFailed:
    'The link could not be opened in your browser. Nothing was shared. Try again, or copy the message and open the network yourself.',
  postOpenFailed:
    'The post could not be opened in your browser. Nothing changed here. Try again; if it repeats, find the post on your organisation’s blog.',
  postGone: 'This post is no longer in your organisation’s feeds. Nothing was recorded. Go back to the list of posts.',
} as const;

/**
 * Over the network's limit, what Open does (policy `OfferCutToFit`): offer a version cut to fit, or stay
 * disabled because the organisation asks for a shorter message, or because no cut fits (the organisation's
 * line and the link alone are too long).
 */
export type OverLimitOpen = 'cut-offered' | 'shorten-asked' | 'no-cut-fits';

export const overLimitText = (network: string, over: number, open: OverLimitOpen): string =>
  `This message is ${plural(over, 'character')} over ${network}’s limit, so ${network} would cut it or refuse it. Your text stays as you wrote it here. ${
    {
      'cut-offered': `Shorten it above, or copy a version cut to fit and open ${network}.`,
      'shorten-asked': `Shorten it above to open ${network} (your organisation asks for this).`,
      'no-cut-fits': `Shorten it above to open ${network}: your organisation’s line and the link leave no room to cut to.`,
    }[open]
  }`;

/** Every message with example values, for the tests and docs/messages.md. */
export function catalogueExamples(): { readonly id: string; readonly text: string }[] {
  return [
    ...ENROLLMENT_PROBLEMS.flatMap((problem) => [
      { id: `enrollment.${problem}`, text: enrollmentProblemText(problem, 0) },
      { id: `enrollment.${problem} (1 waiting)`, text: enrollmentProblemText(problem, 1) },
    ]),
    ...SYNC_PROBLEMS.flatMap((problem) => [
      { id: `sync.${problem}`, text: syncProblemText(problem, 0) },
      { id: `sync.${problem} (3 waiting)`, text: syncProblemText(problem, 3) },
    ]),
    { id: 'sync.rejected (1)', text: rejectedText(1) },
    { id: 'sync.rejected (2)', text: rejectedText(2) },
    ...Object.entries(SYNC_STATE_TEXT).map(([key, text]) => ({ id: `sync.${key}`, text })),
    { id: 'sync.sending', text: sendingText(2) },
    { id: 'sync.checked', text: checkedText('5 min ago') },
    { id: 'settings.enrollment-code-shape', text: ENROLLMENT_CODE_SHAPE_TEXT },
    ...Object.entries(WINDOW_TEXT).map(([key, text]) => ({ id: `window.${key}`, text })),
    ...Object.entries(PROFILE_TEXT).map(([key, text]) => ({ id: `profile.${key}`, text })),
    { id: 'composer.over-limit (cut offered)', text: overLimitText('X', 263, 'cut-offered') },
    { id: 'composer.over-limit (shorten asked)', text: overLimitText('X', 1, 'shorten-asked') },
    { id: 'composer.over-limit (no cut fits)', text: overLimitText('X', 12, 'no-cut-fits') },
  ];
}
