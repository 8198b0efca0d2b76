import { useEffect, useRef, useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type {
  PreviewResource,
  VariantResource,
} from '../../../src/features/campaigns/campaign.resources.js';
import { useApp } from '../app/app-context.js';
import { Notice } from '../ui/fields.js';

const widths = [
  { label: 'Desktop', px: 1024 },
  { label: 'Phone', px: 375 },
] as const;

function frameDocument(cssUrl: string, html: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><base target="_blank"><link rel="stylesheet" href="${cssUrl}"></head><body>${html}</body></html>`;
}

/** How long typing must pause before the preview is rendered again. */
export const previewDelayMs = 300;

/**
 * Each placement as readers would see it, rendered by the server from the unsaved copy and
 * goal with the live figures, in frames at desktop and phone widths. It follows the editor
 * as they type: a pause renders it again, and an answer that arrives after a newer
 * request's is dropped, so the frames always show the latest text.
 */
export function CampaignPreview(props: {
  readonly campaignId: string;
  readonly variants: readonly VariantResource[];
  readonly thanksHeadline: string;
  readonly thanksBody: string;
  readonly goalTarget: number;
  readonly stretchTarget: number | null;
}) {
  const { api } = useApp();
  const [preview, setPreview] = useState<PreviewResource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const payload = JSON.stringify({
    variants: props.variants
      .filter((v) => v.status === 'running')
      .map((v) => ({ placement: v.placement, headline: v.headline, body: v.body })),
    thanks_headline: props.thanksHeadline,
    thanks_body: props.thanksBody,
    goal_target: props.goalTarget,
    stretch_target: props.stretchTarget,
  });
  useEffect(() => {
    const timer = setTimeout(() => {
      latest.current += 1;
      const request = latest.current;
      api
        .send<{ preview: PreviewResource }>(
          'POST',
          `/campaigns/${encodeURIComponent(props.campaignId)}/preview`,
          JSON.parse(payload),
        )
        .then((result) => {
          if (request !== latest.current) return;
          setPreview(result.preview);
          setError(null);
        })
        .catch((caught: unknown) => {
          if (request === latest.current) setError(toMessage(caught));
        });
    }, previewDelayMs);
    return () => clearTimeout(timer);
  }, [api, props.campaignId, payload]);
  if (error !== null) return <Notice kind="error">{error}</Notice>;
  if (preview === null) return <p role="status">Rendering the preview…</p>;
  return (
    <div class="campaign-previews">
      {preview.placements.map((placement, index) => (
        <section key={index} class="panel">
          <h3>{placement.label}</h3>
          {widths.map((width) => (
            <iframe
              key={width.px}
              title={`${placement.label} at ${width.label.toLowerCase()} width`}
              srcdoc={frameDocument(preview.css_url, placement.html)}
              width={width.px}
              height={placement.placement === 'banner' ? 220 : 420}
              style={{
                maxWidth: '100%',
                border: '1px solid #ccc',
                display: 'block',
                marginBottom: '0.75rem',
              }}
              sandbox=""
            />
          ))}
        </section>
      ))}
    </div>
  );
}
