/**
 * GraphiQL at GET /graphql, built from the `graphiql` package into our own bundle: no CDN, so it
 * works offline and under a CSP that allows only this server. Monaco's workers come from Vite's
 * worker build (`graphiql/setup-workers/vite`), the fonts are inlined in GraphiQL's CSS.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL } from 'graphiql';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { chromeText, mapHref, pageLang } from './chrome.js';
import { exampleTabs } from './examples.js';
import { createFetcher } from './fetcher.js';

// Read at build time: the files in schema/examples are the tabs, as they are in the repository.
const files = import.meta.glob<string>('../../../schema/examples/*.graphql', { query: '?raw', import: 'default', eager: true });

const lang = pageLang(location.search);
const text = chromeText(lang);
document.documentElement.lang = lang;

const header = h(
  'header',
  { className: 'atlas-graphiql-header' },
  h('a', { className: 'atlas-graphiql-back', href: mapHref(lang) }, text.backToMap),
  h('h1', null, text.title, h('span', null, text.subtitle)),
  h('p', null, text.hint),
);

createRoot(document.getElementById('graphiql-root')!).render(
  h(
    'div',
    { className: 'atlas-graphiql-page' },
    header,
    h(
      'main',
      null,
      h(GraphiQL, {
        fetcher: createFetcher('/graphql'),
        defaultTabs: exampleTabs(files),
      }),
    ),
  ),
);
