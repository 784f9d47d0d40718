import { useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { errorMessage, isApiError } from '../../shared/api';
import { useLocale, useT } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';

/**
 * Sending a form: field errors under their fields, any other refusal in the form's banner, and someone
 * else's change first (409 VERSION_CONFLICT) said in the server's words before the record is read again.
 * `run` answers whether the request went through; a second submit while one is on its way sends nothing.
 */
export function useSubmit(form: FormInstance | null, reload?: () => unknown, close?: () => void) {
  const ts = useT();
  const locale = useLocale();
  const { modal } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const run = async (send: () => Promise<unknown>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setProblem(null);
    setPending(true);
    try {
      await send();
      return true;
    } catch (error) {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        close?.();
        modal.warning({ title: ts('error.staleTitle'), content: errorMessage(error, locale), okText: ts('action.reload') });
        void reload?.();
        return false;
      }
      if (isApiError(error) && error.status === 409) void reload?.();
      const unmatched = form ? applyFieldErrors(form, error, locale) : [];
      setProblem(form && isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
      return false;
    } finally {
      busy.current = false;
      setPending(false);
    }
  };
  return { problem, pending, run, setProblem };
}
