declare module 'asl-validator' {
  interface AslValidationError {
    'Error code': string;
    Message: string;
    path?: string;
  }
  const validator: (
    definition: unknown,
    options?: { checkPaths?: boolean; checkArn?: boolean },
  ) => {
    isValid: boolean;
    errors: AslValidationError[];
    errorsText: (separator?: string) => string;
  };
  export default validator;
}
