export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
export const TEST_DISPLAY_TOKEN = 'test-display-token-0123456789';
export const TEST_ADMIN_PASSWORD = 'test-admin-password-0123';
