/**
 * The device token: loaded from the token store (safeStorage in the app), or obtained once by enrolling
 * with the code from policy or settings, silently. A code is used silently only until the endpoint
 * refuses it or the token it gave (a 401: the device was revoked, or the endpoint lost it); after that
 * only another code enrolls again, so revoking a device cannot be undone by the desktop itself.
 */
import { createHash } from 'node:crypto';
import { ENROLLMENT_PROBLEMS, type EnrollmentProblem } from '../../common/messages.ts';
import { checkName } from '../../common/names.ts';
import type { EnrollRequest } from '../../common/protocol.ts';
import { uuidv7 } from '../../common/uuid.ts';
import type { DeviceTokenStore, Logger } from '../core/ports.ts';
import { EndpointError, type EndpointClient } from './endpoint-client.ts';
import type { SyncCache } from './sync-cache.ts';

export interface EnrollmentDetails {
  /** The code to enroll with (from policy, or typed once in Settings), or null when none is set. */
  readonly code: string | null;
  /** How the endpoint names this person; never empty (the enrollment source supplies a fallback). */
  readonly displayName: string;
  /** Empty for none. */
  readonly team: string;
}

export interface EnrollmentSource {
  current(): EnrollmentDetails;
  /** Calls back when the code, the name or the team may have changed. */
  onChange(listener: () => void): () => void;
}

/**
 * Sharing with the endpoint waits for a person's action: a (new) enrollment code, or a usable name. The
 * problem is what the person is told (common/messages.ts); the message, with any detail, is for the log.
 */
export class NeedsEnrollment extends Error {
  override readonly name = 'NeedsEnrollment';

  constructor(
    readonly problem: EnrollmentProblem,
    detail: string = problem,
  ) {
    super(detail);
  }
}

/** The sync cache keeps a refused code's problem; an older cache kept a sentence, read as a refused code. */
const asProblem = (kept: string): EnrollmentProblem =>
  (ENROLLMENT_PROBLEMS as readonly string[]).includes(kept) ? (kept as EnrollmentProblem) : 'code-refused';

const fingerprint = (code: string): string => createHash('sha256').update(code).digest('hex');

function enrollRequest(details: EnrollmentDetails, code: string, enrollmentId: string): EnrollRequest {
  const displayName = checkName(details.displayName);
  if (!displayName.ok) throw new NeedsEnrollment('name-invalid', `the display name ${displayName.reason}`);
  if (details.team.trim() === '') return { code, displayName: displayName.value, enrollmentId };
  const team = checkName(details.team);
  if (!team.ok) throw new NeedsEnrollment('team-invalid', `the team ${team.reason}`);
  return { code, displayName: displayName.value, team: team.value, enrollmentId };
}

export class DeviceAuth {
  #token: Promise<string> | null = null;

  constructor(
    private readonly tokens: DeviceTokenStore,
    private readonly client: Pick<EndpointClient, 'enroll'>,
    private readonly source: EnrollmentSource,
    private readonly cache: SyncCache,
    private readonly log: Logger,
  ) {}

  /**
   * The token to send; enrolls first when there is none. Throws NeedsEnrollment, or an EndpointError to retry later.
   */
  token(): Promise<string> {
    if (!this.#token) {
      const obtaining = this.#obtain();
      this.#token = obtaining;
      // A failure is not remembered here: the next call tries again (the sync decides when).
      obtaining.catch(() => {
        if (this.#token === obtaining) this.#token = null;
      });
    }
    return this.#token;
  }

  /** The token this desktop holds, without enrolling to get one. */
  kept(): Promise<string | null> {
    return this.tokens.load();
  }

  async #obtain(): Promise<string> {
    const stored = await this.tokens.load();
    if (stored !== null) return stored;
    const details = this.source.current();
    if (details.code === null) throw new NeedsEnrollment('no-code');
    const code = fingerprint(details.code);
    const refused = this.cache.refused;
    if (refused?.code === code) throw new NeedsEnrollment(asProblem(refused.reason));
    const request = enrollRequest(details, details.code, await this.#enrollmentId(code));
    let token: string;
    try {
      ({ token } = await this.client.enroll(request));
    } catch (error) {
      // 409: the id was first sent with another code (a cache from elsewhere): the next try starts afresh.
      if (error instanceof EndpointError && error.status === 409) await this.cache.update({ enrollment: null });
      // 403: the code is unknown, expired or revoked. 400: the endpoint refuses what we sent (the name).
      if (error instanceof EndpointError && error.status === 403) {
        const problem: EnrollmentProblem = 'code-refused';
        await this.cache.update({ refused: { code, reason: problem } });
        throw new NeedsEnrollment(problem, error.message);
      }
      if (error instanceof EndpointError && error.status === 400)
        throw new NeedsEnrollment('enroll-refused', error.message);
      throw error;
    }
    const keptIn = await this.tokens.save(token);
    await this.cache.forgetPerson();
    await this.cache.update({ enrolledWith: code, refused: null, enrollment: null });
    this.log.info('enrolled with the endpoint', {
      displayName: request.displayName,
      tokenKept: keptIn,
    });
    return token;
  }

  /**
   * The id of this enrollment, kept (written before the request leaves) and sent again on every try
   * until a token is kept, so an answer lost to a cut connection or a killed app gives the same person
   * back; one code's id is never sent with another.
   */
  async #enrollmentId(code: string): Promise<string> {
    const kept = this.cache.enrollment;
    if (kept?.code === code) return kept.id;
    const id = uuidv7();
    await this.cache.update({ enrollment: { code, id } });
    return id;
  }

  /** The endpoint answered 401: drop the token and do not enroll silently with the same code. */
  async refused(): Promise<void> {
    this.#token = null;
    await this.tokens.clear();
    const current = this.source.current().code;
    const code = this.cache.enrolledWith ?? (current === null ? null : fingerprint(current));
    await this.cache.update({
      enrolledWith: null,
      enrollment: null,
      refused: code === null ? null : { code, reason: 'device-removed' satisfies EnrollmentProblem },
    });
    this.log.warn('the endpoint refused the device token; shares stay queued until this desktop enrolls again');
  }
}
