export * from './town.js';
export * from './town-identity.js';
export { contrastWithWhite } from './town-config.validators.js';
