export * from './contact';
export * from './ids';
export * from './intake';
export * from './lifecycle';
export * from './repeats';
export * from './routing';
