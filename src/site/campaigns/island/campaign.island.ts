/**
 * The campaign island. Cached pages carry every running variant of a placement, the same
 * bytes for every reader of an audience; this script makes the per-reader choices on the
 * reader's own device: which variant to show (sticky, by the configured weights), how often
 * the appeal has been seen (the frequency cap), whether the banner was dismissed. It counts
 * impressions in one batch per page and keeps the figures current from the campaign's
 * short-lived JSON. Nothing about the reader is sent: the choices stay in localStorage.
 */
import { chooseVariant } from '../../../features/campaigns/variant-split.js';

interface Memory {
  /** The variant chosen per placement. */
  v: Record<string, string>;
  /** When the appeal was shown (ms), for the frequency cap. */
  seen: number[];
  dismissed: boolean;
}

interface LiveFigures {
  readonly figures: Record<string, string>;
  readonly value: number;
  readonly max: number;
}

const dayMs = 86_400_000;
const pollMs = 5_000;

function keyOf(id: string): string {
  return `masthead-campaign-${id}`;
}

function recall(id: string): Memory {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(id)) ?? 'null') as Partial<Memory> | null;
    return {
      v: parsed?.v ?? {},
      seen: Array.isArray(parsed?.seen) ? parsed.seen.filter((n) => typeof n === 'number') : [],
      dismissed: parsed?.dismissed === true,
    };
  } catch {
    return { v: {}, seen: [], dismissed: false };
  }
}

function remember(id: string, memory: Memory): void {
  try {
    localStorage.setItem(keyOf(id), JSON.stringify(memory));
  } catch {
    // Storage refused (private mode): the page still works, choices last for this page.
  }
}

/** Shows one variant of a placement; returns its id. */
function showVariant(section: HTMLElement, memory: Memory, placement: string): string | null {
  const options = Array.from(section.querySelectorAll<HTMLElement>('[data-variant]')).map(
    (element) => ({
      element,
      id: element.dataset.variant ?? '',
      weight: Number(element.dataset.weight ?? '0'),
    }),
  );
  const kept = options.find((o) => o.id === memory.v[placement]);
  const chosen = kept ?? chooseVariant(options, Math.random());
  if (chosen === null) return null;
  for (const option of options) option.element.hidden = option !== chosen;
  memory.v[placement] = chosen.id;
  return chosen.id;
}

const sections = Array.from(document.querySelectorAll<HTMLElement>('[data-campaign-placement]'));
const shown = new Map<string, string[]>();
const now = Date.now();

for (const section of sections) {
  const id = section.dataset.campaign ?? '';
  const placement = section.dataset.campaignPlacement ?? '';
  if (section.dataset.kind !== 'ask' || id === '') continue;
  const memory = recall(id);
  if (placement === 'banner' && memory.dismissed) {
    section.hidden = true;
    continue;
  }
  if (placement === 'appeal') {
    const [views = 0, days = 0] = (section.dataset.cap ?? '0/0').split('/').map(Number);
    memory.seen = memory.seen.filter((at) => now - at < days * dayMs);
    if (views > 0 && memory.seen.length >= views) {
      section.hidden = true;
      remember(id, memory);
      continue;
    }
    memory.seen.push(now);
  }
  const variant = showVariant(section, memory, placement);
  if (variant !== null) shown.set(id, [...(shown.get(id) ?? []), variant]);
  const dismiss = section.querySelector<HTMLButtonElement>('[data-campaign-dismiss]');
  if (dismiss !== null) {
    dismiss.hidden = false;
    dismiss.addEventListener('click', () => {
      const latest = recall(id);
      latest.dismissed = true;
      remember(id, latest);
      section.hidden = true;
      document.getElementById('content')?.focus();
    });
  }
  remember(id, memory);
}

// One batch of impressions per page and campaign.
for (const [id, variants] of shown) {
  void fetch(`/campaigns/${id}/impressions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ variants }),
    keepalive: true,
  }).catch(() => undefined);
}

function apply(id: string, live: LiveFigures): void {
  for (const section of sections) {
    if (section.dataset.campaign !== id) continue;
    for (const span of section.querySelectorAll<HTMLElement>('[data-campaign-figure]')) {
      const text = live.figures[span.dataset.campaignFigure ?? ''];
      if (text !== undefined && span.textContent !== text) span.textContent = text;
    }
    const progress = section.querySelector<HTMLProgressElement>('[data-campaign-progress]');
    if (progress !== null) {
      progress.max = live.max;
      progress.value = live.value;
      progress.textContent = `${live.figures.count ?? ''} of ${live.figures.goal ?? ''}`;
    }
  }
}

async function poll(id: string, url: string): Promise<void> {
  if (document.visibilityState === 'visible') {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      if (response.ok) apply(id, (await response.json()) as LiveFigures);
    } catch {
      // Offline for a moment: the next poll catches up.
    }
  }
  setTimeout(() => void poll(id, url), pollMs);
}

const liveUrls = new Map<string, string>();
for (const section of sections) {
  if (section.hidden) continue;
  const { campaign, live } = section.dataset;
  if (campaign !== undefined && live !== undefined) liveUrls.set(campaign, live);
}
for (const [id, url] of liveUrls) setTimeout(() => void poll(id, url), pollMs);
