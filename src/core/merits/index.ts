/**
 * Merits and demerits (奖惩, SPEC §8.2): ⚙ Merit catalog, points per level, and the ledger's rules
 * (reversing entries, one standing automatic entry per evidence). Pure: no I/O.
 */
export * from './catalog';
export * from './defaults';
export * from './ledger';
