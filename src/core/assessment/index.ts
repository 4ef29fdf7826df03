/**
 * The monthly staff assessment (月度考核, SPEC §8.3): ⚙ Assessment rules of generic kinds, and the month
 * computed from events with a detail line behind every point. Pure: no I/O, the month passed in.
 */
export * from './at-risk';
export * from './compute';
export * from './rules';
