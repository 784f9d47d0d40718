export { RequireCitizen } from './RequireCitizen';
export { CITIZEN_QUERY_KEY, citizenSignInUrl, useCitizen, type CitizenProfile } from './useCitizen';
export { useCitizenT } from './messages';
export { CITIZEN_ACCOUNT_PATH, CITIZEN_DOSSIERS_PATH, CitizenMenu } from './CitizenMenu';
