import type { VNode } from 'preact';
import type { NewsletterService } from '../../features/newsletters/newsletter.service.js';
import { SignupForm } from './signup-form.js';

/**
 * The sign-up block of the front page and of every article: the same for every reader (the
 * pages are cached), so it offers the newsletters open to everyone and asks for an address.
 * Members find their one-click form at /newsletters.
 */
export function createSignupBlock(deps: {
  readonly newsletters: Pick<NewsletterService, 'listNewsletters'>;
  readonly islandUrl: string;
}) {
  return async (sourcePage: string, idPrefix: string): Promise<VNode | null> => {
    const open = (await deps.newsletters.listNewsletters())
      .map((entry) => entry.newsletter)
      .filter((n) => n.status === 'active' && n.audience === 'everyone');
    if (open.length === 0) return null;
    return (
      <SignupForm
        newsletters={open}
        idPrefix={idPrefix}
        heading="Newsletters"
        sourcePage={sourcePage}
        islandUrl={deps.islandUrl}
      />
    );
  };
}

export type SignupBlock = ReturnType<typeof createSignupBlock>;
