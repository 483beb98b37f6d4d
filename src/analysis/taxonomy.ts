// The taxonomy now lives in the pure vocabulary module; this name stays for the engine's own imports.
export { ASPECTS, RISKS, type Aspect, type Risk } from './analysis.vocab.ts';
