import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { endpointOrigins, type Endpoints } from './endpoints.ts';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1] ?? '';
    if (body.trim() === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

export function contentSecurityPolicy(endpoints: Endpoints, html: string): string {
  // Only the dev server injects inline scripts (React refresh preamble); a build has none,
  // so a production page runs nothing but its own bundled files.
  const scriptSrc = ["'self'", ...inlineScriptHashes(html)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${endpointOrigins(endpoints).join(' ')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Writes the Content-Security-Policy meta tag into index.html, built from the configured endpoints. */
export function cspPlugin(endpoints: Endpoints): Plugin {
  return {
    name: 'funding-desk-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const policy = contentSecurityPolicy(endpoints, html);
        return html.replace(
          '<meta name="csp-placeholder" />',
          `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
        );
      },
    },
  };
}
