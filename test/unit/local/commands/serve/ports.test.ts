import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertPortsFree,
  PortInUseError,
  portHolder,
} from '#local/commands/serve/ports.ts';

const servers: Server[] = [];
const listening = async (): Promise<number> => {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
};

afterEach(async () => {
  await Promise.all(
    servers
      .splice(0)
      .map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

describe('assertPortsFree', () => {
  it('names the endpoint, the holder and the flag when a port is taken', async () => {
    // Prepare
    const port = await listening();

    // Act
    const check = assertPortsFree({
      api: 0,
      stepFunctions: port,
      eventBridge: 0,
      personalize: 0,
      console: 0,
    });

    // Assess
    await expect(check).rejects.toThrow(PortInUseError);
    await expect(check).rejects.toThrow(
      new RegExp(
        `^Port ${port} \\(Step Functions\\) is in use by pid ${process.pid} \\(.+\\): choose another with --stepfunctions-port N, or --port-base 0 for free ports$`,
      ),
    );
  });

  it('passes free ports and port 0', async () => {
    // Prepare
    const port = await listening();
    await new Promise((resolve) => servers.pop()?.close(resolve));

    // Act
    const check = assertPortsFree({
      api: port,
      stepFunctions: 0,
      eventBridge: 0,
      personalize: 0,
      console: 0,
    });

    // Assess
    await expect(check).resolves.toBeUndefined();
  });
});

describe('portHolder', () => {
  it('finds this process behind a port it listens on', async () => {
    // Prepare
    const port = await listening();

    // Act
    const holder = portHolder(port);

    // Assess
    expect(holder).toMatch(new RegExp(`^pid ${process.pid} \\(`));
  });
});
