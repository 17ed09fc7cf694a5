/**
 * Ids per SQL statement: SQLite (and Prisma's driver for it) caps the bound parameters
 * of one statement, which a city-size data set exceeds.
 */
export const MAX_IDS_PER_QUERY = 500;

/** Rows per multi-row INSERT, for the same reason. */
export const ROWS_PER_INSERT = 500;
