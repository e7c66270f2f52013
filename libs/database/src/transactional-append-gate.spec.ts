import { TransactionalAppendGate } from './transactional-append-gate.js';

describe('the gate around transactions that append', () => {
  it('never lets more than its limit in at once, and lets everyone through in the end', async () => {
    const gate = TransactionalAppendGate.forPool(10);
    expect(gate.limit).toBe(5);
    let inside = 0;
    let most = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        gate.run(async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
          inside--;
          done.push(i);
        }),
      ),
    );
    expect(most).toBe(5);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('frees the slot when the work fails', async () => {
    const gate = new TransactionalAppendGate(1);
    await expect(gate.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
