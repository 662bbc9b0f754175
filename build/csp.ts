import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { endpointOrigins, type Endpoints } from './endpointSettings.ts';

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

export function contentSecurityPolicy(endpoints: Endpoints, html: string, devServer: boolean): string {
  // Only the dev server injects inline scripts (React refresh preamble) and <style> tags (CSS
  // hot reload); a build has neither, so a production page runs only its own bundled files.
  const scriptSrc = ["'self'", ...inlineScriptHashes(html)].join(' ');
  const styleSrc = devServer ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    `style-src ${styleSrc}`,
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
  let devServer = false;
  return {
    name: 'funding-desk-csp',
    configResolved(config) {
      devServer = config.command === 'serve' && !config.isProduction;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const policy = contentSecurityPolicy(endpoints, html, devServer);
        return html.replace(
          '<meta name="csp-placeholder" />',
          `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
        );
      },
    },
  };
}
