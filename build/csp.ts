import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { endpointOrigins, type Endpoints } from './endpointSettings.ts';
import { HEADERS_FILE, headersFileText, headersFor, parseHeadersFile } from './staticHeaders.ts';

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
  // A build fetches nothing from its own origin; the dev server's hot-reload socket does.
  const connectSrc = [...(devServer ? ["'self'"] : []), ...endpointOrigins(endpoints)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    `style-src ${styleSrc}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy as a response header: what the meta tag says, plus what only a header can say. */
export function headerPolicy(metaPolicy: string): string {
  return `${metaPolicy}; frame-ancestors 'none'`;
}

/**
 * Writes the Content-Security-Policy, built from the configured endpoints, into index.html as a
 * meta tag and into the build's `_headers` file; `vite preview` answers every request with that
 * file's headers, as a static host does, since a meta tag does not reach the Web Workers.
 */
export function cspPlugin(endpoints: Endpoints): Plugin {
  let devServer = false;
  let metaPolicy: string | null = null;
  return {
    name: 'funding-desk-csp',
    configResolved(config) {
      devServer = config.command === 'serve' && !config.isProduction;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        metaPolicy = contentSecurityPolicy(endpoints, html, devServer);
        return html.replace(
          '<meta name="csp-placeholder" />',
          `<meta http-equiv="Content-Security-Policy" content="${metaPolicy}" />`,
        );
      },
    },
    generateBundle: {
      order: 'post',
      handler() {
        if (metaPolicy === null) this.error('index.html was not transformed, so there is no policy for _headers');
        const rules = new Map([['/*', { 'Content-Security-Policy': headerPolicy(metaPolicy) }]]);
        this.emitFile({ type: 'asset', fileName: HEADERS_FILE, source: headersFileText(rules) });
      },
    },
    configurePreviewServer(server) {
      const headersPath = resolve(server.config.root, server.config.build.outDir, HEADERS_FILE);
      // A build from before the policy moved into a header has none: serving it without one would pass for secure.
      if (!existsSync(headersPath)) throw new Error(`${headersPath} is missing: build the app again (npm run build) before previewing it`);
      const rules = parseHeadersFile(readFileSync(headersPath, 'utf8'));
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://preview').pathname;
        for (const [name, value] of Object.entries(headersFor(rules, path))) response.setHeader(name, value);
        next();
      });
    },
  };
}
