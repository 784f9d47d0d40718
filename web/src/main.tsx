// Be Vietnam Pro, bundled with the app (vietnamese, latin-ext and latin subsets; never a CDN).
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './shared/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router-dom';
import { AppProviders } from './app/AppProviders';
import { modules } from './app/modules';
import { buildRoutes } from './app/router';
import { getLocale, onLocaleChange } from './shared/i18n';
import { installIconLabels } from './shared/i18n/antdAriaLabels';
import { setAccessReasonPrompt } from './shared/api';
import { askAccessReason } from './shared/ui/accessReason';

const router = createBrowserRouter(buildRoutes(modules));
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

installIconLabels(getLocale, onLocaleChange);
setAccessReasonPrompt(askAccessReason);

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
