import type { Screen } from '../store/app';

const paths: Record<Screen, string> = {
  dashboard: 'M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z',
  vacancies: 'M10 4h4a2 2 0 0 1 2 2v1h3a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2h3V6a2 2 0 0 1 2-2zm0 3h4V6h-4v1z',
  letters: 'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 3.2V18h16V7.2l-8 5-8-5zM5.4 6 12 10.1 18.6 6H5.4z',
  chats: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2z',
  templates: 'M6 2h9l5 5v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm8 1.5V8h4.5L14 3.5zM7 12v2h10v-2H7zm0 4v2h7v-2H7z',
  builder:
    'M6 2h12a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm6 4a3 3 0 1 0 0 6 3 3 0 0 0 0-6zm-5 12h10v-1c0-2-2.2-3.5-5-3.5S7 15 7 17v1z',
  searches: 'M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z',
  settings:
    'M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm8.6 5.4-.1-2.8 2-1.6-2-3.4-2.4.8-2.4-1.4L15.2 2h-4l-.5 2.4-2.4 1.4-2.4-.8-2 3.4 2 1.6-.1 2.8-2 1.6 2 3.4 2.4-.8 2.4 1.4.5 2.4h4l.5-2.4 2.4-1.4 2.4.8 2-3.4-2-1.6z',
};

export function Icon({ name }: { name: Screen }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
