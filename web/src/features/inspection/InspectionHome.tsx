import { Navigate } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../shared/auth';
import { CASES_PATH, COMPLAINT_READ_ROLES, DISCIPLINE_PATH } from './paths';

/** `/can-bo/thanh-tra`: the side menu's entry leads to the first group the user reads. */
export default function InspectionHome() {
  const { user } = useAuth();
  return <Navigate to={hasAnyRole(user, COMPLAINT_READ_ROLES) ? CASES_PATH : DISCIPLINE_PATH} replace />;
}
