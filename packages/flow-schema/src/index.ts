export * from './blocks';
export * from './common';
export * from './document';
