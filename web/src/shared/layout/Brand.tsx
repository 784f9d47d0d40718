import { Link } from 'react-router-dom';

/** A simple star mark (not the state emblem) with the portal's two-line name. */
export function Brand({ top, main, to = '/' }: { top: string; main: string; to?: string }) {
  return (
    <Link to={to} className="mc-brand">
      <svg width="40" height="40" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <circle cx="32" cy="32" r="30" fill="#9e1c1c" stroke="#f4c542" strokeWidth="3" />
        <path
          fill="#f4c542"
          d="M32 13l5.2 16h16.8L40.4 39l5.2 16L32 45.1 18.4 55l5.2-16L10 29h16.8z"
        />
      </svg>
      <span className="mc-brand-text">
        <span className="mc-brand-top">{top}</span>
        <span className="mc-brand-main">{main}</span>
      </span>
    </Link>
  );
}
