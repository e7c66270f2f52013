import { ProgressMeter, type RebuildProgress } from './rebuild-progress.js';

describe('ProgressMeter', () => {
  it('reports applied events including those of a resumed run, and never estimates below them', () => {
    const seen: RebuildProgress[] = [];
    const meter = new ProgressMeter('p', 2, 100, 150, (p) => seen.push(p));
    meter.add(30, 'replaying');
    meter.add(40, 'replaying');
    expect(seen.map((p) => p.eventsApplied)).toEqual([130, 170]);
    expect(seen.map((p) => p.estimatedTotal)).toEqual([150, 170]);
    expect(seen[1]).toMatchObject({ projection: 'p', generation: 2, phase: 'replaying' });
    expect(seen[1]!.eventsPerSecond).toBeGreaterThanOrEqual(0);
  });

  it('says null when there is nothing to estimate from', () => {
    const seen: RebuildProgress[] = [];
    new ProgressMeter('p', 1, 0, null, (p) => seen.push(p)).add(5, 'replaying');
    expect(seen[0]!.estimatedTotal).toBeNull();
  });
});
