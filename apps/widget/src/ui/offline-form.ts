import { isEmailAddress } from '@flowdesk/contract/email';
import { h } from './dom';
import type { Translate } from './strings';

/** Email capture shown when nobody can answer now; the address is stored on the conversation. */
export function offlineForm(t: Translate, submit: (email: string, name: string) => Promise<void>): HTMLFormElement {
  const email = h('input', {
    id: 'fd-offline-email',
    type: 'email',
    autocomplete: 'email',
    required: true,
    'aria-describedby': 'fd-offline-error',
  });
  // ContactRequest's limit, else the save fails as "Could not connect". The email is not cut: a cut address
  // could pass as valid; one too long is refused as invalid.
  const name = h('input', { id: 'fd-offline-name', type: 'text', autocomplete: 'name', maxlength: 200 });
  const error = h('p', { id: 'fd-offline-error', class: 'error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, t('send'));
  const form = h(
    'form',
    { class: 'offline', novalidate: true, 'aria-labelledby': 'fd-offline-title' },
    h('p', { id: 'fd-offline-title', class: 'offline-title' }, t('offlineTitle')),
    h('p', null, t('offlineText')),
    h('label', { for: 'fd-offline-email' }, t('email')),
    email,
    h('label', { for: 'fd-offline-name' }, t('name'), ` ${t('optional')}`),
    name,
    error,
    button,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = email.value.trim();
    if (!isEmailAddress(value)) {
      error.textContent = t('emailInvalid');
      email.setAttribute('aria-invalid', 'true');
      email.focus();
      return;
    }
    // Asked before the button is disabled, which may take its focus away.
    const root = form.getRootNode() as ShadowRoot | Document;
    const hadFocus = form.contains(root.activeElement);
    button.disabled = true;
    // Marks the form as the visitor's own: the capture it causes must not take it away before it says "saved".
    form.dataset.submitted = 'true';
    try {
      await submit(value, name.value.trim());
      const saved = h('p', { class: 'saved', role: 'status', tabindex: '-1' }, t('emailSaved', { email: value }));
      form.replaceChildren(saved);
      // The focused field or button is gone: focus left on the page would take Escape and Tab out of the chat.
      if (hadFocus) saved.focus();
    } catch {
      error.textContent = t('loadFailed');
      button.disabled = false;
      delete form.dataset.submitted;
    }
  });
  return form;
}
