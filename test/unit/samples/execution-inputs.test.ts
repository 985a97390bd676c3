import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDatasetGroupRequest } from '#commons/dataset-group/validate-request.ts';

const samplesDirectory = join(
  import.meta.dirname,
  '../../../samples/execution-inputs',
);
const samples = readdirSync(samplesDirectory).filter((file) =>
  file.endsWith('.json'),
);

/** The inputs the README tells users to paste into the console. */
describe('sample execution inputs', () => {
  it('has samples to paste', () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(samples)('%s is a valid request', (file) => {
    // Prepare
    const input = JSON.parse(
      readFileSync(join(samplesDirectory, file), 'utf8'),
    );

    // Act
    const request = validateDatasetGroupRequest(input);

    // Assess
    expect(request).toEqual(input);
  });
});
