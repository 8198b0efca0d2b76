import { render } from 'preact';
import { createApiClient } from './api/api-client.js';
import { App } from './app/app.js';
import { interceptLinks } from './app/router.js';
import './styles/admin.css';

const root = document.getElementById('app');
if (root === null) throw new Error('The CMS page has no #app element.');
interceptLinks(document.body);
render(<App api={createApiClient()} />, root);
