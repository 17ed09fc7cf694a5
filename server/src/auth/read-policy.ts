import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { Context } from '../context';
import { unauthenticated } from '../graphql/errors';

/** What a visitor is told when the server is not public. */
export const signInRequired = () =>
  unauthenticated(
    'This server needs signing in (/login) or an API token (Authorization: Bearer <token>); PUBLIC_DASHBOARD is off',
    'SIGN_IN_REQUIRED',
  );

/**
 * Without signing in or a token, reading is allowed only while PUBLIC_DASHBOARD is on (asking who
 * you are always is); writing always needs one, checked where the grid is known. Once
 * per operation, not per field: a list of 45,000 buildings pays nothing for it.
 */
export const readPolicy: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (
          !operation ||
          operation.operation !== 'query' ||
          contextValue.viewer.role !== 'PUBLIC' ||
          contextValue.config.publicDashboard
        )
          return;
        const onlyViewer = operation.selectionSet.selections.every(
          (s) => s.kind === Kind.FIELD && ['viewer', '__typename'].includes(s.name.value),
        );
        if (!onlyViewer) throw signInRequired();
      },
    };
  },
};
