import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Swagger UI's two files the docs page needs; the desktop build copies them to dist/main/docs (vite.config.ts). */
export const SWAGGER_UI_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const;

/**
 * Where Swagger UI's files are: the folder the shell names (the packaged app's copy), else the
 * swagger-ui-dist package (a checkout, npm run preview). Undefined when neither has them.
 */
export function findSwaggerUi(dir?: string): string | undefined {
  if (dir) return existsSync(join(dir, SWAGGER_UI_FILES[0])) ? dir : undefined;
  try {
    return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  } catch {
    return undefined;
  }
}

/** Swagger UI allows inline styles of its own; scripts come only from this server. */
export const DOCS_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/** The page's own words around Swagger UI (whose buttons and the routes' descriptions are English). */
const CHROME = {
  ru: {
    title: 'Локальный API AI Auto Applier',
    intro:
      'Все адреса Локального API на одной странице. Запросы, кроме этой страницы и /openapi.json, требуют токен: создайте его в Настройки → Локальный API, нажмите «Authorize» и вставьте его. Кнопки и описания адресов ниже — на английском.',
  },
  en: {
    title: 'AI Auto Applier Local API',
    intro:
      'Every Local API address on one page. Requests other than this page and /openapi.json need a token: create one in Settings → Local API, press "Authorize" and paste it.',
  },
} as const;

/** Russian first, as the app; English when the browser asks for English before Russian. */
export function docsLanguage(acceptLanguage: string | undefined): 'ru' | 'en' {
  const first = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .find((tag) => tag.startsWith('ru') || tag.startsWith('en'));
  return first?.startsWith('en') ? 'en' : 'ru';
}

export const docsPage = (language: 'ru' | 'en') => `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${CHROME[language].title}</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<header style="font-family: system-ui, sans-serif; max-width: 1400px; margin: 16px auto 0; padding: 0 20px">
<h1 style="font-size: 22px; margin: 0 0 6px">${CHROME[language].title}</h1>
<p style="margin: 0; color: #3b4151">${CHROME[language].intro}</p>
</header>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

/** Loaded as a file: the page's policy allows no inline script. */
export const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: false });\n`;
