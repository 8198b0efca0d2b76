import { renderToString } from 'preact-render-to-string';
import { PageLayout, type PageLayoutProps } from './layout/page-layout.js';

/** A whole HTML document for a reader page. */
export function renderPage(props: PageLayoutProps): string {
  return `<!doctype html>${renderToString(<PageLayout {...props} />)}`;
}
