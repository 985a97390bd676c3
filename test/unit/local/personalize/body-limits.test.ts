import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxJsonNestingDepth } from '#commons/http/json-nesting.ts';
import {
  type RunningPersonalizeEmulator,
  startPersonalizeEmulator,
} from '#local/personalize/index.ts';
import { nestedObjects, postAwsJson } from '#test/helpers/post-aws-json.ts';

/**
 * The emulator's answer to bodies it cannot take: a modelled 400, never
 * a 500, however the body nests.
 */
describe('Personalize emulator request bodies', () => {
  let emulator: RunningPersonalizeEmulator;

  beforeAll(async () => {
    emulator = await startPersonalizeEmulator();
  });

  afterAll(async () => {
    await emulator?.close();
  });

  const createWith = (body: string) =>
    postAwsJson(
      emulator.endpoint,
      'AmazonPersonalize.CreateDatasetGroup',
      body,
    );

  it('answers SerializationException for a body nested 5,000 levels deep', async () => {
    // Act
    const answer = await createWith(`{"name":${nestedObjects(5_000)}}`);

    // Assess
    expect(answer).toEqual({
      status: 400,
      body: {
        __type: 'SerializationException',
        message: `Request body nests arrays and objects deeper than ${maxJsonNestingDepth} levels, the local stack's limit`,
      },
    });
  });

  it('validates a body nested as deep as the limit like any other', async () => {
    // Act: the body is one level, the name the rest.
    const answer = await createWith(
      `{"name":${nestedObjects(maxJsonNestingDepth - 1)}}`,
    );

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      __type: 'InvalidInputException',
      message: expect.stringMatching(/at 'name' .*must be a string/),
    });
  });
});
