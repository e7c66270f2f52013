import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { SignedIn } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API, forgetLastPosition } from './api';

/**
 * Who is signed in. The session itself is an httpOnly cookie the page cannot read, so the
 * portal asks the API (GET /auth/me) once at start and after login/logout.
 * `me()` is undefined until that first answer, null when nobody is signed in.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly current = signal<SignedIn | null | undefined>(undefined);
  private probe: Promise<SignedIn | null> | undefined;

  readonly me = this.current.asReadonly();
  readonly isParent = computed(() => this.current()?.role === 'parent');
  readonly familyId = computed(() => this.current()?.familyId ?? null);

  /** The signed-in person, asking the API the first time only. */
  resolve(): Promise<SignedIn | null> {
    const known = this.current();
    if (known !== undefined) return Promise.resolve(known);
    // The API sets the (readable) CSRF cookie with the session and clears both together:
    // without it there is no session to ask about, and no 401 to log in the console.
    if (!/(?:^|;\s*)XSRF-TOKEN=/.test(document.cookie)) return Promise.resolve(this.set(null));
    this.probe ??= firstValueFrom(this.http.get<SignedIn>(`${API}/auth/me`)).then(
      (me) => this.set(me),
      () => this.set(null),
    );
    return this.probe;
  }

  async login(email: string, password: string): Promise<SignedIn> {
    const me = await firstValueFrom(this.http.post<SignedIn>(`${API}/auth/login`, { email, password }));
    return this.set(me)!;
  }

  /** After a step that opened a session by itself (activation, invitation accepted). */
  signedIn(me: SignedIn): void {
    this.set(me);
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(`${API}/auth/logout`, {}));
    } finally {
      this.forget();
    }
  }

  forget(): void {
    forgetLastPosition();
    this.set(null);
  }

  private set(me: SignedIn | null): SignedIn | null {
    this.current.set(me);
    this.probe = Promise.resolve(me);
    return me;
  }
}
