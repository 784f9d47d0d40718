import { useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { errorMessage, isApiError } from '../../shared/api';
import { useLocale, useT } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { usePrSettle } from './api';

/**
 * Sending a dialog's form: field errors under their fields, another refusal in the dialog's banner, and
 * someone else's save first (409 VERSION_CONFLICT) said in the server's words; its "Tải lại" closes the
 * dialog and reads the module's data again so the next edit starts from the record as stored.
 */
export function useFormSubmit(form: FormInstance | null, close: () => void) {
  const ts = useT();
  const locale = useLocale();
  const settle = usePrSettle();
  const { modal } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const run = async (send: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    setPending(true);
    try {
      await send();
    } catch (error) {
      if (isApiError(error) && (error.code === 'VERSION_CONFLICT' || error.code === 'STALE_VERSION')) {
        close();
        modal.warning({ title: ts('error.staleTitle'), content: errorMessage(error, locale), okText: ts('action.reload'), onOk: settle });
        return;
      }
      const unmatched = form ? applyFieldErrors(form, error, locale) : [];
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    } finally {
      busy.current = false;
      setPending(false);
    }
  };
  return { problem, pending, run, setProblem };
}
