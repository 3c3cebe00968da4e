import { lazy } from 'react';
import type { AppRoute } from '../app/route-types';

const KnowledgePage = lazy(() => import('./KnowledgePage').then((m) => ({ default: m.KnowledgePage })));

/** An open book, drawn like the dashboard's other stroke icons (ui/icons.tsx). */
function BookIcon() {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      aria-hidden="true"
    >
      <path
        d="M12 6c-2-1.5-5-2-8-2v14c3 0 6 .5 8 2m0-14c2-1.5 5-2 8-2v14c-3 0-6 .5-8 2m0-14v14"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The admins' Knowledge page, picked up by app/routes.tsx. Agents opening the URL get "Not available for your role". */
export const routes: AppRoute[] = [
  {
    path: '/knowledge',
    title: 'Knowledge',
    render: () => <KnowledgePage />,
    nav: { label: 'Knowledge', order: 40, icon: <BookIcon /> },
    roles: ['admin'],
  },
];
