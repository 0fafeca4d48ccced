export * from './common.js';
export * from './realizations.js';
export * from './plans.js';
export * from './agreements.js';
export * from './programs.js';
export * from './evaluation.js';
export * from './narrative.js';
export * from './agency.js';
