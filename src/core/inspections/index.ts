/**
 * The inspection register's domain (SPEC §9): ⚙ Checklists and ⚙ Areas, scoring and grading on the
 * rubric engine, fail streaks and repeat findings, schedule compliance, blind spots and best areas.
 * Pure: no I/O, `now` passed in; problems and labels are codes or {key, params} for jobs to render.
 */
export * from './areas';
export * from './checklists';
export * from './defaults';
export * from './grading';
export * from './ids';
export * from './report';
export * from './schedule';
export * from './signals';
export * from './streak';
