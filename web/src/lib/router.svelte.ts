// Router keeps the current URL as reactive state and drives the History API.
// Same-origin <a href> clicks are intercepted, so pages use plain links.
// One instance per app, created in main.ts; browser main thread only.
// URL objects here are short-lived values, not reactive state; `search` is the state.
/* eslint-disable svelte/prefer-svelte-reactivity */

export interface NavigateOptions {
  replace?: boolean;
}

export class Router {
  path = $state(window.location.pathname);
  search = $state(window.location.search);
  /** Bumped on every navigation, so views can react even to same-URL visits. */
  version = $state(0);
  readonly query = $derived(new URLSearchParams(this.search));

  /** Goes to `to` (a path with optional query). Off-site URLs load normally. */
  navigate(to: string, options: NavigateOptions = {}): void {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const next = url.pathname + url.search + url.hash;
    if (options.replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    const pathChanged = url.pathname !== this.path;
    this.sync();
    if (pathChanged && !options.replace) window.scrollTo(0, 0);
  }

  /** Rewrites the query string in place (empty values are dropped), without a history entry. */
  setQuery(params: Record<string, string | null | undefined>): void {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    const text = query.toString();
    this.navigate(this.path + (text ? `?${text}` : ''), { replace: true });
  }

  /** Starts listening to back/forward and link clicks. Returns a stop function. */
  start(): () => void {
    const onPop = () => this.sync();
    const onClick = (event: MouseEvent) => this.interceptClick(event);
    window.addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }

  private sync(): void {
    this.path = window.location.pathname;
    this.search = window.location.search;
    this.version += 1;
  }

  private interceptClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || !anchor.href) return;
    if (anchor.target && anchor.target !== '_self') return;
    if (anchor.hasAttribute('download') || anchor.dataset.external !== undefined) return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    event.preventDefault();
    if (url.pathname === this.path && url.search === this.search && url.hash) {
      window.location.hash = url.hash;
      return;
    }
    this.navigate(url.pathname + url.search + url.hash);
  }
}
