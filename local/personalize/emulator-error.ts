/**
 * An error the emulator answers with: `name` goes on the wire as `__type`
 * and `x-amzn-ErrorType`. `status` is only set where it is fixed by the
 * error's nature (5xx faults); otherwise the wire layer picks it from the
 * configured status table (400 by default, as the API reference documents).
 */
export class EmulatorError extends Error {
  readonly status: number | undefined;

  constructor(name: string, message: string, status?: number) {
    super(message);
    this.name = name;
    this.status = status;
  }
}

/** The HTTP statuses of the Smithy `httpError` traits (reference §1.4). */
export const smithyErrorStatuses: Readonly<Record<string, number>> = {
  LimitExceededException: 409,
  ResourceAlreadyExistsException: 403,
  ResourceInUseException: 409,
  ResourceNotFoundException: 404,
};

export const defaultErrorStatus = 400;

export const invalidInput = (message: string) =>
  new EmulatorError('InvalidInputException', message);

export const invalidNextToken = (message: string) =>
  new EmulatorError('InvalidNextTokenException', message);

export const resourceAlreadyExists = (message: string) =>
  new EmulatorError('ResourceAlreadyExistsException', message);

export const resourceNotFound = (message: string) =>
  new EmulatorError('ResourceNotFoundException', message);

export const resourceInUse = (message: string) =>
  new EmulatorError('ResourceInUseException', message);

export const limitExceeded = (message: string) =>
  new EmulatorError('LimitExceededException', message);

export const tooManyTags = (message: string) =>
  new EmulatorError('TooManyTagsException', message);

export const tooManyTagKeys = (message: string) =>
  new EmulatorError('TooManyTagKeysException', message);

export const throttling = (message = 'Rate exceeded') =>
  new EmulatorError('ThrottlingException', message);

/**
 * The documentation of LimitExceededException in the Personalize service
 * model, word for word (verified in @aws-sdk/client-personalize's
 * models/errors.d.ts and botocore's service-2.json). What the live service
 * writes in `message` when it limits the request rate is not published;
 * the model's sentence is the only wording AWS gives for this case.
 */
export const requestRateMessage =
  'The limit on the number of requests per second has been exceeded.';

/** The errors the emulator can answer a call over the rate with. */
export const throttlingErrorNames = [
  'LimitExceededException',
  'ThrottlingException',
] as const;

export type ThrottlingErrorName = (typeof throttlingErrorNames)[number];

/**
 * A call over the rate: LimitExceededException (the service model's own
 * rate-limit error, modelled, so the SDK maps it to its class) by default,
 * or the unmodelled ThrottlingException of the AWS common errors.
 */
export const overTheRate = (
  error: ThrottlingErrorName = 'LimitExceededException',
  message?: string,
): EmulatorError =>
  error === 'ThrottlingException'
    ? throttling(message)
    : limitExceeded(message ?? requestRateMessage);

export const serialization = (message: string) =>
  new EmulatorError('SerializationException', message);

export const unknownOperation = (message: string) =>
  new EmulatorError('UnknownOperationException', message);
