export { AuthProvider, ME_QUERY_KEY, useAuth } from './AuthProvider';
export { CHANGE_PASSWORD_PATH, RequireAuth, SIGN_IN_PATH, safeNextPath } from './RequireAuth';
export * from './types';
export { homePath } from './landing';
