import { HttpClient } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { AttendanceStatus } from '@ardoise/contracts';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api';
import { ApiError } from '../../../core/api-error';

/** One tap on the sheet: kept on the tablet until the API has it. */
export interface QueuedMark {
  /** The command's Idempotency-Key: a mark sent twice (a lost answer, a retry) is recorded once. */
  key: string;
  serviceCode: string;
  date: string;
  childId: string;
  status: AttendanceStatus;
  /** When the agent tapped (the later mark wins on the server, whatever the arrival order). */
  markedAt: string;
}

export interface RefusedMark extends QueuedMark {
  message: string;
}

const STORAGE_KEY = 'ardoise.presences.en-attente';
const RETRY_MS = 10_000;

/**
 * The attendance sheet's outbox. Every mark is written to the device first (localStorage,
 * so a closed tab or a dropped Wi-Fi loses nothing), then sent in the order taken, each as
 * an idempotent command. Without network the marks wait; they leave by themselves when the
 * browser is back online (and every 10 s while some wait).
 */
@Injectable({ providedIn: 'root' })
export class AttendanceQueue {
  private readonly http = inject(HttpClient);
  private readonly queue = signal<QueuedMark[]>(this.read());
  private sending = false;
  readonly online = signal(navigator.onLine);
  readonly refused = signal<RefusedMark[]>([]);
  readonly marks = this.queue.asReadonly();
  readonly pending = computed(() => this.queue().length);
  /** Bumped after marks were accepted, so the sheet reads the server's state again. */
  readonly delivered = signal(0);

  constructor() {
    const wentOnline = () => {
      this.online.set(true);
      void this.flush();
    };
    const wentOffline = () => this.online.set(false);
    const onStorage = (e: StorageEvent) => e.key === STORAGE_KEY && this.queue.set(this.read());
    window.addEventListener('online', wentOnline);
    window.addEventListener('offline', wentOffline);
    window.addEventListener('storage', onStorage);
    const timer = setInterval(() => this.queue().length > 0 && void this.flush(), RETRY_MS);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', wentOnline);
      window.removeEventListener('offline', wentOffline);
      window.removeEventListener('storage', onStorage);
      clearInterval(timer);
    });
    void this.flush();
  }

  mark(serviceCode: string, date: string, childId: string, status: AttendanceStatus): void {
    const mark: QueuedMark = { key: crypto.randomUUID(), serviceCode, date, childId, status, markedAt: new Date().toISOString() };
    this.write([...this.queue(), mark]);
    void this.flush();
  }

  /** The last mark still waiting for a child on that day, if any. */
  latestFor(serviceCode: string, date: string, childId: string): QueuedMark | undefined {
    return this.queue().findLast((m) => m.serviceCode === serviceCode && m.date === date && m.childId === childId);
  }

  async flush(): Promise<void> {
    if (this.sending || !navigator.onLine) return;
    this.sending = true;
    let accepted = 0;
    try {
      for (let next = this.queue()[0]; next; next = this.queue()[0]) {
        const outcome = await this.send(next);
        if (outcome === 'retry-later') break;
        this.write(this.queue().filter((m) => m.key !== next!.key));
        if (outcome === 'accepted') accepted++;
      }
    } finally {
      this.sending = false;
      if (accepted > 0) this.delivered.update((n) => n + 1);
    }
  }

  private async send(mark: QueuedMark): Promise<'accepted' | 'refused' | 'retry-later'> {
    try {
      await firstValueFrom(
        this.http.post(
          `${API}/service-days/${encodeURIComponent(mark.serviceCode)}/${mark.date}/attendance`,
          { childId: mark.childId, status: mark.status, markedAt: mark.markedAt },
          { headers: { 'Idempotency-Key': `presence-${mark.key}` } },
        ),
      );
      return 'accepted';
    } catch (error) {
      // No network, a server busy or restarting, the same key still in progress, a session to renew: try again later.
      const status = error instanceof ApiError ? error.status : 0;
      if (status <= 0 || status === 401 || status === 408 || status === 409 || status === 429 || status >= 500) return 'retry-later';
      this.refused.update((list) => [...list, { ...mark, message: (error as ApiError).title }]);
      return 'refused';
    }
  }

  private read(): QueuedMark[] {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(stored) ? stored : [];
    } catch {
      return [];
    }
  }

  private write(marks: QueuedMark[]): void {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(marks));
    this.queue.set(marks);
  }
}
