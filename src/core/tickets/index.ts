export * from './contact';
export * from './historic';
export * from './ids';
export * from './intake';
export * from './lifecycle';
export * from './repeats';
export * from './routing';
