import { Navigate } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../shared/auth';
import { INCOMING_PATH, MY_WORK_PATH, OUTGOING_PATH } from './paths';

/**
 * `/can-bo/van-thu`: the side menu's entry leads to each person's own work — the records office and
 * the leaders to incoming documents (to register, to route), a specialist to what they were given.
 */
export default function RegistryHome() {
  const { user } = useAuth();
  const to = hasAnyRole(user, ['clerk', 'unit_head']) ? INCOMING_PATH : hasAnyRole(user, ['specialist']) ? MY_WORK_PATH : OUTGOING_PATH;
  return <Navigate to={to} replace />;
}
