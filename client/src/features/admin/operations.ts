import { graphql } from '../../gql';

export const ADMIN_DATA = graphql(`
  query AdminData {
    accounts {
      username
      displayName
      role
      scope
      createdAt
      lastLoginAt
      disabledAt
    }
    apiTokens {
      id
      name
      role
      scope
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
    auditEvents(last: 30) {
      id
      at
      action
      actor
      subject
      address
    }
  }
`);

export const CREATE_ACCOUNT = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      account {
        username
      }
      password
    }
  }
`);

export const SET_ACCOUNT_DISABLED = graphql(`
  mutation SetAccountDisabled($username: String!, $disabled: Boolean!) {
    setAccountDisabled(username: $username, disabled: $disabled) {
      username
      disabledAt
    }
  }
`);

export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($username: String!) {
    resetPassword(username: $username)
  }
`);

export const CREATE_TOKEN = graphql(`
  mutation CreateApiToken($input: CreateTokenInput!) {
    createApiToken(input: $input) {
      token {
        id
        role
      }
      value
    }
  }
`);

export const REVOKE_TOKEN = graphql(`
  mutation RevokeApiToken($id: Int!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);
