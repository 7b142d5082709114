/**
 * Replaces AdminJS's "logged in" menu (top bar): logging out and switching the language
 * are POSTed forms (same-origin, so the guard accepts them), never state-changing GET
 * links. Plain `React.createElement` rather than JSX so the server's type-check covers it.
 * Bundled for the browser by AdminJS (registered as an override of `LoggedIn`).
 */
import React from 'react';
import { Box, CurrentUserNav, type CurrentUserNavProps } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';

interface Props {
  session: { email: string; title?: string; locale?: string };
}

interface MiniElement {
  setAttribute(name: string, value: string): void;
  appendChild(child: MiniElement): void;
  submit(): void;
}
interface MiniDocument {
  createElement(tag: string): MiniElement;
  body: MiniElement;
}
interface MiniWindow {
  location: { pathname: string; search: string };
}

/** Submits a POST form the way a user-pressed button would (the browser sends Origin). */
function post(action: string, fields: Record<string, string>): void {
  const doc = (globalThis as unknown as { document: MiniDocument }).document;
  const form = doc.createElement('form');
  form.setAttribute('method', 'post');
  form.setAttribute('action', action);
  for (const [name, value] of Object.entries(fields)) {
    const input = doc.createElement('input');
    input.setAttribute('type', 'hidden');
    input.setAttribute('name', name);
    input.setAttribute('value', value);
    form.appendChild(input);
  }
  doc.body.appendChild(form);
  form.submit();
}

const LoggedIn = (props: Props) => {
  const { session } = props;
  const { translateButton, translateComponent } = useTranslation();
  const other = session.locale === 'en' ? 'fa' : 'en';
  const here = (globalThis as unknown as { window: MiniWindow }).window.location;
  const dropActions: CurrentUserNavProps['dropActions'] = [
    {
      label: translateComponent(`LanguageSelector.availableLanguages.${other}`, { defaultValue: other }),
      icon: 'Globe',
      onClick: (event: { preventDefault(): void }) => {
        event.preventDefault();
        post('/admin/language', { lang: other, back: here.pathname + here.search });
      },
    },
    {
      label: translateButton('logout'),
      icon: 'LogOut',
      onClick: (event: { preventDefault(): void }) => {
        event.preventDefault();
        post('/admin/logout', {});
      },
    },
  ];
  return React.createElement(
    Box,
    { flexShrink: 0, 'data-css': 'logged-in' },
    React.createElement(CurrentUserNav, { name: session.email, title: session.title, dropActions }),
  );
};

export default LoggedIn;
