export * from './categories';
export * from './fields';
export * from './general';
export * from './parse';
export * from './staff';
