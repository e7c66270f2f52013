/** GET /api/v1/outbox — an e-mail in the outbox, as staff list them. */
export interface OutboxMailSummary {
  id: string;
  to: string;
  template: string;
  subject: string;
  /** pending: waiting to be sent; sent; failed: given up after retries; held: no SMTP configured, kept here. */
  status: 'pending' | 'sent' | 'failed' | 'held';
  attempts: number;
  familyId: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** GET /api/v1/outbox/:id — the e-mail in full. */
/** GET /api/v1/outbox/delivery — whether e-mails can leave, and how many wait. */
export interface OutboxDeliveryView {
  smtpConfigured: boolean;
  /** Kept because no SMTP server was configured when they were written. */
  held: number;
  pending: number;
  failed: number;
}

export interface OutboxMailView extends OutboxMailSummary {
  text: string;
  html: string;
  nextAttemptAt: string | null;
  /** The SMTP server's last refusal (never with an e-mail address). */
  lastError: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/v1/requests — a thread of "Mes demandes", as listed. */
export interface RequestSummaryView {
  id: string;
  familyId: string;
  topic: 'certificate' | 'proof_of_address' | 'qf_proof' | 'other';
  subject: string;
  status: 'open' | 'closed';
  openedBy: 'family' | 'staff';
  openedAt: string;
  lastActivityAt: string;
  /** Who wrote last: a thread where staff wrote last awaits the family, and the reverse. */
  lastAuthor: 'family' | 'staff';
  closedAt: string | null;
  /** The family was forgotten (RGPD): the subject reads « Contenu effacé (RGPD) ». */
  erased: boolean;
}

export interface RequestMessageView {
  id: string;
  author: 'family' | 'staff';
  body: string;
  postedAt: string;
  /** Erased with its family (RGPD): the body reads « Contenu effacé (RGPD) ». */
  erased: boolean;
}

export interface RequestAttachmentView {
  id: string;
  author: 'family' | 'staff';
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  addedAt: string;
  /** Relative to /api/v1; null once erased with its family (the file is deleted). */
  downloadPath: string | null;
  erased: boolean;
}

/** GET /api/v1/requests/:id — the thread in full. */
export interface RequestThreadView extends RequestSummaryView {
  messages: RequestMessageView[];
  attachments: RequestAttachmentView[];
}

/** GET /api/v1/news — a news item ("Mes actualités") or a week's menus. */
export interface NewsView {
  id: string;
  kind: 'message' | 'menu';
  title: string;
  body: string;
  audience: { scope: 'all' } | { scope: 'school'; school: string } | { scope: 'service'; serviceCode: string };
  visibleFrom: string;
  visibleUntil: string | null;
  /** Menus: the Monday of their week. */
  week: string | null;
  /** For staff: scheduled (not yet shown), current, expired or withdrawn. Parents only get current ones. */
  status: 'scheduled' | 'current' | 'expired' | 'withdrawn';
  /** Whether the signed-in person has read it (parents; always true for staff). */
  read: boolean;
}

export interface NewsListView {
  items: NewsView[];
  unreadCount: number;
}
