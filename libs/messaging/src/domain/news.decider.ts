import { NotFoundError, RuleViolationError, ValidationError } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import type { NewsEvent, NewsPublished } from './news-events.js';

export type NewsState = { published: false } | { published: true; withdrawn: boolean };

export type NewsCommand =
  | {
      type: 'PublishNews';
      news: Omit<NewsPublished['data'], 'visibleFrom' | 'visibleUntil'> & { visibleFrom?: string; visibleUntil?: string | null };
      now: Date;
    }
  | { type: 'WithdrawNews'; newsId: string; reason: string | null };

export function newsNotFound(): NotFoundError {
  return new NotFoundError('NEWS.NOT_FOUND', 'Actualité introuvable.');
}

const DAY = 86_400_000;

/** The Monday (YYYY-MM-DD) a menu is for, checked; its week ends on Sunday night (Paris, approximated in UTC+2 at most). */
function mondayOf(week: string | null): Date {
  const date = week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? new Date(`${week}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || date.getUTCDay() !== 1) {
    throw new ValidationError([{ field: 'week', messages: ['Indiquez le lundi de la semaine des menus (AAAA-MM-JJ).'] }]);
  }
  return date;
}

export const newsDecider: Decider<NewsState, NewsCommand, NewsEvent> = {
  initialState: () => ({ published: false }),

  evolve(state, event) {
    switch (event.type) {
      case 'NewsPublished':
        return { published: true, withdrawn: false };
      case 'NewsWithdrawn':
        return state.published ? { ...state, withdrawn: true } : state;
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'PublishNews': {
        if (state.published) throw new RuleViolationError('NEWS.ALREADY_PUBLISHED', 'Cette actualité est déjà publiée.');
        const { news, now } = command;
        const visibleFrom = news.visibleFrom ? new Date(news.visibleFrom) : now;
        let visibleUntil = news.visibleUntil ? new Date(news.visibleUntil) : null;
        let week: string | null = null;
        if (news.kind === 'menu') {
          const monday = mondayOf(news.week);
          week = news.week;
          // Menus are news of their week: gone after Sunday unless told otherwise.
          visibleUntil ??= new Date(monday.getTime() + 7 * DAY);
        }
        if (visibleUntil && visibleUntil <= visibleFrom) {
          throw new RuleViolationError('NEWS.BAD_PERIOD', 'La fin de publication doit venir après son début.');
        }
        if (visibleUntil && visibleUntil <= now) {
          throw new RuleViolationError('NEWS.ALREADY_EXPIRED', 'Cette actualité serait déjà expirée : vérifiez ses dates.');
        }
        return [
          {
            type: 'NewsPublished',
            data: {
              ...news,
              week,
              visibleFrom: visibleFrom.toISOString(),
              visibleUntil: visibleUntil ? visibleUntil.toISOString() : null,
            },
          },
        ];
      }
      case 'WithdrawNews':
        if (!state.published) throw newsNotFound();
        if (state.withdrawn) return [];
        return [{ type: 'NewsWithdrawn', data: { newsId: command.newsId, reason: command.reason } }];
    }
  },
};
