export * from './blocks';
export * from './common';
export * from './conditions';
export * from './document';
export * from './interpolate';
export * from './safe-regex';
export * from './variables';
