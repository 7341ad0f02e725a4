export * from './channels';
export * from './errors';
export * from './error-messages';
export * from './events';
export * from './transport';
export * from './validation';
