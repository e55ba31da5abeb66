/** The engines whose databases get DatabaseAccess: the ones the provisioning engine speaks (PostgreSQL, MySQL family). */
export const ACCESS_ENGINES = ['postgres', 'aurora-postgresql', 'mysql', 'aurora-mysql', 'mariadb'] as const;
export type AccessEngine = (typeof ACCESS_ENGINES)[number];

export const isAccessEngine = (engine: string): engine is AccessEngine => (ACCESS_ENGINES as readonly string[]).includes(engine);
