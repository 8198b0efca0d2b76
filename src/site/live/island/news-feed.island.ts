/**
 * The news feed island: the only script of the reader site. It keeps the news feed widget
 * and the archive current while a page is open. Pages are complete without it.
 *
 * It listens to /news-feed/live from the change the page was rendered at (data-since), so
 * nothing posted in between is missed. New entries slide in at the top when the reader is
 * there; when the reader has scrolled past the top of a list, they wait behind an
 * "N new updates" button instead of moving the text being read. Edits replace the entry
 * (and its "Updated" stamp); deletions remove it. No dependencies: it ships as written.
 */
export {};

interface EntryData {
  readonly id: string;
  readonly title: string;
  readonly published: string;
  readonly pinned: boolean;
  readonly day: { readonly key: string; readonly text: string };
  readonly item: string;
  readonly card: string;
}

interface Container {
  readonly root: HTMLElement;
  readonly kind: string;
  /** New entries are added here (the widget, the archive's first page). */
  readonly takesNew: boolean;
  readonly limit: number;
  readonly button: HTMLButtonElement | null;
  readonly status: HTMLElement | null;
  queue: EntryData[];
}

const changeKinds = ['created', 'updated', 'deleted', 'pinned'] as const;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const baseTitle = document.title;
let unseen = 0;

const containers: Container[] = Array.from(
  document.querySelectorAll<HTMLElement>('[data-news-feed]'),
  (root) => ({
    root,
    kind: root.dataset.newsFeed ?? '',
    takesNew: root.dataset.live === 'top',
    limit: Number(root.dataset.limit ?? '0'),
    button: root.querySelector<HTMLButtonElement>('[data-feed-button]'),
    status: root.querySelector<HTMLElement>('[data-feed-status]'),
    queue: [],
  }),
);

function showCount(): void {
  document.title = unseen > 0 ? `(${unseen}) ${baseTitle}` : baseTitle;
}

function announce(container: Container | undefined, text: string): void {
  const status = container?.status;
  if (status == null) return;
  // Cleared first, so the same words said twice are announced twice.
  status.textContent = '';
  window.setTimeout(() => (status.textContent = text), 100);
}

function toElement(html: string): HTMLElement | null {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  const element = template.content.firstElementChild;
  return element instanceof HTMLElement ? element : null;
}

/** Pinned entries first, then newest first: the order the server renders. */
function insertInOrder(list: Element, element: HTMLElement): void {
  const pinned = element.dataset.pinned === 'true';
  const published = element.dataset.published ?? '';
  for (const child of Array.from(list.children)) {
    if (!(child instanceof HTMLElement)) continue;
    const childPinned = child.dataset.pinned === 'true';
    if (
      (pinned && !childPinned) ||
      (pinned === childPinned && published > (child.dataset.published ?? ''))
    ) {
      list.insertBefore(element, child);
      return;
    }
  }
  list.append(element);
}

function dayList(container: Container, day: EntryData['day']): Element | null {
  const days = container.root.querySelector('[data-feed-days]');
  if (days === null) return null;
  const sections = Array.from(days.querySelectorAll<HTMLElement>('[data-day]'));
  const found = sections.find((section) => section.dataset.day === day.key);
  if (found !== undefined) return found.querySelector('ol');
  const oldestShown = sections.at(-1)?.dataset.day ?? '';
  // An older day belongs on a later page of the archive.
  if (oldestShown !== '' && day.key < oldestShown) return null;
  const section = document.createElement('section');
  section.className = 'news-feed-day';
  section.dataset.day = day.key;
  section.setAttribute('aria-labelledby', `day-${day.key}`);
  const heading = document.createElement('h2');
  heading.id = `day-${day.key}`;
  heading.textContent = day.text;
  const list = document.createElement('ol');
  list.className = 'news-feed-entries';
  section.append(heading, list);
  days.insertBefore(section, sections.find((s) => (s.dataset.day ?? '') < day.key) ?? null);
  return list;
}

function listFor(container: Container, data: EntryData): Element | null {
  if (container.kind === 'widget') return container.root.querySelector('[data-feed-list]');
  if (!data.pinned) return dayList(container, data.day);
  const pinned = container.root.querySelector<HTMLElement>('[data-feed-pinned]');
  if (pinned !== null) pinned.hidden = false;
  return pinned?.querySelector('ol') ?? null;
}

function remove(element: Element): void {
  const list = element.parentElement;
  element.remove();
  if (list === null || list.children.length > 0) return;
  const day = list.closest<HTMLElement>('[data-day]');
  if (day !== null) day.remove();
  const pinned = list.closest<HTMLElement>('[data-feed-pinned]');
  if (pinned !== null) pinned.hidden = true;
}

/** Puts an entry in its place; returns it, or null when it belongs elsewhere. */
function place(container: Container, data: EntryData, arriving: boolean): HTMLElement | null {
  const list = listFor(container, data);
  const element = toElement(container.kind === 'widget' ? data.item : data.card);
  if (list === null || element === null) return null;
  insertInOrder(list, element);
  if (container.limit > 0) {
    while (list.children.length > container.limit) list.lastElementChild?.remove();
  }
  if (arriving && !reducedMotion.matches) element.classList.add('news-feed-arrived');
  return element;
}

function isTopInView(container: Container): boolean {
  return container.root.getBoundingClientRect().top >= 0;
}

function showQueue(container: Container): void {
  const button = container.button;
  if (button === null) return;
  const n = container.queue.length;
  button.textContent = n === 1 ? '1 new update' : `${n} new updates`;
  button.hidden = n === 0;
}

function releaseQueue(container: Container, moveFocus: boolean): void {
  const arrived = container.queue.map((data) => place(container, data, true));
  container.queue = [];
  showQueue(container);
  unseen = 0;
  showCount();
  const first = arrived.find((element) => element !== null);
  if (moveFocus && first != null) {
    first.tabIndex = -1;
    first.focus();
  }
}

function receive(kind: string, data: EntryData | { id: string }): void {
  containers.forEach((container, index) => {
    const shown = Array.from(
      container.root.querySelectorAll(`[data-entry-id="${CSS.escape(data.id)}"]`),
    );
    container.queue = container.queue.filter((queued) => queued.id !== data.id);
    if (kind === 'deleted' || !('card' in data)) {
      shown.forEach(remove);
      showQueue(container);
      return;
    }
    if (shown.length > 0) {
      shown.forEach(remove);
      place(container, data, false);
      return;
    }
    const isNew = kind === 'created' || (kind === 'pinned' && data.pinned);
    if (!isNew || !container.takesNew) return;
    const first = index === 0 ? container : undefined;
    if (isTopInView(container) && container.queue.length === 0) {
      place(container, data, true);
      if (document.hidden) unseen += 1;
      announce(first, `New update: ${data.title}`);
    } else {
      container.queue.push(data);
      showQueue(container);
      unseen += 1;
      announce(
        first,
        container.queue.length === 1 ? '1 new update' : `${container.queue.length} new updates`,
      );
    }
    showCount();
  });
}

function offerReload(): void {
  for (const container of containers) {
    if (container.button === null) continue;
    container.queue = [];
    container.button.textContent = 'New updates: reload the page';
    container.button.hidden = false;
    container.button.dataset.reload = 'true';
  }
}

function listen(url: string, since: string): void {
  let lastId = since;
  const open = (): void => {
    const source = new EventSource(`${url}?lastEventId=${encodeURIComponent(lastId)}`);
    const remember = (event: MessageEvent<string>): void => {
      if (event.lastEventId !== '') lastId = event.lastEventId;
    };
    for (const kind of changeKinds) {
      source.addEventListener(kind, (event: MessageEvent<string>) => {
        remember(event);
        receive(kind, JSON.parse(event.data) as EntryData | { id: string });
      });
    }
    source.addEventListener('ready', remember);
    // The server no longer has everything this page missed: the page itself must be
    // loaded again. At once when nobody is reading it; otherwise at the reader's click.
    source.addEventListener('reset', (event: MessageEvent<string>) => {
      remember(event);
      if (document.hidden || containers.every(isTopInView)) {
        source.close();
        window.location.reload();
      } else {
        offerReload();
      }
    });
    // EventSource retries by itself, sending Last-Event-ID; once it gives up, wait and reopen.
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) window.setTimeout(open, 30_000);
    });
  };
  open();
}

const first = containers[0];
if (first !== undefined) {
  for (const container of containers) {
    container.button?.addEventListener('click', () => {
      if (container.button?.dataset.reload === 'true') window.location.reload();
      else releaseQueue(container, true);
    });
  }
  window.addEventListener(
    'scroll',
    () => {
      for (const container of containers) {
        if (container.queue.length > 0 && isTopInView(container)) releaseQueue(container, false);
      }
    },
    { passive: true },
  );
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && containers.every((container) => container.queue.length === 0)) {
      unseen = 0;
      showCount();
    }
  });
  listen(first.root.dataset.stream ?? '/news-feed/live', first.root.dataset.since ?? '0');
}
