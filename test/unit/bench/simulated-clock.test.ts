import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../bench/simulation/simulated-clock.ts';

describe('the simulated clock', () => {
  it('lets concurrent sleepers sleep side by side', async () => {
    const clock = new SimulatedClock(0);
    const sleeper = async (seconds: number[]) => {
      for (const s of seconds) await clock.sleep(s * 1000);
      return clock.now();
    };
    const ends = await clock.drive(
      Promise.all([sleeper([10]), sleeper([4, 4]), sleeper([1, 1, 1])]),
    );
    expect(ends).toEqual([10_000, 8_000, 3_000]);
    expect(clock.now()).toBe(10_000);
  });

  it('adds up the sleeps of one sleeper', async () => {
    const clock = new SimulatedClock(0);
    await clock.drive(
      (async () => {
        await clock.sleep(2_000);
        await clock.sleep(3_000);
      })(),
    );
    expect(clock.now()).toBe(5_000);
  });

  it('does not move while an HTTP request is in flight', async () => {
    // The server answers after 50 ms of real time; the other sleeper's
    // timer must not fire before the answer arrives and the first sleeper
    // has set its next timer.
    const server = createServer((_request, response) => {
      setTimeout(() => response.end('ok'), 50);
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = server.address() as AddressInfo;
    try {
      const clock = new SimulatedClock(0);
      const order: string[] = [];
      const sleeper = async () => {
        await clock.sleep(5_000);
        order.push(`sleeper woke at ${clock.now()}`);
      };
      const viaHttp = async () => {
        await new Promise<void>((resolve, reject) => {
          request(`http://127.0.0.1:${port}/`, (response) => {
            response.resume();
            response.on('end', resolve);
          })
            .on('error', reject)
            .end();
        });
        order.push(`answered at ${clock.now()}`);
        await clock.sleep(1_000);
        order.push(`caller woke at ${clock.now()}`);
      };
      await clock.drive(Promise.all([viaHttp(), sleeper()]));
      expect(order).toEqual([
        'answered at 0',
        'caller woke at 1000',
        'sleeper woke at 5000',
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('passes on the failure of the work', async () => {
    const clock = new SimulatedClock(0);
    await expect(
      clock.drive(
        (async () => {
          await clock.sleep(1_000);
          throw new RangeError('boom');
        })(),
      ),
    ).rejects.toThrow('boom');
    expect(clock.now()).toBe(1_000);
  });
});
