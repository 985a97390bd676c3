/**
 * `avsc/lib/types.js`, the module of avsc that parses schemas: what
 * schema-definition.ts imports instead of the whole package. avsc ships
 * declarations for its entry point only; these are its Type.
 */
declare module 'avsc/lib/types.js' {
  const types: { Type: typeof import('avsc').Type };
  export default types;
}
