import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';
import { handler as httpApi } from '#functions/http-api.ts';
import { handler as onCreateRequested } from '#functions/on-create-requested.ts';
import { httpApiEvent } from '#test/helpers/http-api-event.ts';
import { lambdaContext } from '#test/helpers/lambda-context.ts';

const isValid = (input: unknown): boolean => {
  try {
    validateDatasetGroupRequest(input);
    return true;
  } catch {
    return false;
  }
};

/** Bodies: any JSON, near-valid requests, and text that is not JSON. */
const bodies = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        name: fc.oneof(
          fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,70}$/),
          fc.string(),
        ),
        domain: fc.constantFrom('ECOMMERCE', 'VIDEO_ON_DEMAND', 'RETAIL'),
        tags: fc.array(
          fc.record({ tagKey: fc.string(), tagValue: fc.string() }),
          {
            maxLength: 3,
          },
        ),
        correlationId: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string(),
);

/**
 * No input crashes the entry points or earns a 5xx; nothing the request
 * contract forbids starts a workflow; every 400 names a field.
 */
describe('entry points over generated inputs', () => {
  const sfn = mockClient(SFNClient);

  beforeAll(() => {
    sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: 'arn', startDate: new Date() });
  });

  afterAll(() => {
    sfn.reset();
  });

  it('answers every POST /dataset-groups body with 202, 400 or 413, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        sfn.resetHistory();
        const response = (await httpApi(
          httpApiEvent('POST /dataset-groups', {
            body,
            headers: { 'content-type': 'application/json' },
          }),
          lambdaContext,
        )) as { statusCode: number; body: string };
        let parsed: unknown;
        let json = true;
        try {
          parsed = JSON.parse(body);
        } catch {
          json = false;
        }
        const expected = json && isValid(parsed) ? 202 : 400;
        expect(response.statusCode).toBe(expected);
        expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(
          expected === 202 ? 1 : 0,
        );
        if (response.statusCode === 400) {
          const { errors } = JSON.parse(response.body) as {
            errors: Array<{ field: string }>;
          };
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors) expect(error.field).not.toBe('');
        }
      }),
      { numRuns: 1_500 },
    );
  });

  it('starts a workflow for exactly the valid event details, and fails others by name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          bodies.map((body) => {
            try {
              return JSON.parse(body) as unknown;
            } catch {
              return body;
            }
          }),
        ),
        async (detail) => {
          sfn.resetHistory();
          const event = {
            version: '0',
            id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
            'detail-type': 'Dataset Group Create Requested',
            source: 'personalize.dataset-groups',
            account: '123456789012',
            time: '2026-11-25T10:00:00Z',
            region: 'us-east-1',
            resources: [],
            detail,
          };
          const outcome = await onCreateRequested(
            event as never,
            lambdaContext,
          ).then(
            () => 'started',
            (error: Error) => error.name,
          );
          expect(outcome).toBe(
            isValid(detail) ? 'started' : 'InvalidDatasetGroupRequestError',
          );
        },
      ),
      { numRuns: 1_500 },
    );
  });
});
