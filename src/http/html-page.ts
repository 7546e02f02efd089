import type { ServerResponse } from 'node:http';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** What a page says: its language, title, paragraphs and an optional link button. */
export interface PageContent {
  lang: string;
  title: string;
  paragraphs: string[];
  link?: { href: string; label: string };
}

/** Renders a small, self-contained HTML page in Cocoom's colours. All text is escaped. */
export function renderPage(page: PageContent): string {
  const body = page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const link = page.link
    ? `<p><a class="button" href="${escapeHtml(page.link.href)}">` +
      `${escapeHtml(page.link.label)}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;
color:#1d1c1d}
h1{color:#175AE4}.button{display:inline-block;background:#175AE4;color:#fff;padding:.6rem 1.2rem;
border-radius:6px;text-decoration:none}</style></head>
<body><h1>${escapeHtml(page.title)}</h1>
${body}
${link}
</body></html>
`;
}

/** Sends `page` with `status`, never cached. */
export function sendPage(res: ServerResponse, status: number, page: PageContent): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(renderPage(page));
}
