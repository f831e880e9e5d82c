/**
 * What the benefits pages need to know about a database that does not answer, so that the route files
 * need not reach into src/db: whether an error means "no database could take it" (then the journal
 * may), and the error to raise when a page cannot be had without one.
 */
import { CommandOutcomeUnknownError } from '../db/commands.ts';
import { DatabaseUnavailableError } from '../db/failover.ts';

/** No database answered (read or write). */
export const isUnavailable = (err: unknown): boolean => err instanceof DatabaseUnavailableError;

/**
 * The command found no primary within its deadline and wrote nothing: the journal may take it. Not when
 * the COMMIT may have landed (CommandOutcomeUnknownError): journaling it could apply it a second time.
 */
export const journalInstead = (err: unknown): boolean =>
  err instanceof DatabaseUnavailableError && !(err instanceof CommandOutcomeUnknownError);

/** The error a request fails with when it needs a database and none answers (the outage page answers it). */
export const unavailable = (message: string, op: 'read' | 'write'): Error => new DatabaseUnavailableError(message, op);
