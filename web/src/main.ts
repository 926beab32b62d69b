// Composition root: builds the API client, auth state and router, then mounts the app.
import { mount } from 'svelte';
import { createApi, Http } from './api';
import App from './App.svelte';
import { Auth } from './lib/auth.svelte';
import { Router } from './lib/router.svelte';
import './styles/tokens.css';
import './styles/base.css';

const http = new Http();
const api = createApi(http);
const auth = new Auth(api);
const router = new Router();

http.onUnauthorized = () => {
  // The session ended underneath us (expired or revoked): ask to sign in again.
  if (!auth.account) return;
  auth.expire();
  const here = window.location.pathname + window.location.search;
  router.navigate(`/signin?expired=1&next=${encodeURIComponent(here)}`, { replace: true });
};

router.start();
void auth.load();

const target = document.getElementById('app');
if (!target) throw new Error('main: #app element missing');
mount(App, { target, props: { api, auth, router } });
