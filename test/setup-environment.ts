import 'aws-sdk-client-mock-vitest/extend';

// The variables a Lambda execution environment and our stack provide.
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_ACCESS_KEY_ID ??= 'test';
process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_DEV = 'true';
process.env.STATE_MACHINE_ARN ??=
  'arn:aws:states:us-east-1:123456789012:stateMachine:personalize-dataset-groups-test-create-dataset-group';
process.env.DELETE_STATE_MACHINE_ARN ??=
  'arn:aws:states:us-east-1:123456789012:stateMachine:personalize-dataset-groups-test-delete-dataset-group';
