// Staff mode: the staff key is typed once into a dialog and kept in sessionStorage only (never the URL, never
// localStorage); requests for vacant houses send it as X-Api-Key, and only then do owner fields reach the browser.
import { t } from './i18n.js';

const storageKey = 'sousei.staffKey';

export function createStaff({ onChange, api = (p) => p }) {
  const dialog = document.getElementById('staff-dialog');
  const input = document.getElementById('staff-key');
  const state = document.getElementById('staff-state');
  const key = () => sessionStorage.getItem(storageKey);
  const render = (message) => {
    state.textContent = message ?? (key() ? t('staffOn') : t('staffOff'));
    document.body.classList.toggle('staff', Boolean(key()));
  };
  document.getElementById('staff').addEventListener('click', () => {
    input.value = '';
    render();
    dialog.showModal();
    input.focus();
  });
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue === 'apply' && input.value.trim() !== '') {
      // Asked of the service first, so that a wrong key is said to be wrong instead of silently showing nothing more.
      const typed = input.value.trim();
      input.value = '';
      const answer = await fetch(api('api/staff'), { headers: { 'X-Api-Key': typed } }).catch(() => null);
      if (!answer || answer.status === 401) {
        sessionStorage.removeItem(storageKey);
        render(t('staffRejected'));
        document.body.dataset.staffRejected = 'true';
        dialog.showModal(); // open again, saying why, with the field ready for another try
        input.focus();
        return;
      }

      document.body.dataset.staffRejected = 'false';
      sessionStorage.setItem(storageKey, typed);
    } else if (dialog.returnValue === 'clear') sessionStorage.removeItem(storageKey);
    else return;
    input.value = '';
    render();
    onChange();
  });
  return {
    /** Headers for a request that may read owner fields. */
    headers: () => (key() ? { 'X-Api-Key': key() } : {}),
    active: () => Boolean(key()),
    render,
  };
}
