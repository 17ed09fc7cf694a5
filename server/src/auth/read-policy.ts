import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';
import { unauthenticated } from '../graphql/errors';

/**
 * Without a token, reading is allowed only while PUBLIC_DASHBOARD is on; writing
 * always needs one (checked where the grid is known, in the services).
 */
export const readPolicy: MiddlewareFn<Context> = ({ context, info }, next) => {
  const isRootField = info.parentType.name === 'Query';
  if (isRootField && context.viewer.role === 'PUBLIC' && !context.config.publicDashboard && info.fieldName !== 'viewer') {
    throw unauthenticated('This server needs an API token (Authorization: Bearer <token>); PUBLIC_DASHBOARD is off');
  }
  return next();
};
