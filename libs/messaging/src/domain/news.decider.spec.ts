import { NotFoundError, RuleViolationError, ValidationError } from '#ardoise/kernel';
import { newsDecider, type NewsCommand } from './news.decider.js';

const now = new Date('2026-09-03T08:00:00Z');
const publish = (news: Partial<Extract<NewsCommand, { type: 'PublishNews' }>['news']> = {}): NewsCommand => ({
  type: 'PublishNews',
  now,
  news: { newsId: 'n1', kind: 'message', title: 'Grève du 10 septembre', body: 'Pas de cantine.', audience: { scope: 'all' }, week: null, ...news },
});
const published = () => newsDecider.decide(publish(), newsDecider.initialState()).reduce(newsDecider.evolve, newsDecider.initialState());

describe('publishing news', () => {
  it('publishes now by default, until withdrawn', () => {
    const [event] = newsDecider.decide(publish(), newsDecider.initialState());
    expect(event!.data).toMatchObject({ visibleFrom: now.toISOString(), visibleUntil: null });
  });

  it('schedules a publication for later', () => {
    const [event] = newsDecider.decide(publish({ visibleFrom: '2026-09-07T05:00:00Z' }), newsDecider.initialState());
    expect(event!.data).toMatchObject({ visibleFrom: '2026-09-07T05:00:00.000Z' });
  });

  it('shows a week’s menus until the end of that week', () => {
    const [event] = newsDecider.decide(publish({ kind: 'menu', week: '2026-09-07' }), newsDecider.initialState());
    expect(event!.data).toMatchObject({ week: '2026-09-07', visibleUntil: '2026-09-14T00:00:00.000Z' });
  });

  it('refuses menus without the Monday of their week, and an end before the start', () => {
    expect(() => newsDecider.decide(publish({ kind: 'menu', week: '2026-09-08' }), newsDecider.initialState())).toThrow(ValidationError);
    expect(() =>
      newsDecider.decide(publish({ visibleFrom: '2026-09-10T00:00:00Z', visibleUntil: '2026-09-09T00:00:00Z' }), newsDecider.initialState()),
    ).toThrow(RuleViolationError);
    expect(() =>
      newsDecider.decide(publish({ visibleFrom: '2026-08-01T00:00:00Z', visibleUntil: '2026-09-01T00:00:00Z' }), newsDecider.initialState()),
    ).toThrow('NEWS.ALREADY_EXPIRED');
  });

  it('withdraws once; withdrawing unknown news is not found', () => {
    const [withdrawn] = newsDecider.decide({ type: 'WithdrawNews', newsId: 'n1', reason: null }, published());
    expect(withdrawn!.type).toBe('NewsWithdrawn');
    const after = newsDecider.evolve(published(), withdrawn!);
    expect(newsDecider.decide({ type: 'WithdrawNews', newsId: 'n1', reason: null }, after)).toEqual([]);
    expect(() => newsDecider.decide({ type: 'WithdrawNews', newsId: 'n1', reason: null }, newsDecider.initialState())).toThrow(NotFoundError);
  });
});
