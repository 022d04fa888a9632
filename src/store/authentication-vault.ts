import type { Authentication } from '../core/service-interfaces';

let sequence = 0;

/**
 * Authentications (password ciphertext, WebAuthn assertion, face image) and the enrolment token live here, never in
 * Redux: actions and state carry only an opaque handle. One vault per cashier services object.
 */
export class AuthenticationVault {
  private readonly authentications = new Map<string, Authentication>();
  private enrollment: { flowId: number; token: string } | null = null;

  /** Keeps the authentication of one attempt; the handle is what the store sees. */
  put(authentication: Authentication): string {
    const handle = `auth-${++sequence}`;
    this.authentications.set(handle, authentication);
    return handle;
  }

  get(handle: string): Authentication | undefined {
    return this.authentications.get(handle);
  }

  /** Drops every authentication but the one still needed (the current attempt's, for "Check again"). */
  retainOnly(handle?: string): void {
    for (const key of [...this.authentications.keys()]) if (key !== handle) this.authentications.delete(key);
  }

  keepEnrollmentToken(flowId: number, token: string): void {
    this.enrollment = { flowId, token };
  }

  enrollmentToken(flowId: number): string | undefined {
    return this.enrollment?.flowId === flowId ? this.enrollment.token : undefined;
  }

  clear(): void {
    this.authentications.clear();
    this.enrollment = null;
  }
}
