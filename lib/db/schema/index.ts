export * from './access';
export * from './domain';
export * from './ingest';
export * from './meta';
export * from './metrics';
export * from './raw';
export * from './scorecard';
export * from './revision';
